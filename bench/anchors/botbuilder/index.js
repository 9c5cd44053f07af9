// The botbuilder-js 4.23.3 echo bot, the throughput anchor of bench suite 'http': CloudAdapter with no app id
// (authentication off, as OrderBot runs in the bench), a plain node:http server doing what restify's bodyParser does.
'use strict';
const http = require('node:http');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ActivityHandler } = require('botbuilder');

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
});

http.createServer((req, res) => {
    const chunks = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
        try { req.body = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { req.body = undefined; }
        res.status = code => { res.statusCode = code; return res; };
        res.header = (name, value) => { res.setHeader(name, value); return res; };
        res.send = body => { res.write(typeof body === 'string' ? body : JSON.stringify(body)); return res; };
        adapter.process(req, res, context => bot.run(context)).catch(err => { res.statusCode = 500; res.end(String(err)); });
    });
}).listen(Number(process.env.PORT || 4410), '127.0.0.1');
