// Screenshots of OrderBot in the real Agents Playground UI (headless Chromium): a PO answer and the hold alerts of
// both suppliers as they arrive in the chat. Run through run.sh (it starts the bot with fast alert polling):
//   NODE_PATH=/path/to/node_modules PLAYGROUND_SCRIPT=screenshots.mjs bash tools/playground/run.sh [outDir]
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

// playwright-core is not a CI dependency: take it from NODE_PATH (ES modules ignore NODE_PATH, so resolve by hand).
const require = createRequire(process.env.NODE_PATH ? resolve(process.env.NODE_PATH, '..', 'resolver.cjs') : import.meta.url);
const { chromium } = require('playwright-core');

const playground = process.argv[2] ?? 'http://127.0.0.1:56150';
const outDir = resolve(process.argv[3] ?? new URL('../../docs/images', import.meta.url).pathname);
mkdirSync(outDir, { recursive: true });
const schneider = 'http://127.0.0.1:3981';
const ingram = 'http://127.0.0.1:3982';

const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1300, height: 1100 } });
const sleep = ms => new Promise(r => setTimeout(r, ms));

async function send(text) {
    const box = page.getByRole('textbox');
    await box.fill(text);
    await page.getByRole('button', { name: 'Send Message' }).click();
}

async function waitForText(text, timeout = 90_000) {
    await page.getByText(text, { exact: false }).last().waitFor({ timeout });
}

async function shootCardWith(text, file) {
    const card = page.locator('.ac-adaptiveCard', { hasText: text }).last();
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${outDir}/${file}` });
    console.log(`wrote ${outDir}/${file}`);
}

async function control(url) {
    const response = await fetch(url, { method: 'POST' });
    if (response.status >= 300) throw new Error(`${url} answered ${response.status}`);
}

try {
    await page.goto(playground);
    await page.getByRole('textbox').waitFor({ timeout: 60_000 });
    await sleep(1500);

    await send('where is PO 201120/1');
    await waitForText('RF55A'); // cards write order numbers with non-breaking hyphens
    await sleep(800);
    await shootCardWith('PO 201120/1', 'playground-po.png');

    // Ingram tracking from the v5 order details: one button per parcel with a carrier link.
    await send('track order 20-RF56B');
    await waitForText('1Z999AA10123456784');
    await sleep(800);
    await shootCardWith('1Z999AA10123456784', 'playground-track-ingram.png');

    // Schneider: watch an order, let the watcher take its baseline, then the sandbox holds one item.
    await send('watch order 0100111111');
    await waitForText("I'll post here when");
    await sleep(7000);
    await control(`${schneider}/_sandbox/orders/0100111111/hold`);
    await waitForText('New hold on your order');
    await sleep(800);
    await shootCardWith('New hold on your order', 'playground-alert-schneider.png');

    // Ingram: a status-only hold (credit hold status, no hold reason code) on a watched order.
    await send('watch order 20-IM088');
    await page.getByText("I'll post here when order 20-IM088", { exact: false }).last().waitFor({ timeout: 60_000 });
    await sleep(7000);
    await control(`${ingram}/_sandbox/ingram/orders/20-IM088/status?code=C&label=CREDIT%20HOLD`);
    await page.locator('.ac-adaptiveCard', { hasText: 'IM088' }).filter({ hasText: 'New hold on your order' }).last().waitFor({ timeout: 90_000 });
    await sleep(800);
    await shootCardWith('credit department', 'playground-alert-ingram.png');

    await page.screenshot({ path: `${outDir}/playground-chat.png`, fullPage: false });
    console.log(`wrote ${outDir}/playground-chat.png`);
} catch (error) {
    await page.screenshot({ path: `${outDir}/playground-failure.png` }).catch(() => {});
    console.error(error);
    process.exitCode = 1;
} finally {
    await browser.close();
}
