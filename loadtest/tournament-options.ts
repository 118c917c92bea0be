import { parseArgs } from 'node:util';
import { UsageError } from './options.ts';
import { TOURNAMENT_VARIANTS } from '../src/tournaments/rules/structure.ts';
import type { TournamentLoadOptions } from './tournament-load.ts';

export const TOURNAMENT_USAGE = `npm run loadtest -- --tournament sng|mtt --entrants N [--think MS] [--level-seconds S]
                          [--table-size N] [--variant CODE] [--url URL] [--spawn] [--pause MS] [--timeout S] [--json]

  --tournament K    play one tournament: an sng (starts when N have registered) or an mtt (the admin starts
                    it once N have registered)
  --entrants N      bots that register (default 18)
  --think MS        mean think time before each action, 0 = instantly (default 0)
  --level-seconds S seconds per blind level (default 60)
  --table-size N    seats per table (default 9; at most what the variant seats: stud 8, draw 6)
  --variant CODE    the game, a PHH code: NT (default), FT, NS, PO, FO/8, F7S, F7S/8, FR, N2L1D, F2L3D, FB
  --url URL         the server (default http://127.0.0.1:2567; FELT_ADMIN_USERNAME and FELT_ADMIN_PASSWORD
                    must name an admin of it)
  --spawn           start a server of our own on fresh data (PGlite, or a new database on DATABASE_URL)
  --pause MS        with --spawn: pause between hands (default: the production pause)
  --timeout S       give up after this long (default 1800)
  --json            print the report as one JSON object`;

function count(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} must be a whole number of at least ${min} (got "${value}")`);
  return Number(value);
}

/** Whether the command line asks for a tournament rather than cash tables. */
export function asksForTournament(argv: string[]): boolean {
  return argv.some((arg) => arg === '--tournament' || arg.startsWith('--tournament='));
}

/** Reads the tournament flags of `npm run loadtest`. */
export function parseTournamentOptions(argv: string[], env: Record<string, string | undefined> = process.env): TournamentLoadOptions & { json: boolean; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      tournament: { type: 'string' }, entrants: { type: 'string' }, think: { type: 'string' }, 'level-seconds': { type: 'string' },
      'table-size': { type: 'string' }, variant: { type: 'string' }, url: { type: 'string' }, spawn: { type: 'boolean' }, pause: { type: 'string' },
      timeout: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const kind = values.tournament;
  if (kind !== 'sng' && kind !== 'mtt') throw new UsageError(`--tournament must be sng or mtt (got "${kind}")`);
  const url = values.url ?? 'http://127.0.0.1:2567';
  if (!/^https?:\/\//.test(url)) throw new UsageError(`--url must be an http:// or https:// address (got "${url}")`);
  const spawn = Boolean(values.spawn);
  const admin = env.FELT_ADMIN_USERNAME && env.FELT_ADMIN_PASSWORD ? { username: env.FELT_ADMIN_USERNAME, password: env.FELT_ADMIN_PASSWORD } : undefined;
  if (!spawn && !admin) throw new UsageError('a tournament is created through the admin API: set FELT_ADMIN_USERNAME and FELT_ADMIN_PASSWORD to an admin of that server, or use --spawn');
  const variant = values.variant ?? 'NT';
  const game = Object.hasOwn(TOURNAMENT_VARIANTS, variant) ? TOURNAMENT_VARIANTS[variant] : undefined;
  if (!game) throw new UsageError(`--variant must be one of ${Object.keys(TOURNAMENT_VARIANTS).join(', ')} (got "${variant}")`);
  const tableSize = count('table-size', values['table-size'], Math.min(9, game.maxSeats), 2);
  if (tableSize > game.maxSeats) throw new UsageError(`--table-size must be at most ${game.maxSeats} for ${variant} (got ${tableSize})`);
  return {
    kind,
    entrants: count('entrants', values.entrants, 18, 2),
    thinkMs: count('think', values.think, 0, 0),
    levelSeconds: count('level-seconds', values['level-seconds'], 60),
    tableSize,
    variant,
    url,
    spawn,
    pauseMs: values.pause === undefined ? undefined : count('pause', values.pause, 0, 0),
    databaseUrl: env.DATABASE_URL || undefined,
    admin: spawn ? undefined : admin,
    timeoutS: count('timeout', values.timeout, 1800),
    json: Boolean(values.json),
    help: Boolean(values.help),
  };
}
