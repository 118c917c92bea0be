import { z } from 'zod';
import type { Database } from '../persistence/database.ts';
import { ENTRY_STATUS, type TournamentEntryRecord, type TournamentRecord } from '../persistence/tournament-types.ts';
import { payoutTable } from '../tournaments/rules/payouts.ts';
import { TournamentKind, TournamentStatus } from '../tournaments/rules/structure.ts';
import type { Standing, TournamentDetail, TournamentSummary } from '../tournaments/tournament-host.ts';

// The shapes of PROTOCOL.md's "Tournaments" (v1 addition) for the OpenAPI
// document, and how the API builds them from the database when no actor
// runs the tournament. Wallet money (`buyIn`, `fee`, prizes) and tournament
// chips are whole numbers; instants of play are epoch ms.

const int = z.number().int();

export const tournamentStatus = z.enum(Object.values(TournamentStatus));

export const summaryView = z.object({
  tournamentId: z.string(),
  name: z.string(),
  kind: z.enum(Object.values(TournamentKind)),
  variant: z.string(),
  status: tournamentStatus,
  buyIn: int.describe('Wallet money to the prize pool.'),
  fee: int.describe('Wallet money to the house.'),
  startingStack: int,
  tableSize: int,
  entrants: int.describe('Entries sold, re-entries included, less those unregistered.'),
  minEntrants: int,
  maxEntrants: int,
  startsAt: int.nullable().describe('Epoch ms; null for a sit-and-go, which starts when full.'),
});

const standingView = z.object({
  playerId: z.string(),
  name: z.string(),
  stack: int.nullable().describe('0 once out; null while running when only the tournament\'s actor knows it.'),
  tableId: z.string().nullable(),
  place: int.nullable(),
  prize: int.nullable(),
});

export const detailView = summaryView.extend({
  level: z.object({ number: int, smallBlind: int, bigBlind: int, ante: int, endsAt: int.nullable() }).nullable()
    .describe('The level in play (before the start: the first); null when it is over.'),
  onBreak: z.boolean(),
  breakEndsAt: int.nullable(),
  prizePool: int.describe('Buy-ins, rebuys and add-ons; fees go to the house.'),
  payouts: z.array(z.object({ place: int, amount: int })),
  remaining: int.describe('Players still in.'),
  standings: z.array(standingView),
  tables: z.array(z.object({ tableId: z.string(), seated: int.nullable() })),
  source: z.enum(['actor', 'database']).describe('actor: live from the tournament\'s room; database: as last stored (the room is not running).'),
  structure: z.object({
    levels: z.array(z.object({ smallBlind: int, bigBlind: int, ante: int, seconds: int })),
    breakEvery: int.nullable(),
    breakSeconds: int.nullable(),
  }).describe('The blind structure as defined: every level, and a break after every breakEvery levels (null: none), so clients show the next level and break.'),
});

export type TournamentStructure = z.output<typeof detailView>['structure'];

/** The blind structure of the definition (public: players read the next level and break from it). */
export function structureOf(record: TournamentRecord): TournamentStructure {
  const { levels, breakEvery, breakSeconds } = record.definition;
  return {
    levels: levels.map((level) => ({ smallBlind: level.smallBlind, bigBlind: level.bigBlind, ante: level.ante ?? 0, seconds: level.seconds })),
    breakEvery: breakEvery ?? null,
    breakSeconds: breakSeconds ?? null,
  };
}

export function summaryOf(record: TournamentRecord): TournamentSummary {
  const { definition } = record;
  return {
    tournamentId: record.id, name: record.name, kind: record.kind, variant: record.variant, status: record.status,
    buyIn: definition.buyIn, fee: definition.fee, startingStack: definition.startingStack, tableSize: definition.tableSize,
    entrants: record.entrants, minEntrants: definition.minEntrants, maxEntrants: definition.maxEntrants,
    startsAt: record.startsAt?.getTime() ?? null,
  };
}

/** Entries that bought into the pool and were not given their money back. */
const paidIn = (entry: TournamentEntryRecord): boolean => entry.status !== ENTRY_STATUS.unregistered && entry.status !== ENTRY_STATUS.refunded;

function standingOf(entry: TournamentEntryRecord, record: TournamentRecord): Standing {
  const out = entry.place !== null || entry.status === ENTRY_STATUS.eliminated;
  const beforeStart = record.status === TournamentStatus.registering;
  return {
    playerId: entry.playerId, name: entry.name,
    stack: out ? 0 : beforeStart ? record.definition.startingStack : null,
    tableId: null, place: entry.place, prize: entry.prize,
  };
}

/**
 * A tournament's detail as the database knows it: the field, the pool and
 * its payouts, the places recorded. The clock and the stacks in play are the
 * actor's: before the start the level is the first (not running yet), while
 * running they are unknown here (null), and after the end there is none.
 */
export async function detailFromDatabase(db: Database, record: TournamentRecord): Promise<TournamentDetail & { source: 'database' }> {
  const entries = (await db.entries.list(record.id)).filter(paidIn);
  const prizePool = entries.reduce((sum, entry) => sum + entry.buyIn + entry.rebuyTotal + entry.addOnTotal, 0);
  const payouts = entries.length > 0 && prizePool > 0 ? payoutTable(record.definition, entries.length, prizePool) : [];
  const first = record.definition.levels[0];
  const level = record.status === TournamentStatus.registering
    ? { number: 1, smallBlind: first.smallBlind, bigBlind: first.bigBlind, ante: first.ante, endsAt: null }
    : null;
  const standings = entries.map((entry) => standingOf(entry, record)).sort((a, b) => {
    if (a.place === null || b.place === null) return a.place === null ? (b.place === null ? 0 : -1) : 1;
    return a.place - b.place;
  });
  const tables = record.status === TournamentStatus.running
    ? (await db.tables.listForTournament(record.id)).map((table) => ({ tableId: table.id, seated: null }))
    : [];
  return {
    ...summaryOf(record), level, onBreak: false, breakEndsAt: null, prizePool, payouts,
    remaining: entries.filter((entry) => entry.status === ENTRY_STATUS.registered).length,
    standings, tables, source: 'database',
  };
}

/** `?status=registering,running`: each one a tournament status. */
export const statusFilter = z.string()
  .transform((text) => text.split(',').map((part) => part.trim()).filter((part) => part.length > 0))
  .pipe(z.array(tournamentStatus).min(1, 'name at least one status'))
  .optional()
  .describe('Comma-separated statuses: registering, running, finished, cancelled.');

export const tournamentParams = z.object({ tournamentId: z.string().min(1).max(255) });
