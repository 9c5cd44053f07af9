// Clerks' own words in the real Agents Playground UI (headless Chromium): each question is typed as a person would,
// the answer's first line must contain the expected words, and a screenshot of the chat is taken after each answer.
// Run through run.sh (it starts the bot and the Playground):
//   NODE_PATH=/path/to/node_modules PLAYGROUND_SCRIPT=clerk.mjs bash tools/playground/run.sh [outDir] [questions.json]
// questions.json: [[question, expected words, screenshot file], …]; without it, the list below. A question
// "POST <url>" is a timed control call to a sandbox; "CLICK <text>" switches conversation (e.g. "CLICK Group Chat").
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const require = createRequire(process.env.NODE_PATH ? resolve(process.env.NODE_PATH, '..', 'resolver.cjs') : import.meta.url);
const { chromium } = require('playwright-core');

const playground = process.argv[2] ?? 'http://127.0.0.1:56150';
const outDir = resolve(process.argv[3] ?? new URL('../../docs/images', import.meta.url).pathname);
mkdirSync(outDir, { recursive: true });

// [question, words the answer must contain, screenshot file]
const questions = process.argv[4] ? JSON.parse(readFileSync(process.argv[4], 'utf8')) : [
    ['is 0101000082 late?', 'days late', 'playground-clerk-late.png'],
    ['why is 20-RD12K on hold', 'not on hold', 'playground-clerk-why.png'],
    ['has CUSTPO shipped yet?', '1 of 3 orders has shipped', 'playground-clerk-shipped.png'],
    ['what is a C3 hold?', 'hold code C3', 'playground-clerk-holdcode.png'],
    ['orders due tomorrow', 'Orders due from', 'playground-clerk-due.png'],
    ['PO201120/1', '3 orders found', 'playground-clerk-glued-po.png'],
    ['status of 20-RF55A and 20-LT001', 'LT001', 'playground-clerk-two.png'],
    ['change my time zone to UK time', 'Europe/London', 'playground-clerk-timezone.png'],
    ['thanks', 'welcome', 'playground-clerk-thanks.png'],
    ['ETA on PO 201130/PART', 'Expected', 'playground-clerk-eta.png'],
];

const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1300, height: 1400 } });
const sleep = ms => new Promise(r => setTimeout(r, ms));
let failures = 0;

try {
    await page.goto(playground);
    await page.getByRole('textbox').waitFor({ timeout: 60_000 });
    await sleep(1500);
    for (const [question, expected, file] of questions) {
        // The answer is a new message containing the expected words: count them before, wait for one more.
        const count = words => document.body.innerText.toLowerCase().split(words.toLowerCase()).length - 1;
        const before = await page.evaluate(count, expected);
        // "POST <url>" is not typed: it is a control call to a sandbox (e.g. put an order on hold), timed to the answer.
        const started = Date.now();
        if (question.startsWith('CLICK ')) {
            // "CLICK <text>": switch conversation in the Playground (e.g. "CLICK Group Chat"), then go on typing there.
            await page.getByText(question.slice(6), { exact: true }).first().click();
            await sleep(2500);
            await page.screenshot({ path: `${outDir}/${file}` });
            console.log(`ok   clicked "${question.slice(6)}"; ${file}`);
            continue;
        }
        if (question.startsWith('POST ')) {
            const response = await fetch(question.slice(5), { method: 'POST' });
            if (response.status >= 300) throw new Error(`${question} answered ${response.status}`);
        } else {
            await page.getByRole('textbox').fill(question);
            await page.getByRole('button', { name: 'Send Message' }).click();
        }
        try {
            await page.waitForFunction(
                ([n, words]) => document.body.innerText.toLowerCase().split(words.toLowerCase()).length - 1 > n,
                [before, expected],
                { timeout: 60_000 });
            console.log(`ok   "${question}" → contains "${expected}" after ${((Date.now() - started) / 1000).toFixed(1)} s; ${file}`);
        } catch {
            failures++;
            console.log(`FAIL "${question}" → no "${expected}" in the answer; ${file}`);
        }
        await sleep(1500);
        await page.screenshot({ path: `${outDir}/${file}` });
    }
} catch (error) {
    await page.screenshot({ path: `${outDir}/playground-failure.png` }).catch(() => {});
    console.error(error);
    failures++;
} finally {
    await browser.close();
}
process.exitCode = failures === 0 ? 0 : 1;
