// Offline validation of the Teams app manifest, for CI:
//   1. fill the placeholders of manifest/manifest.json with a test GUID and domain (as `orderbot package` does),
//      or take an already filled manifest.json given as the first argument;
//   2. validate it against the v1.30 schema BUNDLED with @microsoft/m365agentstoolkit-cli (ajv, draft-04, all errors);
//   3. check the icons it names (PNG, 192x192 colour, 32x32 outline with alpha);
//   4. run `atk validate` on it (the toolkit's own rules);
//   5. prove the validators bite: negative fixtures must be rejected, each for the expected reason.
// Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
const toolkit = join(here, 'node_modules', '@microsoft', 'm365agentstoolkit-cli');
const schemaPath = join(toolkit, 'json-schemas', 'teams', 'v1.30', 'MicrosoftTeams.schema.json');
const TEST_ID = '11111111-2222-3333-4444-555555555555';
const TEST_DOMAIN = 'orderbot.example.com';

let failures = 0;
const ok = (msg) => console.log(`  ok    ${msg}`);
const fail = (msg) => { failures++; console.log(`  FAIL  ${msg}`); };

// ---- 1. the manifest under test ----------------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'orderbot-manifest-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
let sourceDir;
let manifest;
if (process.argv[2]) {
    const file = resolve(process.argv[2]);
    sourceDir = dirname(file);
    manifest = JSON.parse(readFileSync(file, 'utf8'));
} else {
    sourceDir = resolve(here, '..', '..', 'manifest');
    // Same placeholders and same rule as PackageCommand: APP_ID defaults to the bot id.
    const text = readFileSync(join(sourceDir, 'manifest.json'), 'utf8')
        .replaceAll('${{APP_ID}}', TEST_ID)
        .replaceAll('${{BOT_ID}}', TEST_ID)
        .replaceAll('${{BOT_DOMAIN}}', TEST_DOMAIN);
    manifest = JSON.parse(text);
}
console.log(`manifest from ${sourceDir}`);
const leftover = JSON.stringify(manifest).match(/\$\{\{[A-Z_]+\}\}/g);
if (leftover) fail(`placeholders left unfilled: ${[...new Set(leftover)].join(', ')}`);

// ---- 2. JSON schema ---------------------------------------------------------------------------
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSchema = ajv.compile(schema);
const describe = (errors) => (errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n        ');

console.log('schema v1.30 (bundled with m365agentstoolkit-cli 1.1.17)');
if (manifest.manifestVersion !== '1.30') fail(`manifestVersion is ${manifest.manifestVersion}, expected 1.30`);
if (validateSchema(manifest)) ok('manifest.json is valid');
else fail(`manifest.json is invalid:\n        ${describe(validateSchema.errors)}`);

// ---- 3. icons ---------------------------------------------------------------------------------
function pngHeader(file) {
    const b = readFileSync(file);
    const signature = '89504e470d0a1a0a';
    if (b.length < 33 || b.subarray(0, 8).toString('hex') !== signature || b.toString('ascii', 12, 16) !== 'IHDR') return null;
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), colorType: b[25] };
}
console.log('icons');
for (const [key, size, needsAlpha] of [['color', 192, false], ['outline', 32, true]]) {
    const file = join(sourceDir, manifest.icons?.[key] ?? '');
    const png = existsSync(file) ? pngHeader(file) : null;
    if (!png) { fail(`${key} icon ${file} is missing or not a PNG`); continue; }
    if (png.width !== size || png.height !== size) fail(`${key} icon is ${png.width}x${png.height}, expected ${size}x${size}`);
    else if (needsAlpha && png.colorType !== 4 && png.colorType !== 6) fail(`${key} icon has no alpha channel (colour type ${png.colorType})`);
    else ok(`${key} icon ${size}x${size}${needsAlpha ? ' with alpha' : ''}`);
    copyFileSync(file, join(work, manifest.icons[key]));
}

// ---- 4. atk validate --------------------------------------------------------------------------
function atk(manifestObject, name) {
    const file = join(work, name);
    writeFileSync(file, JSON.stringify(manifestObject, null, 2));
    const run = spawnSync(process.execPath,
        [join(toolkit, 'cli.js'), 'validate', '--manifest-file', file, '--interactive', 'false', '--telemetry', 'false'],
        { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
    return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}`.trim() };
}
console.log('atk validate');
const positive = atk(manifest, 'manifest.json');
if (positive.status === 0) ok('atk validate passed');
else fail(`atk validate exited ${positive.status}:\n${positive.output}`);

// ---- 5. negative fixtures ----------------------------------------------------------------------
// Each fixture must fail the schema with the named keyword at the named place; atk must reject it too.
const clone = () => structuredClone(manifest);
const negatives = [
    ['missing accentColor', (m) => { delete m.accentColor; }, 'required', '', (e) => e.params.missingProperty === 'accentColor'],
    ['accentColor "#fff"', (m) => { m.accentColor = '#fff'; }, 'pattern', '/accentColor'],
    ['non-GUID botId', (m) => { m.bots[0].botId = 'orderbot'; }, 'pattern', '/bots/0/botId'],
    ['scopes ["groupchat"]', (m) => { m.bots[0].scopes = ['groupchat']; }, 'enum', '/bots/0/scopes/0'],
    ['extra root key', (m) => { m.homepage = 'https://orderbot.example.com'; }, 'additionalProperties', '', (e) => e.params.additionalProperty === 'homepage'],
    ['13 commands in a list', (m) => {
        const list = m.bots[0].commandLists[0];
        while (list.commands.length < 13) list.commands.push({ title: `extra ${list.commands.length}`, description: 'extra' });
    }, 'maxItems', '/bots/0/commandLists/0/commands'],
    ['command title of 129 characters', (m) => { m.bots[0].commandLists[0].commands[0].title = 'x'.repeat(129); }, 'maxLength', '/bots/0/commandLists/0/commands/0/title'],
];
console.log('negative fixtures');
for (const [name, mutate, keyword, path, extra] of negatives) {
    const bad = clone();
    mutate(bad);
    if (validateSchema(bad)) { fail(`schema accepted: ${name}`); continue; }
    const hit = validateSchema.errors.find((e) => e.keyword === keyword && e.instancePath === path && (!extra || extra(e)));
    if (!hit) { fail(`schema rejected ${name}, but not for ${keyword} at ${path || '/'}:\n        ${describe(validateSchema.errors)}`); continue; }
    const result = atk(bad, `negative-${negatives.findIndex((n) => n[0] === name)}.json`);
    if (result.status === 0) fail(`atk validate accepted: ${name}`);
    else ok(`rejected: ${name}`);
}

console.log(failures === 0 ? 'manifest validation: all passed' : `manifest validation: ${failures} failure(s)`);
process.exit(failures === 0 ? 0 : 1);
