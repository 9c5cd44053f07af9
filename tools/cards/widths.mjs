// Renders every card in a folder with the official adaptivecards renderer in headless Chromium, at a phone width
// (320 px) and a desktop width, and fails on what a reader would see broken there:
//   - an action title cut short ("D.", "Track 0…", "Wa…"): its text is wider than the button shows;
//   - content wider than the card (a horizontal scroll or clipped text);
//   - an order, PO or tracking number split over two lines ("20-" / "RF55A").
// Optionally writes a screenshot per card and width.
//
// Usage: node widths.mjs <folder> [--widths 320,540] [--shots <outdir>] [--only a.json,b.json]
//        node widths.mjs --self-test      (proves each check fires on a card built to break it)
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { withCardPage } from './card-page.mjs';

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
}

// Runs inside the page: renders one card at the given width and returns the problems a reader would see.
function inspect({ card, width }) {
  window.renderCard(card, width);
  const root = document.getElementById('host').firstElementChild;

  const problems = [];
  // 1. Action titles: the button or any element inside it whose text is wider than its box is cut (ellipsis).
  for (const button of root.querySelectorAll('button')) {
    const text = (button.textContent || '').trim();
    const label = (button.getAttribute('aria-label') || text).trim();
    if (!text || text === '…' || text === '...') continue; // the overflow ("More options") button

    const boxes = [button, ...button.querySelectorAll('*')];
    if (boxes.some((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)) {
      problems.push(`action title cut: "${label}"`);
    }
  }
  // 2. Content wider than the card.
  if (root.scrollWidth > root.clientWidth + 1) {
    problems.push(`content ${root.scrollWidth}px wide in a ${root.clientWidth}px card`);
  }
  // 3. Identifiers (a word with a digit, 6+ characters, e.g. 20-RF55A, 201120/1, 1Z999AA10123456784) on one line.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const identifier = /[^\s,;:()]*\d[^\s,;:()]*/g;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('button')) continue;
    for (const match of node.data.matchAll(identifier)) {
      const token = match[0].replace(/[.…]+$/, '');
      if (token.length < 6) continue;
      // A link's address after "https:" is no identifier to read at a glance: long URLs wrap where they must
      // (the tracking number itself stands before it, on one line, and is checked).
      if (token.startsWith('//')) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + token.length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) problems.push(`identifier split over lines: "${token}"`);
    }
  }
  return problems;
}

async function check(page, card, width) {
  return page.evaluate(inspect, { card, width });
}

async function selfTest(page) {
  const broken = {
    type: 'AdaptiveCard', version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Tracking number 00111102010000000001 00111102010000000002 and order 20-RF55A-AND-A-LONG-TAIL-THAT-MUST-WRAP', wrap: true },
      { type: 'ActionSet', actions: ['Details of the first order', 'Track 00111102010000000001', 'Watch this order', 'More'].map((title) => ({ type: 'Action.Submit', title })) },
    ],
  };
  const fine = {
    type: 'AdaptiveCard', version: '1.5',
    body: [
      { type: 'TextBlock', text: 'PO 201120/1: on hold.', wrap: true },
      { type: 'ActionSet', actions: ['Details', 'Track', 'Watch'].map((title) => ({ type: 'Action.Submit', title })) },
    ],
  };
  const seen = await check(page, broken, 320);
  const clean = await check(page, fine, 320);
  const wanted = ['action title cut', 'identifier split over lines'];
  const missing = wanted.filter((w) => !seen.some((p) => p.startsWith(w)));
  if (missing.length > 0 || clean.length > 0) {
    console.error(`self-test failed: missing ${JSON.stringify(missing)}, seen ${JSON.stringify(seen)}, on a clean card ${JSON.stringify(clean)}`);
    return 1;
  }
  console.log(`self-test ok: a broken card shows ${seen.length} problems at 320 px, a clean one none`);
  return 0;
}

async function main(args) {
  if (args[0] === '--self-test') return withCardPage(selfTest);
  const folder = args[0];
  if (!folder) {
    console.error('usage: node widths.mjs <folder> [--widths 320,540] [--shots <outdir>] [--only a.json,b.json]');
    return 2;
  }
  const widths = option(args, '--widths', '320,540').split(',').map(Number);
  const shots = option(args, '--shots', null);
  const only = option(args, '--only', null)?.split(',');
  if (shots) mkdirSync(shots, { recursive: true });
  const files = readdirSync(folder).filter((f) => f.endsWith('.json') && (!only || only.includes(f))).sort();
  return withCardPage(async (page) => {
    let failures = 0;
    for (const file of files) {
      const card = JSON.parse(readFileSync(join(folder, file), 'utf8'));
      for (const width of widths) {
        const problems = await check(page, card, width);
        if (shots) {
          await page.locator('#host').screenshot({ path: join(shots, `${basename(file, '.json')}-${width}.png`) });
        }
        for (const p of problems) console.error(`${file} @ ${width}px: ${p}`);
        failures += problems.length;
      }
    }
    console.log(`${files.length} cards at ${widths.join(' and ')} px: ${failures} problem${failures === 1 ? '' : 's'}`);
    return failures === 0 ? 0 : 1;
  });
}

process.exitCode = await main(process.argv.slice(2));
