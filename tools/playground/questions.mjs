// Issue #12 in the real Agents Playground UI (headless Chromium): everyday questions, one screenshot of each answer.
// Each answer must arrive as a new card (or text) and state the question it answered. Run through run.sh:
//   NODE_PATH=/path/to/node_modules PLAYGROUND_SCRIPT=questions.mjs bash tools/playground/run.sh [outDir]
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const require = createRequire(process.env.NODE_PATH ? resolve(process.env.NODE_PATH, '..', 'resolver.cjs') : import.meta.url);
const { chromium } = require('playwright-core');

const playground = process.argv[2] ?? 'http://127.0.0.1:56150';
const outDir = resolve(process.argv[3] ?? new URL('../../docs/images', import.meta.url).pathname);
mkdirSync(outDir, { recursive: true });

// [question, text the answer must contain, screenshot file]
const questions = [
    ['summary of my open orders', 'Open orders (not yet shipped, invoiced or cancelled)', 'playground-open-summary.png'],
    ['when will item LV438570 on order 0100111111 arrive', 'LV438570 (item 000010)', 'playground-item-line.png'],
    ['anything on hold for more than 3 days', "The suppliers don't say when a hold began", 'playground-hold-age.png'],
    ['all orders', 'not all of them', 'playground-not-all.png'],
];

const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1300, height: 2000 } });
const sleep = ms => new Promise(r => setTimeout(r, ms));

try {
    await page.goto(playground);
    await page.getByRole('textbox').waitFor({ timeout: 60_000 });
    await sleep(1500);
    for (const [question, expected, file] of questions) {
        const before = await page.locator('.ac-adaptiveCard').count();
        await page.getByRole('textbox').fill(question);
        await page.getByRole('button', { name: 'Send Message' }).click();
        // Each of these answers carries a card: wait for it, then for the expected words anywhere in the chat.
        await page.waitForFunction(n => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 60_000 });
        await page.waitForFunction(text => document.body.innerText.includes(text), expected, { timeout: 30_000 });
        await sleep(1500);
        await page.screenshot({ path: `${outDir}/${file}` });
        console.log(`ok   "${question}" → "${expected}"; wrote ${file}`);
    }
} catch (error) {
    await page.screenshot({ path: `${outDir}/playground-failure.png` }).catch(() => {});
    console.error(error);
    process.exitCode = 1;
} finally {
    await browser.close();
}
