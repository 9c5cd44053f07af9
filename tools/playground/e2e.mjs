// Drives OrderBot through Microsoft 365 Agents Playground — the real Teams-like client — using the same internal
// API its UI uses (pinned to 0.2.28; see shared reference local-test-tools.md), and checks what comes back.
//
//   node e2e.mjs [playgroundUrl] [--alerts]
//
// Prerequisites: the bot on http://127.0.0.1:3978 (dotnet run --project src/OrderBot) and the Playground started with
//   TEAMSAPPTESTER_BROWSER=none node node_modules/@microsoft/m365agentsplayground/cli.js \
//     --app-endpoint http://127.0.0.1:3978/api/messages --channel-id msteams --port 56150 --disable-telemetry
// run.sh does both. Exit code 0 when every step passed.
import WebSocket from 'ws';

const args = process.argv.slice(2);
const base = (args.find(a => !a.startsWith('--')) ?? 'http://127.0.0.1:56150').replace(/\/$/, '');
const withAlerts = args.includes('--alerts');
const timeoutMs = 20000;

const config = (await (await fetch(`${base}/_internal/v1/config`)).json()).config;
const conversationId = config.personalChat.id;
const user = { id: config.currentUser.id };
const botMessages = [];
let failures = 0;

const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
ws.on('message', data => {
  const event = JSON.parse(data.toString());
  const message = event.message;
  if ((event.action === 'createMessage' || event.action === 'updateMessage') && message && message.from?.id !== user.id) {
    botMessages.push({ action: event.action, ...message });
  }
});
await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });

async function post(path, body) {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? safeJson(text) : null };
}

function safeJson(text) { try { return JSON.parse(text); } catch { return text; } }

async function waitForBot(from, predicate, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = botMessages.slice(from).find(predicate);
    if (found) return found;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`no bot message ${what} within ${timeoutMs} ms; got: ${botMessages.slice(from).map(describe).join(' | ') || 'nothing'}`);
}

function cards(message) { return (message.attachments ?? []).filter(a => a.contentType === 'application/vnd.microsoft.card.adaptive').map(a => a.content); }
function cardText(card) { return JSON.stringify(card); }
function allText(message) { return (message.text ?? '') + ' ' + cards(message).map(cardText).join(' '); }

function actions(node, found = []) {
  if (Array.isArray(node)) node.forEach(n => actions(n, found));
  else if (node && typeof node === 'object') {
    if (typeof node.type === 'string' && node.type.startsWith('Action.')) found.push(node);
    Object.values(node).forEach(v => actions(v, found));
  }
  return found;
}

function describe(message) {
  const titles = cards(message).map(c => (c.body ?? []).filter(e => e.type === 'TextBlock').slice(0, 2).map(e => e.text).join(' / '));
  const buttons = cards(message).flatMap(c => actions(c)).filter(a => a.title).map(a => a.title);
  return `${message.text ?? ''}${titles.length ? ' [card: ' + titles.join('; ') + ']' : ''}${buttons.length ? ' {' + [...new Set(buttons)].join(', ') + '}' : ''}`;
}

async function step(name, run) {
  try {
    const detail = await run();
    console.log(`ok   ${name}${detail ? ' — ' + detail : ''}`);
  } catch (error) {
    failures++;
    console.log(`FAIL ${name} — ${error.message}`);
  }
}

function expect(condition, message) { if (!condition) throw new Error(message); }

async function say(text) {
  const from = botMessages.length;
  const response = await post(`/_conversation/v1/conversations/${conversationId}/messages`, { type: 'text', text, textFormat: 'plain', from: user });
  expect(response.status < 300, `Playground refused the message: ${response.status}`);
  return from;
}

let poCard;
let poMessage;

await step('install → welcome', async () => {
  const from = botMessages.length;
  await post(`/_debug/conversation/${conversationId}/installation`, {});
  const welcome = await waitForBot(from, m => allText(m).length > 5, 'after install');
  return describe(welcome);
});

await step('"where is PO 201120/1" → both suppliers on one card', async () => {
  const from = await say('where is PO 201120/1');
  poMessage = await waitForBot(from, m => cards(m).length > 0, 'with a card');
  poCard = cards(poMessage)[0];
  const text = allText(poMessage);
  expect(text.includes('201120/1'), 'the card does not name the PO');
  expect(/Schneider/i.test(text) && /Ingram/i.test(text), 'the card does not show both suppliers');
  return describe(poMessage);
});

await step('hold explained in plain words', async () => {
  const text = allText(poMessage);
  expect(/hold/i.test(text), 'no hold on the card');
  return 'hold block present';
});

await step('tracking button opens a working page', async () => {
  const open = actions(poCard).filter(a => a.type === 'Action.OpenUrl' && /tracking/i.test(a.url ?? ''));
  expect(open.length > 0, 'no Action.OpenUrl tracking button on the PO card');
  const response = await fetch(open[0].url);
  expect(response.status === 200, `tracking page answered ${response.status}`);
  return `${open.length} tracking button(s); ${open[0].url} → 200`;
});

await step('Action.Execute button → invoke answered (a drill-down keeps the card and posts a new message)', async () => {
  const execute = actions(poCard).find(a => a.type === 'Action.Execute');
  expect(execute, 'no Action.Execute on the card');
  const response = await post('/_conversation/v1/invoke', {
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: execute.verb, data: execute.data ?? {} } },
    from: user, conversation: { id: conversationId }, replyToId: poMessage.messageId ?? poMessage.id,
  });
  expect(response.status === 200, `invoke HTTP ${response.status}`);
  const body = typeof response.body === 'object' ? response.body : {};
  expect(JSON.stringify(body).length > 20, `empty invoke response: ${JSON.stringify(response.body)}`);
  return `verb ${execute.verb} → ${JSON.stringify(body).slice(0, 90)}…`;
});

await step('Action.Submit (fallback) → a reply', async () => {
  const submit = actions(poCard).find(a => a.type === 'Action.Submit');
  expect(submit, 'no Action.Submit fallback on the card');
  const from = botMessages.length;
  const response = await post('/_conversation/v1/submit', {
    conversation: { id: conversationId }, from: user, replyToId: poMessage.messageId ?? poMessage.id, value: submit.data ?? {},
  });
  expect(response.status < 300, `submit HTTP ${response.status}`);
  const reply = await waitForBot(from, m => allText(m).length > 5, 'after the submit');
  return `${submit.data?.verb} → ${describe(reply)}`;
});

await step('"orders on hold" → a list', async () => {
  const from = await say('orders on hold');
  const reply = await waitForBot(from, m => allText(m).length > 5, 'for the list');
  return describe(reply);
});

await step('gibberish → a helpful answer, never silence', async () => {
  const from = await say('blorp zzz');
  const reply = await waitForBot(from, m => allText(m).length > 5, 'for gibberish');
  return describe(reply);
});

if (withAlerts) {
  await step('"watch PO IM-ONLY-88" → confirmed; a hold put a second later arrives as an alert in this chat', async () => {
    let from = await say('watch PO IM-ONLY-88');
    const confirmed = await waitForBot(from, m => /watch/i.test(allText(m)), 'confirming the subscription');
    // The card shown is the watch's starting point: a change a second later is already news (README recipe).
    await new Promise(r => setTimeout(r, 1000));
    from = botMessages.length;
    const started = Date.now();
    const control = await fetch('http://127.0.0.1:3982/_sandbox/ingram/orders/20-IM088/hold?code=C3', { method: 'POST' });
    expect(control.status < 300, `sandbox control answered ${control.status}`);
    const alert = await waitForBot(from, m => /hold/i.test(allText(m)), 'with the alert');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    expect(Date.now() - started <= 15000, `the alert took ${seconds} s (README promises under 15 s)`);
    return `${describe(confirmed)} … then alert after ${seconds} s: ${describe(alert)}`;
  });
}

ws.close();
console.log(failures === 0 ? 'playground e2e: all steps passed' : `playground e2e: ${failures} step(s) failed`);
process.exit(failures === 0 ? 0 : 1);
