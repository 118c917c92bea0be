// The same bots under @colyseus/loadtest's interactive console (connections,
// CPU, memory, bytes, logs), for watching a server live rather than measuring:
//
//   node loadtest/colyseus-bot.ts --endpoint ws://127.0.0.1:2567 --room lobby --numClients 60 [--delay 50] [--think 2000]
//
// It runs until you press q. `npm run loadtest` is the bounded run with a summary.
import { parseArgs } from 'node:util';
import { cli, type Options } from '@colyseus/loadtest';
import { Client } from '@colyseus/sdk';
import { Bot, type BotContext } from './bot.ts';
import { Lobby } from './lobby.ts';
import { Scheduler } from './scheduler.ts';
import { LoadStats } from './stats.ts';

const { values } = parseArgs({ options: { think: { type: 'string' } }, strict: false });
const thinkMs = Number(values.think ?? 2000);
let shared: Promise<BotContext> | null = null;

// One shared lobby, scheduler and client for every bot, as in `npm run loadtest`.
function context(endpoint: string): Promise<BotContext> {
  shared ??= (async () => {
    const httpUrl = endpoint.replace(/^ws/, 'http');
    const client = new Client(httpUrl);
    const lobby = await Lobby.open(client);
    return { client, httpUrl, lobby, scheduler: new Scheduler(), stats: new LoadStats(), thinkMs, random: Math.random };
  })();
  return shared;
}

cli(async (options: Options) => {
  const bot = new Bot(`bot${options.clientId + 1}`, await context(options.endpoint));
  if (!(await bot.start())) console.warn(`bot${options.clientId + 1} found no free seat`);
});
