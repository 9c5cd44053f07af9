// Screenshots of a late supplier in the real Agents Playground UI: the PO answer goes out at the turn's deadline
// naming Ingram as "did not answer in time", then the same card is updated in place once Ingram answers. Run with a
// slow Ingram sandbox and a short deadline:
//   Sandbox__Ingram__Latency=00:00:12 Conversation__TurnDeadline=00:00:04 \
//   NODE_PATH=/path/to/node_modules PLAYGROUND_SCRIPT=late-answer.mjs bash tools/playground/run.sh [outDir]
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
const page = await browser.newPage({ viewport: { width: 1300, height: 1100 } });
const sleep = ms => new Promise(r => setTimeout(r, ms));

async function shootCardWith(text, file) {
    const card = page.locator('.ac-adaptiveCard', { hasText: text }).last();
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${outDir}/${file}` });
    console.log(`wrote ${outDir}/${file}`);
}

try {
    await page.goto(playground);
    await page.getByRole('textbox').waitFor({ timeout: 60_000 });
    await sleep(1500);
    await page.getByRole('textbox').fill('where is PO 201120/1');
    await page.getByRole('button', { name: 'Send Message' }).click();

    await page.getByText('did not answer in time', { exact: false }).last().waitFor({ timeout: 30_000 });
    await sleep(500);
    await shootCardWith('PO 201120/1', 'playground-late-before.png');

    // The same message, replaced in place: Ingram's orders are on it now and the "did not answer" line is gone.
    await page.locator('.ac-adaptiveCard', { hasText: '20-RF55A' }).last().waitFor({ timeout: 60_000 });
    await sleep(800);
    await shootCardWith('20-RF55A', 'playground-late-after.png');
    // In place: one PO answer in the chat (not a second message), and no card says "did not answer" any more.
    const answers = await page.locator('.ac-adaptiveCard', { hasText: 'orders found' }).count();
    const stillLate = await page.locator('.ac-adaptiveCard', { hasText: 'did not answer in time' }).count();
    await page.screenshot({ path: `${outDir}/playground-late-chat.png` });
    console.log(`PO answers in the chat: ${answers}; cards saying "did not answer in time": ${stillLate}`);
    if (answers !== 1 || stillLate !== 0) throw new Error('the card was not updated in place');
} finally {
    await browser.close();
}
