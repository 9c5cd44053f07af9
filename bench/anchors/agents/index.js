// The Microsoft 365 Agents SDK for JS 1.8.1 echo agent, a second anchor of bench suite 'http': CloudAdapter with no
// client id (anonymous, as the SDK's own authorizeJWT middleware marks a request without a token when none is set)
// behind a plain node:http server.
'use strict';
const http = require('node:http');
const { CloudAdapter, ActivityHandler } = require('@microsoft/agents-hosting');

const adapter = new CloudAdapter();
const agent = new ActivityHandler();
agent.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
});

http.createServer((req, res) => {
    const chunks = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
        try { req.body = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { req.body = undefined; }
        req.user = { name: 'anonymous' };
        res.status = code => { res.statusCode = code; return res; };
        res.header = (name, value) => { res.setHeader(name, value); return res; };
        res.send = body => { res.write(typeof body === 'string' ? body : JSON.stringify(body)); return res; };
        adapter.process(req, res, context => agent.run(context)).catch(err => { res.statusCode = 500; res.end(String(err)); });
    });
}).listen(Number(process.env.PORT || 4411), '127.0.0.1');
