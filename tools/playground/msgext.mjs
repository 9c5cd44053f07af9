// Screenshots of the message extension in the real Agents Playground UI: "Trigger Message Extension App" → Search
// Command (findOrder) for "201120/1" and "on hold", a result inserted into the chat, and an order link unfurled.
//   NODE_PATH=/path/to/node_modules PLAYGROUND_SCRIPT=msgext.mjs bash tools/playground/run.sh [outDir]
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const require = createRequire(process.env.NODE_PATH ? resolve(process.env.NODE_PATH, '..', 'resolver.cjs') : import.meta.url);
const { chromium } = require('playwright-core');

const playground = process.argv[2] ?? 'http://127.0.0.1:56150';
const outDir = resolve(process.argv[3] ?? new URL('../../docs/images', import.meta.url).pathname);
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
const sleep = ms => new Promise(r => setTimeout(r, ms));

async function openSearch() {
    await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await page.getByRole('menuitem', { name: 'Search Command' }).click();
    await page.getByRole('button', { name: 'Specify Command ID or Parameter' }).click();
    await page.getByPlaceholder('Command ID').fill('findOrder');
    await page.getByPlaceholder('Parameter name').fill('query');
    await page.getByRole('button', { name: 'Specify Command ID or Parameter' }).click();
}

async function search(text) {
    const box = page.getByPlaceholder('Enter a search term');
    await box.fill(text);
    await box.press('Enter');
}

try {
    await page.goto(playground);
    await page.getByRole('textbox').first().waitFor({ timeout: 60_000 });
    await sleep(1500);

    await openSearch();
    await search('201120/1');
    await page.getByText('20-RF55A', { exact: false }).first().waitFor({ timeout: 30_000 });
    await sleep(800);
    await page.screenshot({ path: `${outDir}/playground-msgext-search.png` });
    console.log(`wrote ${outDir}/playground-msgext-search.png`);

    await search('on hold');
    await page.getByText('On hold', { exact: false }).first().waitFor({ timeout: 30_000 });
    await sleep(800);
    await page.screenshot({ path: `${outDir}/playground-msgext-onhold.png` });
    console.log(`wrote ${outDir}/playground-msgext-onhold.png`);

    // Pick a result: its card goes into the compose box; sending posts it into the conversation.
    await search('201120/1');
    await page.getByText('20-RF55A', { exact: false }).first().waitFor({ timeout: 30_000 });
    await page.getByText('20-RF55A', { exact: false }).first().click();
    await sleep(1500);
    await page.screenshot({ path: `${outDir}/playground-msgext-picked.png` });
    await page.getByRole('button', { name: 'Send Message' }).click();
    await sleep(2000);
    await page.screenshot({ path: `${outDir}/playground-msgext-inserted.png` });
    console.log(`wrote ${outDir}/playground-msgext-inserted.png`);
    // An order link pasted into a message unfurls into the order card (composeExtension/queryLink).
    await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await page.getByRole('menuitem', { name: 'Link Unfurling' }).click();
    const url = page.locator('input[aria-label="Enter an URL"], input[placeholder="Enter an URL"], textarea[aria-label="Enter an URL"]').first();
    await url.fill('https://orderbot.example.com/orders/schneider/0100111111');
    await url.press('Enter');
    await sleep(3000);
    await page.screenshot({ path: `${outDir}/playground-msgext-link.png` });
    console.log(`wrote ${outDir}/playground-msgext-link.png`);
} finally {
    await browser.close();
}
