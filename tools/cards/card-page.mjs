// One headless Chromium page with the official adaptivecards renderer, Teams-like host config and button style, and
// markdown-it for TextBlock markdown (Teams processes it; the bare renderer does not, so escapes render as in Teams).
// Shared by render.mjs (pictures) and widths.mjs (the 320 px check). Needs Debian's chromium (or $CHROMIUM).
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { hostConfig, hostCss } from './host-config.mjs';

const require = createRequire(import.meta.url);
const rendererPath = require.resolve('adaptivecards/dist/adaptivecards.min.js');
const markdownPath = require.resolve('markdown-it/dist/markdown-it.min.js');

// Runs in the page: renders a card into #host at a width; returns the parser's events (empty when it parsed clean).
function defineRenderCard(hostConfig) {
  window.renderCard = (card, width) => {
    const AC = window.AdaptiveCards;
    const markdown = window.markdownit({ linkify: true });
    AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = markdown.render(text);
      result.didProcess = true;
    };
    const host = document.getElementById('host');
    host.style.width = `${width}px`;
    host.innerHTML = '';
    const adaptiveCard = new AC.AdaptiveCard();
    adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    adaptiveCard.parse(card, context);
    host.appendChild(adaptiveCard.render());
    const events = [];
    for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
    return events;
  };
}

/** Runs fn(page) on a page ready to render cards (window.renderCard(card, width)); closes the browser after. */
export async function withCardPage(fn, viewport = { width: 1000, height: 900 }) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
    // Playwright gives the browser a fresh temporary profile of its own (what --user-data-dir would do).
  });
  try {
    const page = await browser.newPage({ viewport });
    await page.setContent('<html><body style="margin:0;background:#F0F0F0"><div id="host" style="margin:20px;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2)"></div></body></html>');
    await page.addStyleTag({ content: hostCss });
    await page.addScriptTag({ path: rendererPath });
    await page.addScriptTag({ path: markdownPath });
    await page.evaluate(defineRenderCard, hostConfig);
    return await fn(page);
  } finally {
    await browser.close();
  }
}
