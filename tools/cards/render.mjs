// Renders a card JSON to PNG with the official adaptivecards renderer in headless Chromium, using a Teams-like
// light host config, for README pictures and visual review. Needs Debian's chromium (/usr/bin/chromium).
//
// Usage: node render.mjs <card.json> <out.png> [--width 640]
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rendererPath = require.resolve('adaptivecards/dist/adaptivecards.min.js');
// Teams processes TextBlock markdown (the bare renderer does not), so escapes render as Teams shows them.
const markdownPath = require.resolve('markdown-it/dist/markdown-it.min.js');

// Close to Teams' light theme: Segoe UI, its foreground colours and spacing.
const hostConfig = {
  fontFamily: "'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
  spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 16 },
  fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#5B5FC7' },
        good: { default: '#237B4B', subtle: '#237B4B' },
        warning: { default: '#835C00', subtle: '#835C00' },
        attention: { default: '#C4314B', subtle: '#C4314B' },
      },
    },
    emphasis: { backgroundColor: '#F5F5F5' },
    attention: { backgroundColor: '#FCF4F6' },
    good: { backgroundColor: '#E7F2DA' },
    warning: { backgroundColor: '#FBF6D9' },
    accent: { backgroundColor: '#E8EBFA' },
  },
  actions: { maxActions: 6, buttonSpacing: 8, showCard: { actionMode: 'inline' }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
  factSet: { title: { weight: 'bolder', wrap: true, maxWidth: 180 }, value: { wrap: true }, spacing: 12 },
};

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
