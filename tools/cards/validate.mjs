// Runs the OFFICIAL Adaptive Cards parser (adaptivecards 3.0.6) over golden card files, as Teams' 1.5 renderer
// would read them. Every parse or validation event fails the run: the parser reports unknown element and action
// types, invalid enum values, missing or duplicate input ids, unsupported versions and elements newer than the
// card's version. It does not report empty TextBlocks, Images without url or empty FactSets; the C# structural
// validator (OrderBot.AdaptiveCards.Validation) checks those.
//
// Usage: node validate.mjs <dir-or-file>...   (default: ../../tests/OrderBot.Tests/Cards/Golden)
//        node validate.mjs --self-test          (proves a broken card is reported)
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// require('adaptivecards') fails in Node (extension-less ESM in lib/); the UMD bundle works without a DOM.
const AC = require('adaptivecards/dist/adaptivecards.js');

const eventName = (value) => AC.ValidationEvent?.[value] ?? String(value);
const phaseName = (value) => AC.ValidationPhase?.[value] ?? String(value);

export function validateCard(json) {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse ${phaseName(e.phase)} ${eventName(e.event)}: ${e.message}`);
  }
  // An element the parser could not read is dropped; make that visible even when no event says so.
  const declared = Array.isArray(json.body) ? json.body.length : 0;
  if (card.getItemCount() !== declared) {
    problems.push(`parser kept ${card.getItemCount()} of ${declared} body elements`);
  }
  for (const e of card.validateProperties().validationEvents) {
    problems.push(`validate ${phaseName(e.phase)} ${eventName(e.event)}: ${e.message}`);
  }
  return problems;
}

function filesOf(target) {
  const path = resolve(target);
  if (statSync(path).isDirectory()) {
    return readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f));
  }
  return [path];
}

function selfTest() {
  const broken = {
    type: 'AdaptiveCard', version: '1.5',
    body: [
      { type: 'Carousel' },
      { type: 'TextBlock', text: 'x', color: 'Purple' },
      { type: 'Input.Text' },
    ],
  };
  const problems = validateCard(broken);
  if (problems.length < 2) {
    console.error(`self-test: expected the parser to report the broken card, got: ${problems.join('; ') || 'nothing'}`);
    return 1;
  }
  console.log(`self-test: the parser reported ${problems.length} problems in a broken card, as it should`);
  return 0;
}

function main(args) {
  if (args.includes('--self-test')) {
    return selfTest();
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const targets = args.length > 0 ? args : [join(here, '../../tests/OrderBot.Tests/Cards/Golden')];
  const files = targets.flatMap(filesOf);
  if (files.length === 0) {
    console.error('no card files found');
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    let problems;
    try {
      problems = validateCard(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      problems = [`cannot read: ${error.message}`];
    }
    if (problems.length > 0) {
      failed++;
      console.error(`FAIL ${file}`);
      for (const p of problems) console.error(`  ${p}`);
    } else {
      console.log(`ok   ${file}`);
    }
  }
  console.log(`${files.length - failed} of ${files.length} cards valid for Adaptive Cards 1.5`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
