// Issue #13 in the real Agents Playground UI (headless Chromium): a drill-down never erases the card it sits on.
//   1. "where is PO 201120/1" → Details on the held order → the order card arrives as a new message, and the PO card
//      above still lists all three orders.
//   2. A hold alert → Details → the order card arrives below, and the alert ("New hold on your order", Mute) is still
//      there.
// Fails (exit 1) when either card is gone or changed. Run through run.sh (fast alert polling):
//   NODE_PATH=/path/to/node_modules PLAYGROUND_SCRIPT=context.mjs bash tools/playground/run.sh [outDir]
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const require = createRequire(process.env.NODE_PATH ? resolve(process.env.NODE_PATH, '..', 'resolver.cjs') : import.meta.url);
const { chromium } = require('playwright-core');

const playground = process.argv[2] ?? 'http://127.0.0.1:56150';
const outDir = resolve(process.argv[3] ?? new URL('../../docs/images', import.meta.url).pathname);
mkdirSync(outDir, { recursive: true });
const schneider = 'http://127.0.0.1:3981';

const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1300, height: 1400 } });
const sleep = ms => new Promise(r => setTimeout(r, ms));
const cards = () => page.locator('.ac-adaptiveCard');

async function send(text) {
    await page.getByRole('textbox').fill(text);
    await page.getByRole('button', { name: 'Send Message' }).click();
}

function expect(condition, message) {
    if (!condition) throw new Error(message);
}

try {
    await page.goto(playground);
    await page.getByRole('textbox').waitFor({ timeout: 60_000 });
    await sleep(1500);

    // 1. PO card → Details.
    await send('where is PO 201120/1');
    const po = cards().filter({ hasText: 'PO 201120/1' }).filter({ hasText: '3 orders found' }).last();
    await po.waitFor({ timeout: 60_000 });
    const poBefore = await po.innerText();
    const before = await cards().count();
    await po.locator('button', { hasText: 'Details' }).first().click();
    await page.waitForFunction(n => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 60_000 });
    await sleep(1500);
    const detail = cards().last();
    const detailText = await detail.innerText();
    expect(/RF55A/.test(detailText) && /Checked/.test(detailText), `the order card did not arrive: ${detailText}`);
    const poAfter = await cards().filter({ hasText: '3 orders found' }).last().innerText();
    expect(poAfter === poBefore, `the PO card changed after Details:\n${poBefore}\n---\n${poAfter}`);
    await page.screenshot({ path: `${outDir}/playground-po-details.png` });
    console.log(`PO card kept ("${poAfter.split('\n').find(l => l.includes('orders found'))}"); order card below; wrote playground-po-details.png`);

    // 2. Alert → Details.
    await send('watch order 0100111111');
    await page.getByText("I'll post here when", { exact: false }).last().waitFor({ timeout: 60_000 });
    await sleep(7000);
    const held = await fetch(`${schneider}/_sandbox/orders/0100111111/hold`, { method: 'POST' });
    expect(held.status < 300, `the sandbox answered ${held.status}`);
    const alert = cards().filter({ hasText: 'New hold on your order' }).last();
    await alert.waitFor({ timeout: 90_000 });
    await sleep(800);
    const alertBefore = await alert.innerText();
    const count = await cards().count();
    await alert.locator('button', { hasText: 'Details' }).first().click();
    await page.waitForFunction(n => document.querySelectorAll('.ac-adaptiveCard').length > n, count, { timeout: 60_000 });
    await sleep(1500);
    const alertAfter = await cards().filter({ hasText: 'New hold on your order' }).last();
    expect(await alertAfter.innerText() === alertBefore, 'the alert changed after Details');
    expect(await alertAfter.locator('button', { hasText: 'Mute' }).count() === 1, 'the alert lost its Mute button');
    const order = await cards().last().innerText();
    expect(/0100111111/.test(order) && /Checked/.test(order), `the order card did not arrive: ${order}`);
    // What the alert calls a hold, the order card shows too (not a cached "In progress" from before the change), and
    // the watched order offers Unwatch.
    expect(/On hold/.test(order) && /Unwatch/.test(order) && /Watching/.test(order), `the order card contradicts the alert: ${order}`);
    await cards().last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${outDir}/playground-alert-details.png` });
    console.log('alert kept with its Mute; order card below; wrote playground-alert-details.png');
} catch (error) {
    await page.screenshot({ path: `${outDir}/playground-failure.png` }).catch(() => {});
    console.error(error);
    process.exitCode = 1;
} finally {
    await browser.close();
}
