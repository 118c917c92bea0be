/**
 * What the tournament shows (PROTOCOL.md's `Summary` and detail), where its
 * chips are, and the checks tests run after every step.
 */
import { readClock } from './rules/clock.ts';
import { payoutTable, prizePool, type Payout } from './rules/payouts.ts';
import type { TournamentKind, TournamentStatus } from './rules/structure.ts';
import type { StandingLine } from './events.ts';
import { MovePhase, type PlayerRecord } from './state.ts';
import { refuse, type Context } from './context.ts';

export type Summary = {
  tournamentId: string;
  name: string;
  kind: TournamentKind;
  variant: string;
  status: TournamentStatus;
  buyIn: number;
  fee: number;
  startingStack: number;
  tableSize: number;
  entrants: number;
  minEntrants: number;
  maxEntrants: number;
  startsAt: number | null;
};

export type LevelView = { number: number; smallBlind: number; bigBlind: number; ante: number; endsAt: number | null };

export type Detail = Summary & {
  level: LevelView;
  onBreak: boolean;
  breakEndsAt: number | null;
  prizePool: number;
  payouts: Payout[];
  remaining: number;
  standings: StandingLine[];
  tables: { tableId: string; seated: number }[];
  paused: boolean;
  breakNumber: number;
  /** Whether an entry may be bought now (registering, or late registration). */
  registrationOpen: boolean;
  /** The hand-for-hand round being played, or null. */
  handForHandRound: number | null;
};

/** Where the chips are: seated at tables, travelling with a released move, or bought and on their way to a table. */
export type ChipCount = { onTables: number; inMoves: number; inAdds: number; total: number; expected: number };

export function summaryOf(ctx: Context): Summary {
  const { state } = ctx;
  const def = state.definition;
  return {
    tournamentId: state.tournamentId, name: def.name, kind: def.kind, variant: def.variant, status: state.status,
    buyIn: def.buyIn, fee: def.fee, startingStack: def.startingStack, tableSize: def.tableSize,
    entrants: state.entrants, minEntrants: def.minEntrants, maxEntrants: def.maxEntrants, startsAt: def.startsAt ?? null,
  };
}

function inLine(player: PlayerRecord): StandingLine {
  return { playerId: player.playerId, name: player.name, entry: player.entry, stack: player.stack, tableId: player.tableId, place: null, prize: null };
}

/**
 * Players still in, largest stack first; then entries out and waiting for
 * their places, latest first; then places, best first (the winner with
 * their chips).
 */
export function standingsOf(ctx: Context): StandingLine[] {
  const { state } = ctx;
  const placed = new Set(state.results.map((r) => `${r.playerId}\u0000${r.entry}`));
  const alive = state.players
    .filter((p) => !p.out && !placed.has(`${p.playerId}\u0000${p.entry}`))
    .map(inLine)
    .sort((a, b) => b.stack - a.stack);
  const waiting = [...state.unplaced].reverse().flat().map((b): StandingLine => ({
    playerId: b.playerId, name: b.name, entry: b.entry, stack: 0, tableId: null, place: null, prize: null,
  }));
  const round = state.handForHand?.busts.flatMap((b) => b.players) ?? [];
  const roundLines = round.map((b) => ({ ...inLine(ctx.players.get(b.playerId)!), stack: 0, tableId: null }));
  const results = [...state.results]
    .sort((a, b) => a.place - b.place)
    .map((r): StandingLine => {
      const winner = r.place === 1 && state.status === 'finished' ? ctx.players.get(r.playerId) : undefined;
      return { playerId: r.playerId, name: r.name, entry: r.entry, stack: winner?.stack ?? 0, tableId: null, place: r.place, prize: r.prize > 0 ? r.prize : null };
    });
  return [...alive, ...roundLines, ...waiting, ...results];
}

function poolOf(ctx: Context): number {
  const { state } = ctx;
  return prizePool(state.definition, { entries: state.entrants, rebuys: state.rebuys, addOns: state.addOns });
}

export function detailOf(ctx: Context, now: number, registrationOpen: boolean): Detail {
  const { state } = ctx;
  const def = state.definition;
  const reading = state.clock ? readClock(def, state.clock, now) : null;
  const blinds = reading?.blinds ?? def.levels[0];
  const pool = poolOf(ctx);
  return {
    ...summaryOf(ctx),
    level: { number: reading?.level ?? 1, smallBlind: blinds.smallBlind, bigBlind: blinds.bigBlind, ante: blinds.ante, endsAt: reading?.levelEndsAt ?? null },
    onBreak: reading?.onBreak ?? false,
    breakEndsAt: reading?.breakEndsAt ?? null,
    prizePool: state.payouts ? state.payouts.reduce((n, p) => n + p.amount, 0) : pool,
    payouts: state.payouts ?? (state.entrants > 0 ? payoutTable(def, state.entrants, pool) : []),
    remaining: state.players.filter((p) => !p.out).length,
    standings: standingsOf(ctx),
    tables: state.tables.filter((t) => t.status === 'open').map((t) => ({ tableId: t.tableId, seated: t.seats.filter(Boolean).length })),
    paused: state.paused,
    breakNumber: reading?.onBreak ? reading.breakNumber : 0,
    registrationOpen,
    handForHandRound: state.handForHand?.round ?? null,
  };
}

export function chipsOf(ctx: Context): ChipCount {
  const { state } = ctx;
  const def = state.definition;
  const playing = state.status === 'running' || state.status === 'finished';
  const expected = playing
    ? state.entrants * def.startingStack + state.rebuys * (def.rebuy?.chips ?? 0) + state.addOns * (def.addOn?.chips ?? 0)
    : 0;
  const bought = new Map<string, number>();
  for (const add of state.adds) bought.set(add.playerId, (bought.get(add.playerId) ?? 0) + add.amount);
  let onTables = 0;
  let inMoves = 0;
  let inAdds = 0;
  for (const player of state.players) {
    if (player.out || !playing) continue;
    const travelling = bought.get(player.playerId) ?? 0;
    inAdds += travelling;
    const move = player.moveId ? ctx.moves.get(player.moveId) : undefined;
    if (move?.phase === MovePhase.released) inMoves += player.stack - travelling;
    else onTables += player.stack - travelling;
  }
  return { onTables, inMoves, inAdds, total: onTables + inMoves + inAdds, expected };
}

/** Refuses (`chips_mismatch`) when the chips counted differ from the chips sold: entries × starting stack + rebuy and add-on chips. */
export function verifyChipsOf(ctx: Context): void {
  const count = chipsOf(ctx);
  if (count.total !== count.expected) {
    refuse('chips_mismatch', `The tournament counts ${count.total} chips (${count.onTables} on tables, ${count.inMoves} moving, ${count.inAdds} bought) but sold ${count.expected}.`);
  }
}

/** Refuses (`seating_mismatch`) a picture where a player still in is not in exactly their one seat, or somebody out still sits. */
export function verifySeatsOf(ctx: Context): void {
  const { state } = ctx;
  const seen = new Set<string>();
  for (const table of state.tables) {
    table.seats.forEach((playerId, seat) => {
      if (playerId === null) return;
      const player = ctx.players.get(playerId);
      if (seen.has(playerId)) refuse('seating_mismatch', `Player ${playerId} sits twice.`);
      seen.add(playerId);
      if (!player || player.out || player.tableId !== table.tableId || player.seat !== seat) {
        refuse('seating_mismatch', `Seat ${seat} of ${table.tableId} holds ${playerId}, who is not there.`);
      }
      if (table.status === 'closed' && state.status === 'running') refuse('seating_mismatch', `Closed table ${table.tableId} still seats ${playerId}.`);
    });
  }
  if (state.status !== 'running') return;
  for (const player of state.players) {
    if (!player.out && !seen.has(player.playerId)) refuse('seating_mismatch', `Player ${player.playerId} is in but has no seat.`);
  }
}
