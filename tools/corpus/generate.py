#!/usr/bin/env python3
"""Generates the recognizer's labeled corpus (tests/OrderBot.Tests/TestData/Recognition/corpus.jsonl).

Each row: text, intent, entities (the labels, written here from the template, never from the recognizer) and split.
"train" rows come from one set of phrasings; "heldout" rows from phrasings and identifiers that appear only there —
the recognizer is never tuned on them. All dates are relative to 2020-11-04 10:00 UTC (a Wednesday), locale en-US.
Run: python3 tools/corpus/generate.py   (deterministic; commit the output)
"""
import json, random, os

random.seed(20201104)
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'tests', 'OrderBot.Tests', 'TestData', 'Recognition', 'corpus.jsonl')

PO_TRAIN = ['201120/1', 'CUSTPO', '4500012345', 'ACME-7781', 'Q3-REORDER-12']
PO_HELD = ['7781/B', 'PO-99812', 'BLD2026-44', '5500998877']
ORD_TRAIN = ['20-RD12H', '20-RF55A', '0100111111', '40-AB123']
ORD_HELD = ['20-TL009', '0100222222', '30-ZX991']
CC_TRAIN = [('FR', 'FR'), ('DE', 'DE'), ('NL', 'NL'), ('UK', 'GB')]
CC_HELD = [('PT', 'PT'), ('IT', 'IT'), ('ES', 'ES')]
SUPPLIERS = [('ingram', 'ingram'), ('Ingram Micro', 'ingram'), ('schneider', 'schneider'), ('Schneider Electric', 'schneider')]
CODES_TRAIN = ['CH', 'C3', 'SP']
CODES_HELD = ['SH', 'C1']

# Dates relative to Wednesday 2020-11-04, en-US (weeks start on Sunday).
DATES = [
    ('today', {'from': '2020-11-04', 'to': '2020-11-04'}),
    ('yesterday', {'from': '2020-11-03', 'to': '2020-11-03'}),
    ('this month', {'from': '2020-11-01', 'to': '2020-11-04'}),
    ('last month', {'from': '2020-10-01', 'to': '2020-10-31'}),
    ('this year', {'from': '2020-01-01', 'to': '2020-11-04'}),
    ('last week', {'from': '2020-10-25', 'to': '2020-10-31'}),
    ('in the last 10 days', {'from': '2020-10-25', 'to': '2020-11-04'}),
]

def po_rows(templates, pos, intent):
    return [(t.format(po=p), intent, {'po': p}) for t in templates for p in pos]

def order_rows(templates, orders, intent):
    return [(t.format(o=o), intent, {'order': o}) for t in templates for o in orders]

def build(split):
    held = split == 'heldout'
    pos, orders = (PO_HELD, ORD_HELD) if held else (PO_TRAIN, ORD_TRAIN)
    ccs = CC_HELD if held else CC_TRAIN
    codes = CODES_HELD if held else CODES_TRAIN
    rows = []
    if not held:
        rows += po_rows(['where is PO {po}', 'status of PO {po}', "what's the status of PO {po}", 'PO {po} status',
                         'any update on PO {po}', 'check PO {po}', 'where is my PO {po}'], pos, 'order.status')
        rows += order_rows(['where is order {o}', 'status of order {o}', 'order {o} status', 'check order {o}'], orders, 'order.status')
        rows += order_rows(['items on order {o}', 'what is on order {o}', 'show the items of order {o}', 'lines of order {o}'], orders, 'order.items')
        rows += order_rows(['track order {o}', 'tracking for order {o}'], orders, 'shipment.track')
        rows += po_rows(['track PO {po}', 'where is the parcel for PO {po}'], pos, 'shipment.track')
        rows += po_rows(['watch PO {po}', 'alert me about PO {po}'], pos, 'alerts.subscribe')
        rows += order_rows(['watch order {o}', 'notify me when order {o} changes'], orders, 'alerts.subscribe')
        rows += po_rows(['stop watching PO {po}', 'unsubscribe from PO {po}'], pos, 'alerts.unsubscribe')
        rows += order_rows(['unwatch order {o}', 'stop watching order {o}'], orders, 'alerts.unsubscribe')
        rows += po_rows(['cancel PO {po}'], pos, 'order.change')
        rows += order_rows(['change the quantity on order {o}'], orders, 'order.change')
        rows += [(f'let me know if PO {p} goes on hold', 'alerts.subscribe', {'po': p, 'status': 'on_hold'}) for p in pos]
        rows += po_rows(['keep me posted on PO {po}'], pos, 'alerts.subscribe')
        rows += order_rows(['alert me when order {o} ships', 'follow order {o}'], orders, 'alerts.subscribe')
        rows += [(t, 'alerts.list', {}) for t in ['what am I watching', 'show my alerts', 'list my subscriptions', 'what are my alerts', 'which orders do I watch']]
        # A greeting is answered with the help card (what the bot can do); small talk otherwise gets "didn't get that".
        rows += [(t, 'help', {}) for t in ['help', 'what can you do', 'how does this work', 'show help', 'hello', 'good morning']]
        rows += [(t, 'help', {}) for t in ['what can I ask you', 'how do I use you', 'commands', 'hey']]
        rows += [(t, 'none', {}) for t in ['thanks', 'ok', 'lol', 'thank you', 'great', 'nice', 'cool thanks', 'sure']]
        rows += [(t.format(cc=c), 'settings.set', {'country': v}) for t in ['set my country to {cc}', 'my country is {cc}', 'use country {cc}'] for c, v in ccs]
        rows += [(f'set my {n} country to {c}', 'settings.set', {'supplier': s, 'country': v}) for n, s in SUPPLIERS[::2] for c, v in ccs]
        rows += [(t.format(code=c), 'holdcode.explain', {'status': 'on_hold', 'code': c}) for t in ['what does hold code {code} mean'] for c in codes]
        rows += [(t.format(code=c), 'holdcode.explain', {'code': c}) for t in ['what does {code} mean', 'explain code {code}', 'what is code {code}', 'meaning of code {code}'] for c in codes]
        rows += [(t.format(code=c), 'holdcode.explain', {'status': 'on_hold', 'code': c}) for t in ['what is hold {code}', 'explain the {code} hold'] for c in codes]
        statuses = [('orders on hold', {'status': 'on_hold'}), ('cancelled orders', {'status': 'cancelled'}),
                    ('invoiced orders', {'status': 'invoiced'}), ('backordered orders', {'status': 'backordered'}),
                    ('orders on credit hold', {'status': 'on_hold', 'hold': 'credit'}), ('orders in progress', {'status': 'in_progress'}),
                    ('show me the cancelled orders', {'status': 'cancelled'}), ('orders that were cancelled', {'status': 'cancelled'}),
                    ("what's been invoiced", {'status': 'invoiced'}), ('what is on hold', {'status': 'on_hold'}),
                    ('blocked orders', {'status': 'on_hold'}), ('orders held for credit', {'status': 'on_hold', 'hold': 'credit'}),
                    ('the held ones', {'status': 'on_hold'}), ('orders billed', {'status': 'invoiced'})]
        late = ["what's late", 'overdue orders', 'late orders', 'which orders are late', 'anything overdue']
    else:
        rows += po_rows(['can you tell me where PO {po} is', 'whats happening with PO {po}', 'news on PO {po}?', 'PO {po} - where is it'], pos, 'order.status')
        rows += order_rows(['what is the status of order {o}', 'order {o}?', 'status for order {o} please'], orders, 'order.status')
        rows += order_rows(['which items are on order {o}', 'line items for order {o}', 'show me order {o} items'], orders, 'order.items')
        rows += order_rows(['tracking number for order {o}', 'track my order {o}'], orders, 'shipment.track')
        rows += po_rows(['track shipment for PO {po}'], pos, 'shipment.track')
        rows += po_rows(['keep an eye on PO {po}', 'let me know when PO {po} changes'], pos, 'alerts.subscribe')
        rows += order_rows(['watch ingram order {o}'.replace('ingram ', '')], orders, 'alerts.subscribe')
        # Labelled as the train part labels "let me know if PO … goes on hold": the hold is a filter of the watch.
        rows += [(f'alert me if order {o} goes on hold', 'alerts.subscribe', {'order': o, 'status': 'on_hold'}) for o in orders]
        rows += po_rows(['stop alerts for PO {po}', 'no more alerts about PO {po}'], pos, 'alerts.unsubscribe')
        rows += order_rows(['stop watching my order {o}'], orders, 'alerts.unsubscribe')
        rows += po_rows(['please cancel PO {po}'], pos, 'order.change')
        rows += order_rows(['can you cancel order {o}'], orders, 'order.change')
        rows += [(t, 'alerts.list', {}) for t in ['which orders am I watching', 'show my watch list', 'list my alerts']]
        rows += [(t, 'help', {}) for t in ['what can I ask', 'HELP!', 'how do I use this']]
        rows += [(t, 'help', {}) for t in ['hi there', 'good afternoon']]
        rows += [(t, 'none', {}) for t in ['cheers', 'great, thanks', 'no worries']]
        rows += [(t.format(cc=c), 'settings.set', {'country': v}) for t in ['change my country to {cc}', 'set country to {cc}'] for c, v in ccs]
        rows += [(f'set my {n} country to {c}', 'settings.set', {'supplier': s, 'country': v}) for n, s in SUPPLIERS[1::2] for c, v in ccs]
        rows += [(t.format(code=c), 'holdcode.explain', {'status': 'on_hold', 'code': c}) for t in ['what is hold code {code}', 'what does the hold code {code} mean?'] for c in codes]
        statuses = [("what's on hold", {'status': 'on_hold'}), ('show me the held orders', {'status': 'on_hold'}),
                    ('orders that were billed', {'status': 'invoiced'}), ('cancelled ones', {'status': 'cancelled'}),
                    ('orders blocked for credit', {'status': 'on_hold', 'hold': 'credit'})]
        late = ['which orders are overdue', 'anything late']

    # Lists: status x supplier x country x date, sampled.
    for phrase, ents in statuses:
        rows.append((phrase, 'order.list', dict(ents)))
        for name, sid in SUPPLIERS:
            rows.append((f'{name} {phrase}' if random.random() < 0.5 else f'{phrase} at {name}', 'order.list', {**ents, 'supplier': sid}))
        for c, v in ccs:
            rows.append((f'{phrase} in {c}', 'order.list', {**ents, 'country': v}))
        for dphrase, dents in DATES:
            rows.append((f'{phrase} {dphrase}', 'order.list', {**ents, **dents}))
        for _ in range(4):
            name, sid = random.choice(SUPPLIERS)
            dphrase, dents = random.choice(DATES)
            rows.append((f'{name} {phrase} {dphrase}', 'order.list', {**ents, 'supplier': sid, **dents}))
    for phrase in late:
        rows.append((phrase, 'order.list', {'late': 'true'}))
        for name, sid in SUPPLIERS:
            rows.append((f'{phrase} at {name}', 'order.list', {'late': 'true', 'supplier': sid}))
    for dphrase, dents in DATES:
        rows.append((f'orders shipped {dphrase}', 'order.list', {'status': 'shipped', 'dateOn': 'shipped', **dents}))
        rows.append((f'orders placed {dphrase}', 'order.list', dict(dents)))
    return rows

PREFIXES = ['', '', '', 'hey, ', 'hi ', 'pls ', 'quick one: ', '@OrderBot ']
SUFFIXES = ['', '', '', '?', '!', ' please', ' thanks', ' ??', '.']

def recase(text, ents, upper):
    """Upper- or lower-cases the words around the identifiers; identifiers keep their case (they are labels)."""
    keep = [v for k, v in ents.items() if k in ('po', 'order', 'code', 'country') and v in text]
    out, i = '', 0
    while i < len(text):
        hit = next((v for v in keep if text.startswith(v, i)), None)
        if hit:
            out += hit
            i += len(hit)
        else:
            out += text[i].upper() if upper else text[i].lower()
            i += 1
    return out

def vary(text, intent, ents, rng):
    """Surface variants a person types: case, a greeting before, a courtesy after, a zero-width space."""
    forms = [text]
    forms.append(recase(text, ents, upper=rng.random() < 0.3))
    if intent not in ('help', 'none'):  # "hi" before small talk makes it a greeting: a different label
        forms.append(rng.choice(PREFIXES[3:]) + text + rng.choice(SUFFIXES[3:]))
    if rng.random() < 0.3:
        i = text.find(' ')
        forms.append(text[:i] + '\u200b' + text[i:] if i > 0 else text)
    return forms

def main():
    rng = random.Random(4)
    seen = set()
    out = []
    for split in ('train', 'heldout'):
        for text, intent, ents in build(split):
            for form in vary(text, intent, ents, rng):
                if form in seen:
                    continue
                seen.add(form)
                out.append({'text': form, 'intent': intent, 'entities': ents, 'split': split})
    with open(OUT, 'w', encoding='utf-8') as f:
        for row in out:
            f.write(json.dumps(row, ensure_ascii=False) + '\n')
    by = {}
    for row in out:
        by.setdefault(row['split'], 0)
        by[row['split']] += 1
    print(f'{len(out)} rows: {by}')

main()
