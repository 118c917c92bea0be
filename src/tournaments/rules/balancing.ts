/**
 * Breaking and balancing tables (TDA), decided after a hand ends at a table.
 *
 * - **How many tables**: as few as hold everyone, ceil(players / seats per
 *   table). A table is broken when the others can seat all its players;
 *   tables are broken in a fixed order (by default the highest-numbered
 *   first; empty tables before any other). Down to one table's worth of
 *   players, every table but the last in that order is broken: the final
 *   table.
 * - **Only between hands**: a table with a hand in play gives up no player
 *   and is not broken; it is broken when its hand ends (the next check).
 *   While a table waits to be broken, the others are not balanced: its
 *   players are about to fill the short tables. Players may be moved *to* a
 *   table with a hand in play; they are dealt in from its next hand.
 * - **Breaking**: the broken table's players go, in the order they would
 *   have posted the big blind there, each to the table with the fewest
 *   players (equal: the one broken last), to its worst position.
 * - **Balancing**: tables stay within one player of each other. While a
 *   table between hands has two or more players more than the shortest
 *   table, its player due the big blind next moves from the table with the
 *   most players (equal: the one broken first) to the worst position at the
 *   table with the fewest (equal: the one broken last).
 * - **Worst position** (`worstEmptySeat`): the seat that would post the big
 *   blind soonest — the big blind itself when a seat is free between the last
 *   big blind and the next one, never the small blind while another seat is
 *   free. The player moved was due the big blind next and posts it (or the
 *   next one the rotation gives that seat) at the new table: moving neither
 *   makes them post two big blinds in a row nor lets them skip one. The
 *   players of a broken table cannot all keep their turn (TDA lets them land
 *   on any seat); taking them in big-blind order to the worst seats first
 *   keeps it as nearly as the free seats allow.
 * - **The moved player's first hand** (`dealtInAtOnce`): dealt in at once,
 *   posting whatever the seat owes (big blind, small blind, button, antes),
 *   owing nothing for missed blinds, except in a seat strictly between the
 *   next hand's button and small blind: there they wait one hand.
 * - **Stud** (mode `position`): the seat filled is the one that opened last
 *   at the short table, and the player moved is the one in the same seat
 *   number at the long table, else the next occupied seat clockwise from it.
 * - **Hand-for-hand**: balance only once a round is complete, so nobody
 *   plays two hands of one round (see `hand-for-hand.ts`).
 */
import { IllegalActionError } from '../../engine/errors.ts';
import { firstAfter } from '../../engine/table/ring.ts';
import { SeatingMode, bigBlindOrder, nextBigBlindSeat, seatedCount, worstEmptySeat, type TournamentTable } from './positions.ts';

export type Move = { playerId: string; fromTable: number; toTable: number; toSeat: number };

export type BalancePlan = {
  /** Tables broken by these moves (empty once they are made): close them. */
  breakTables: number[];
  /** In order: apply each after the ones before it. */
  moves: Move[];
};

export type BalanceOptions = {
  mode?: SeatingMode;
  /** Table numbers, the first to break first. Tables not listed break after those listed, highest number first. */
  breakingOrder?: readonly number[];
};

function refuse(message: string): never {
  throw new IllegalActionError('bad_tables', message);
}

function verifyTables(tables: readonly TournamentTable[]): number {
  if (tables.length === 0) refuse('There are no tables to balance.');
  const size = tables[0].seats.length;
  const numbers = new Set<number>();
  const players = new Set<string>();
  for (const t of tables) {
    if (!Number.isSafeInteger(t.table) || numbers.has(t.table)) refuse(`Table numbers must be distinct whole numbers (${t.table}).`);
    numbers.add(t.table);
    if (t.seats.length !== size || size < 2) refuse(`Every table must have the same number of seats, at least 2 (table ${t.table}).`);
    for (const position of [t.button, t.smallBlindSeat, t.bigBlindSeat]) {
      if (!Number.isSafeInteger(position) || position < -1 || position >= size) refuse(`Table ${t.table} has a position outside its seats.`);
    }
    for (const seat of t.seats) {
      if (!seat) continue;
      if (players.has(seat.playerId)) refuse(`Player ${seat.playerId} sits at two tables.`);
      players.add(seat.playerId);
      if (!Number.isSafeInteger(seat.stack) || seat.stack <= 0) {
        refuse(`Player ${seat.playerId} has no chips: remove players who are out before balancing.`);
      }
    }
  }
  return size;
}

function clone(table: TournamentTable): TournamentTable {
  return { ...table, seats: [...table.seats], ...(table.vacated ? { vacated: [...table.vacated] } : {}) };
}

/** Table numbers in breaking order: empty tables first, then the given order, then the rest highest first. */
function breakingOrder(tables: readonly TournamentTable[], given: readonly number[] = []): number[] {
  const present = new Set(tables.map((t) => t.table));
  const listed = [...new Set(given)].filter((n) => present.has(n));
  const isListed = new Set(listed);
  const rest = tables.map((t) => t.table).filter((n) => !isListed.has(n)).sort((a, b) => b - a);
  const empty = new Set(tables.filter((t) => seatedCount(t) === 0).map((t) => t.table));
  const order = [...listed, ...rest];
  return [...order.filter((n) => empty.has(n)), ...order.filter((n) => !empty.has(n))];
}

/** The first table by `better`, or undefined when there is none. */
function best(tables: readonly TournamentTable[], better: (a: TournamentTable, b: TournamentTable) => boolean): TournamentTable | undefined {
  let found: TournamentTable | undefined;
  for (const t of tables) if (!found || better(t, found)) found = t;
  return found;
}

/** The seat of the player who moves from `source` to the seat `toSeat` of another table. */
function moverSeat(source: TournamentTable, toSeat: number, mode: SeatingMode): number {
  if (mode === SeatingMode.position) return firstAfter(toSeat - 1, source.seats.length, (s) => source.seats[s] !== null);
  const next = nextBigBlindSeat(source);
  return next >= 0 ? next : source.seats.findIndex((s) => s !== null);
}

function move(from: TournamentTable, seat: number, to: TournamentTable, toSeat: number, mode: SeatingMode): Move {
  const player = from.seats[seat]!;
  from.seats[seat] = null;
  to.seats[toSeat] = player;
  if (mode === SeatingMode.position) {
    from.vacated = [...(from.vacated ?? []), seat];
    to.vacated = (to.vacated ?? []).filter((s) => s !== toSeat);
  }
  return { playerId: player.playerId, fromTable: from.table, toTable: to.table, toSeat };
}

/**
 * The tables to break and the moves to make now, from every table's plain
 * data, by the rules above. Pure: the input is not changed. Refuses
 * malformed tables (`bad_tables`): unequal seat counts, a player at two
 * tables or without chips, positions outside the seats.
 */
export function planBalance(tables: readonly TournamentTable[], options: BalanceOptions = {}): BalancePlan {
  const size = verifyTables(tables);
  const mode = options.mode ?? SeatingMode.bigBlind;
  const work = new Map(tables.map((t) => [t.table, clone(t)]));
  const order = breakingOrder(tables, options.breakingOrder);
  const ranks = new Map(order.map((n, i) => [n, i]));
  const rank = (n: number): number => ranks.get(n)!;
  const total = tables.reduce((n, t) => n + seatedCount(t), 0);
  const needed = Math.max(1, Math.ceil(total / size));
  const doomed = order.slice(0, Math.max(0, order.length - needed));
  const open = order.slice(doomed.length).map((n) => work.get(n)!);
  const moves: Move[] = [];
  const breakTables: number[] = [];

  // Fewest players; between equals, the one broken last.
  const shortest = (): TournamentTable =>
    best(open, (a, b) => seatedCount(a) < seatedCount(b) || (seatedCount(a) === seatedCount(b) && rank(a.table) > rank(b.table)))!;

  let pending = false;
  for (const number of doomed) {
    const table = work.get(number)!;
    if (table.handInPlay && seatedCount(table) > 0) {
      pending = true;
      continue;
    }
    const seats = mode === SeatingMode.position ? table.seats.flatMap((s, i) => (s ? [i] : [])) : bigBlindOrder(table);
    const leftovers = table.seats.flatMap((s, i) => (s && !seats.includes(i) ? [i] : []));
    for (const seat of [...seats, ...leftovers]) {
      const to = shortest();
      moves.push(move(table, seat, to, worstEmptySeat(to, mode), mode));
    }
    breakTables.push(number);
  }
  if (pending) return { breakTables, moves };

  for (;;) {
    const to = shortest();
    const least = seatedCount(to);
    // Most players among the tables between hands that are two or more longer; between equals, the one broken first.
    const from = best(
      open.filter((t) => !t.handInPlay && seatedCount(t) >= least + 2),
      (a, b) => seatedCount(a) > seatedCount(b) || (seatedCount(a) === seatedCount(b) && rank(a.table) < rank(b.table)),
    );
    if (!from) break;
    const toSeat = worstEmptySeat(to, mode);
    moves.push(move(from, moverSeat(from, toSeat, mode), to, toSeat, mode));
  }
  return { breakTables, moves };
}

/** Whether the tables are within one player of each other. */
export function isBalanced(tables: readonly TournamentTable[]): boolean {
  const counts = tables.map(seatedCount);
  return Math.max(...counts) - Math.min(...counts) <= 1;
}
