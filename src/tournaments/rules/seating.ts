/**
 * Where players sit when the tournament starts, and where a late entrant sits.
 *
 * The start: ceil(entrants / tableSize) tables numbered from 1, the players
 * spread so that no two tables differ by more than one (the lower-numbered
 * tables take the extra players), each player drawn at random to a table and
 * a seat — a random permutation of the players and of each table's seats
 * from the random source passed in.
 *
 * A late entrant (or a re-entry) draws a random seat at a table with the
 * fewest players, among the seats where they are dealt in at once (TDA:
 * not between the small blind and the button) when there are any. When
 * every table is full, a new table must be opened: balancing then fills it.
 */
import { IllegalActionError } from '../../engine/errors.ts';
import type { RandomSource } from '../../engine/random.ts';
import { SeatingMode, dealtInAtOnce, seatedCount, type TournamentTable } from './positions.ts';

export type InitialTable = {
  table: number;
  /** Player ids by seat; null for an empty seat. */
  seats: (string | null)[];
};

export type SeatChoice = { table: number; seat: number };

function refuse(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

/** A uniformly random permutation (Fisher–Yates) drawn from `random`. */
function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The opening seating of `playerIds` at tables of `tableSize` seats, by the
 * rules above. Refuses fewer than two players, duplicate ids and a table
 * size below 2.
 */
export function initialSeating(playerIds: readonly string[], tableSize: number, random: RandomSource): InitialTable[] {
  if (!Number.isSafeInteger(tableSize) || tableSize < 2) refuse('bad_table_size', `A table has at least 2 seats, not ${tableSize}.`);
  if (playerIds.length < 2) refuse('not_enough_entrants', 'A tournament starts with at least two players.');
  if (new Set(playerIds).size !== playerIds.length) refuse('bad_entrants', 'Each player enters the seating once.');
  const count = Math.ceil(playerIds.length / tableSize);
  const base = Math.floor(playerIds.length / count);
  const extra = playerIds.length % count;
  const players = shuffled(playerIds, random);
  const seatNumbers = Array.from({ length: tableSize }, (_, s) => s);
  let next = 0;
  return Array.from({ length: count }, (_, k) => {
    const here = base + (k < extra ? 1 : 0);
    const seats = new Array<string | null>(tableSize).fill(null);
    for (const seat of shuffled(seatNumbers, random).slice(0, here)) seats[seat] = players[next++];
    return { table: k + 1, seats };
  });
}

/**
 * A seat for a late entrant, by the rules above, or null when every table
 * is full (open a new table for them).
 */
export function seatLateEntrant(
  tables: readonly TournamentTable[],
  random: RandomSource,
  mode: SeatingMode = SeatingMode.bigBlind,
): SeatChoice | null {
  const withRoom = tables.filter((t) => seatedCount(t) < t.seats.length);
  if (withRoom.length === 0) return null;
  const fewest = Math.min(...withRoom.map(seatedCount));
  const free = withRoom
    .filter((t) => seatedCount(t) === fewest)
    .flatMap((t) => t.seats.flatMap((s, seat) => (s ? [] : [{ table: t, seat }])));
  const dealt = free.filter(({ table, seat }) => dealtInAtOnce(table, seat, mode));
  const pool = dealt.length > 0 ? dealt : free;
  const { table, seat } = pool[random(pool.length)];
  return { table: table.table, seat };
}
