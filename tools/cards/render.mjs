// Renders a card JSON to PNG with the official adaptivecards renderer in headless Chromium, using a Teams-like
// light host config, for README pictures and visual review. Needs Debian's chromium (/usr/bin/chromium).
//
// Usage: node render.mjs <card.json> <out.png> [--width 640]
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostConfig, hostCss } from './host-config.mjs';

const require = createRequire(import.meta.url);
const rendererPath = require.resolve('adaptivecards/dist/adaptivecards.min.js');
// Teams processes TextBlock markdown (the bare renderer does not), so escapes render as Teams shows them.
const markdownPath = require.resolve('markdown-it/dist/markdown-it.min.js');


async function main([input, output, ...rest]) {
  if (!input || !output) {
    console.error('usage: node render.mjs <card.json> <out.png> [--width 640]');
    return 2;
  }
  const widthIndex = rest.indexOf('--width');
  const width = widthIndex >= 0 ? Number(rest[widthIndex + 1]) : 640;
  const card = JSON.parse(readFileSync(input, 'utf8'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
    // Playwright gives the browser a fresh temporary profile of its own (what --user-data-dir would do).
  });
  try {
    const page = await browser.newPage({ viewport: { width: width + 40, height: 800 } });
    await page.setContent(`<html><body style="margin:0;background:#F0F0F0"><div id="host" style="width:${width}px;margin:20px;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2)"></div></body></html>`);
    await page.addStyleTag({ content: hostCss });
    await page.addScriptTag({ path: rendererPath });
    await page.addScriptTag({ path: markdownPath });
    const problems = await page.evaluate(({ card, hostConfig }) => {
      const AC = window.AdaptiveCards;
      const markdown = window.markdownit({ linkify: true });
      AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
        result.outputHtml = markdown.render(text);
        result.didProcess = true;
      };
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
      const context = new AC.SerializationContext(AC.Versions.v1_5);
      adaptiveCard.parse(card, context);
      const element = adaptiveCard.render();
      document.getElementById('host').appendChild(element);
      const events = [];
      for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
      return events;
    }, { card, hostConfig });
    for (const p of problems) console.error(`warning: ${p}`);
    await page.locator('#host').screenshot({ path: output });
    console.log(`rendered ${input} -> ${output}`);
    return 0;
  } finally {
    await browser.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
