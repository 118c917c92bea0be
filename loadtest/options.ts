import { parseArgs } from 'node:util';
import type { LoadOptions } from './load.ts';

export const USAGE = `npm run loadtest -- [--tables N] [--bots M] [--duration S] [--think MS] [--url URL] [--spawn]
                          [--pause MS] [--server-cpus LIST] [--bot-cpus LIST] [--no-pin] [--server-pid PID]
                          [--abuse N] [--abuse-rate R] [--json]

  --tables N        tables to play at (default 10)
  --bots M          bots, signed in as guests (default 6 per table; 5 with --abuse, leaving the abusers a seat)
  --duration S      seconds measured once every bot is seated (default 30)
  --think MS        mean think time before each action, 0 = instantly (default 2000)
  --url URL         the server to load (default http://127.0.0.1:2567)
  --spawn           start a server of our own on fresh data: PGlite in /tmp, or a new database
                    on DATABASE_URL's server; it gets exactly N six-max NL tables
  --pause MS        with --spawn: pause between hands (default: the production 3000)
  --server-cpus L   with --spawn: pin the server to these CPUs (default 0)
  --bot-cpus L      pin the bots to these CPUs (default 1)
  --no-pin          no pinning
  --server-pid PID  without --spawn: the server's pid, to report its CPU and memory
  --abuse N         also N abusive clients, one per table spread over the tables: guests with emptied
                    wallets flooding buy-ins they cannot pay, unknown types, bad payloads and junk frames
                    (without --spawn, an admin's FELT_ADMIN_USERNAME and FELT_ADMIN_PASSWORD must be set)
  --abuse-rate R    messages per second each abuser sends (default 500)
  --json            print the summary as one JSON object`;

/** A bad command line: the message says what to change. */
export class UsageError extends Error {}

function count(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} must be a whole number of at least ${min} (got "${value}")`);
  return Number(value);
}

/** Reads the `npm run loadtest` flags. */
export function parseOptions(argv: string[], env: Record<string, string | undefined> = process.env): LoadOptions & { json: boolean; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      tables: { type: 'string' }, bots: { type: 'string' }, duration: { type: 'string' }, think: { type: 'string' },
      url: { type: 'string' }, spawn: { type: 'boolean' }, pause: { type: 'string' },
      'server-cpus': { type: 'string' }, 'bot-cpus': { type: 'string' }, 'no-pin': { type: 'boolean' },
      'server-pid': { type: 'string' }, abuse: { type: 'string' }, 'abuse-rate': { type: 'string' },
      json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const tables = count('tables', values.tables, 10);
  const pin = !values['no-pin'];
  const url = values.url ?? 'http://127.0.0.1:2567';
  if (!/^https?:\/\//.test(url)) throw new UsageError(`--url must be an http:// or https:// address (got "${url}")`);
  const abusers = count('abuse', values.abuse, 0, 0);
  const spawn = Boolean(values.spawn);
  const admin = env.FELT_ADMIN_USERNAME && env.FELT_ADMIN_PASSWORD ? { username: env.FELT_ADMIN_USERNAME, password: env.FELT_ADMIN_PASSWORD } : undefined;
  if (abusers > 0 && !spawn && !admin) {
    throw new UsageError('--abuse empties the abusers\' wallets through the admin API: set FELT_ADMIN_USERNAME and FELT_ADMIN_PASSWORD to an admin of that server, or use --spawn');
  }
  if (values['abuse-rate'] !== undefined && abusers === 0) throw new UsageError('--abuse-rate needs --abuse N');
  return {
    tables,
    // A full six-max table refuses a buy-in as table_full before the wallet is asked: with abusers, leave them a seat.
    bots: count('bots', values.bots, (abusers > 0 ? 5 : 6) * tables),
    durationS: count('duration', values.duration, 30),
    thinkMs: count('think', values.think, 2000, 0),
    url,
    spawn,
    pauseMs: values.pause === undefined ? undefined : count('pause', values.pause, 0, 0),
    serverCpus: pin ? (values['server-cpus'] ?? '0') : null,
    botCpus: pin ? (values['bot-cpus'] ?? '1') : null,
    serverPid: values['server-pid'] === undefined ? undefined : count('server-pid', values['server-pid'], 0),
    databaseUrl: env.DATABASE_URL || undefined,
    abusers,
    abuseRatePerS: count('abuse-rate', values['abuse-rate'], 500),
    admin: spawn ? undefined : admin,
    json: Boolean(values.json),
    help: Boolean(values.help),
  };
}
