// Renders a card JSON to PNG with the official adaptivecards renderer in headless Chromium, using a Teams-like
// light host config, for README pictures and visual review. Needs Debian's chromium (/usr/bin/chromium).
//
// Usage: node render.mjs <card.json> <out.png> [--width 640]
import { readFileSync } from 'node:fs';
import { withCardPage } from './card-page.mjs';

async function main([input, output, ...rest]) {
  if (!input || !output) {
    console.error('usage: node render.mjs <card.json> <out.png> [--width 640]');
    return 2;
  }
  const widthIndex = rest.indexOf('--width');
  const width = widthIndex >= 0 ? Number(rest[widthIndex + 1]) : 640;
  const card = JSON.parse(readFileSync(input, 'utf8'));
  return withCardPage(async (page) => {
    const problems = await page.evaluate(({ card, width }) => window.renderCard(card, width), { card, width });
    for (const p of problems) console.error(`warning: ${p}`);
    await page.locator('#host').screenshot({ path: output });
    console.log(`rendered ${input} -> ${output}`);
    return 0;
  }, { width: width + 40, height: 800 });
}

process.exitCode = await main(process.argv.slice(2));
