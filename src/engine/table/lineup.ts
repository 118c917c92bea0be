/**
 * Who plays the next hand of a cash table, and what each of them posts.
 *
 * The rules are the usual online cash-game rules with a dead button:
 *
 * - **Ready**: a seated player who is not sitting out and has chips. Only
 *   ready players are ever dealt in.
 * - **Owing**: a new player (`isNew`) or one who missed a blind while away
 *   owes a big blind. They are dealt in when the big blind reaches them (they
 *   post it and owe nothing more, not even a missed small blind), or at once
 *   when `willPost` is set: a live big blind (`posts`), plus the small blind as
 *   dead money (`deadBlinds`) when they missed it. A missed small blind alone
 *   costs only the dead small blind.
 * - **No cheap button**: a new player who sits on the button seat or anywhere
 *   from it to the small blind position waits even with `willPost`, until the
 *   button has passed. A returning player there may post: they pay every blind
 *   they missed, so the button is not cheap for them.
 * - **Big blind**: moves to the next ready player clockwise; owing players
 *   count as reached, because they post it.
 * - **Small blind**: on the seat that had the big blind last hand, if that
 *   player is still ready and owes nothing; otherwise the small blind is dead.
 * - **Button**: on the seat that had the small blind last hand (its position,
 *   even if that small blind was dead), even when that seat is now empty or
 *   its player sits out (a dead button). When that seat is no longer between
 *   the big blind and the small blind (after a heads-up hand, where the button
 *   posted the small blind), it is the seat just right of the small blind.
 * - **Hand order** starts with the first dealt-in player left of the button
 *   seat and ends with the last one before it (the button when it is live).
 * - **First hand**: every ready player is dealt in; the button is the first
 *   of them from seat 0, and the blinds are the next two.
 * - **Heads-up** (two dealt in): the big blind moves as above and the other
 *   player has the button and posts the small blind. If that other player
 *   owes a big blind and the rotation's big blind player does not, they swap,
 *   so the owing player pays by taking the big blind; nobody posts anything
 *   beyond the two blinds heads-up. Going from three players to two and back,
 *   the big blind still moves one ready player at a time, so nobody posts it
 *   twice in a row and nobody's turn is skipped, except that a new player
 *   who would land on the button waits a hand.
 * - **Restart**: when these rules deal fewer than two players but two or
 *   more are ready (e.g. the only other player is new and waiting for a big
 *   blind that cannot come), the game restarts: every ready player is dealt
 *   in and owes nothing, the big blind moves on as usual and the small blind
 *   and button are the ready players just right of it.
 * - **Antes**: every dealt-in player posts `ante`, or with `bigBlindAnte` the
 *   big blind alone posts it (the caller must then configure the hand with
 *   `anteTrimming: false`, since one player's ante is not a per-player
 *   contribution to side pots).
 * - **Straddle**: with `straddle` above zero and three or more players, the
 *   first dealt-in player left of the big blind posts a live straddle, which
 *   also settles a big blind they owe. There is no straddle heads-up.
 * - **Missed blinds**: a seated player who is not dealt in, and is not new,
 *   is marked `missedBigBlind` when the big blind moves past their seat and
 *   `missedSmallBlind` when the small blind position moves past or onto it.
 */
import { IllegalActionError } from '../errors.ts';
import { firstAfter, firstBefore, onArc, passedOnTheWay, seatsAfter, stepsClockwise, strictlyBetween } from './ring.ts';
import { owesBlind } from './seating.ts';
import { verifyStakes } from './stakes.ts';
import type { Stakes, TableSeat, TableState } from './state.ts';

/**
 * The next hand's players and forced bets, ready for a `HandConfig`. Every
 * per-player array is in hand order, like `seats`. Heads-up, `seats` is
 * [big blind, button] and `blindsOrStraddles` (and a big-blind ante in
 * `antes`) is in posting order, as the hand engine reads it: [small, big].
 */
export type HandPlan = {
  /** Table seats in hand order: first left of the button, the button's seat last when it is live. */
  seats: number[];
  playerIds: string[];
  /** The button seat; it may be empty or hold a player who is not dealt in (a dead button). -1 in stud, which has none. */
  button: number;
  /** -1 when the small blind is dead. Heads-up, the button's seat. -1 in stud. */
  smallBlindSeat: number;
  /** -1 in stud. */
  bigBlindSeat: number;
  startingStacks: number[];
  antes: number[];
  blindsOrStraddles: number[];
  deadBlinds: number[];
  posts: number[];
};

type Lineup = {
  dealt: number[];
  button: number;
  smallBlind: number;
  bigBlind: number;
  /** False where owed posts are waived: the first hand, heads-up and a restart. */
  collectsDebts: boolean;
};

function isReady(seat: TableSeat | null): seat is TableSeat {
  return seat !== null && !seat.sittingOut && seat.stack > 0;
}

function verifyTable(table: TableState): void {
  const n = table.maxSeats;
  const position = (seat: number): boolean => Number.isSafeInteger(seat) && seat >= -1 && seat < n;
  if (!Number.isSafeInteger(n) || n < 2 || table.seats.length !== n) {
    throw new IllegalActionError('bad_table', `The table must list exactly maxSeats (${n}) seats.`);
  }
  if (![table.button, table.smallBlindSeat, table.bigBlindSeat].every(position)) {
    throw new IllegalActionError('bad_table', `Button and blind positions must be seats 0 to ${n - 1}, or -1.`);
  }
}

function headsUp(table: TableState, bigBlind: number, other: number, mayPassBigBlind: boolean): Lineup {
  const swap = mayPassBigBlind && owesBlind(table.seats[other]!) && !owesBlind(table.seats[bigBlind]!);
  const [big, button] = swap ? [other, bigBlind] : [bigBlind, other];
  return { dealt: [big, button], button, smallBlind: button, bigBlind: big, collectsDebts: false };
}

function firstHand(table: TableState, ready: number[]): Lineup {
  const n = table.maxSeats;
  const isIn = (s: number): boolean => ready.includes(s);
  const button = ready[0];
  const next = firstAfter(button, n, isIn);
  // Heads-up the button posts the small blind, so the next player has the big blind.
  if (ready.length === 2) return headsUp(table, next, button, false);
  const smallBlind = next;
  const bigBlind = firstAfter(smallBlind, n, isIn);
  return { dealt: ready, button, smallBlind, bigBlind, collectsDebts: false };
}

function regularHand(table: TableState, ready: number[]): Lineup | null {
  const n = table.maxSeats;
  const { seats, bigBlindSeat: lastBig, smallBlindSeat: lastSmall } = table;
  const bigBlind = firstAfter(lastBig, n, (s) => ready.includes(s));
  const smallPosition = lastBig;
  const smallPlayer = seats[smallPosition];
  const smallLive = isReady(smallPlayer) && !owesBlind(smallPlayer);
  const button =
    lastSmall >= 0 && strictlyBetween(lastSmall, bigBlind, smallPosition, n) ? lastSmall : (smallPosition - 1 + n) % n;
  const dealt = ready.filter((s) => {
    const player = seats[s]!;
    if (s === bigBlind || !owesBlind(player)) return true;
    if (!player.willPost) return false;
    return !(player.isNew && onArc(s, button, smallPosition, n));
  });
  if (dealt.length >= 3) {
    return { dealt, button, smallBlind: smallLive ? smallPosition : -1, bigBlind, collectsDebts: true };
  }
  if (dealt.length === 2) return headsUp(table, bigBlind, dealt.find((s) => s !== bigBlind)!, true);
  return null;
}

function restartedHand(table: TableState, ready: number[]): Lineup {
  const n = table.maxSeats;
  const isIn = (s: number): boolean => ready.includes(s);
  const bigBlind = firstAfter(table.bigBlindSeat, n, isIn);
  if (ready.length === 2) return headsUp(table, bigBlind, ready.find((s) => s !== bigBlind)!, true);
  const smallBlind = firstBefore(bigBlind, n, isIn);
  const button = firstBefore(smallBlind, n, isIn);
  return { dealt: ready, button, smallBlind, bigBlind, collectsDebts: false };
}

function toPlan(table: TableState, stakes: Stakes, lineup: Lineup): HandPlan {
  const n = table.maxSeats;
  const fromButton = (s: number): number => stepsClockwise(lineup.button, s, n) || n;
  const seats = [...lineup.dealt].sort((a, b) => fromButton(a) - fromButton(b));
  const players = seats.map((s) => table.seats[s]!);
  const count = seats.length;
  const zeros = (): number[] => new Array<number>(count).fill(0);
  const blindsOrStraddles = zeros();
  const antes = zeros();
  const deadBlinds = zeros();
  const posts = zeros();
  const big = seats.indexOf(lineup.bigBlind);
  const isHeadsUp = count === 2;
  let straddler = -1;
  if (isHeadsUp) {
    // The engine reads heads-up blinds in posting order (small, big) for players (big blind, button).
    blindsOrStraddles[0] = stakes.smallBlind;
    blindsOrStraddles[1] = stakes.bigBlind;
  } else {
    if (lineup.smallBlind >= 0) blindsOrStraddles[seats.indexOf(lineup.smallBlind)] = stakes.smallBlind;
    blindsOrStraddles[big] = stakes.bigBlind;
    if ((stakes.straddle ?? 0) > 0) {
      straddler = (big + 1) % count;
      blindsOrStraddles[straddler] = stakes.straddle!;
    }
  }
  if (stakes.ante > 0) {
    // Heads-up the engine reads antes in posting order too, so the big blind's ante goes in slot 1.
    if (stakes.bigBlindAnte) antes[isHeadsUp ? 1 : big] = stakes.ante;
    else antes.fill(stakes.ante);
  }
  if (lineup.collectsDebts) {
    players.forEach((player, i) => {
      if (i === big) return;
      if ((player.isNew || player.missedBigBlind) && i !== straddler) posts[i] = stakes.bigBlind;
      if (player.missedSmallBlind) deadBlinds[i] = stakes.smallBlind;
    });
  }
  return {
    seats,
    playerIds: players.map((p) => p.playerId),
    button: lineup.button,
    smallBlindSeat: lineup.smallBlind,
    bigBlindSeat: lineup.bigBlind,
    startingStacks: players.map((p) => p.stack),
    antes,
    blindsOrStraddles,
    deadBlinds,
    posts,
  };
}

/**
 * Plans the next hand under the rules above: who is dealt in, in hand order,
 * where the button and blinds are, and every forced bet. Pure: the table is
 * not changed (see `applyPlan`). Null when fewer than two players are ready.
 * Refuses malformed stakes or a malformed table with an `IllegalActionError`.
 */
export function planNextHand(table: TableState, stakes: Stakes): HandPlan | null {
  verifyStakes(stakes);
  verifyTable(table);
  const ready = seatsAfter(-1, table.maxSeats).filter((s) => isReady(table.seats[s]));
  if (ready.length < 2) return null;
  if (table.bigBlindSeat < 0) return toPlan(table, stakes, firstHand(table, ready));
  return toPlan(table, stakes, regularHand(table, ready) ?? restartedHand(table, ready));
}

/** Refuses a plan made for another table state (a player left or was replaced since). */
export function verifyPlan(table: TableState, plan: HandPlan): void {
  const n = table.maxSeats;
  const stale = (): never => {
    throw new IllegalActionError('stale_plan', 'The table changed since this hand was planned; plan the hand again.');
  };
  if (plan.seats.length < 2 || plan.playerIds.length !== plan.seats.length) stale();
  plan.seats.forEach((s, i) => {
    if (table.seats[s]?.playerId !== plan.playerIds[i]) stale();
  });
  // A stud plan has no button and no blinds.
  if (plan.button === -1 && plan.bigBlindSeat === -1 && plan.smallBlindSeat === -1) return;
  if (!plan.seats.includes(plan.bigBlindSeat) || !Number.isSafeInteger(plan.button) || plan.button < 0 || plan.button >= n) stale();
  if (plan.smallBlindSeat >= 0 ? !plan.seats.includes(plan.smallBlindSeat) : table.bigBlindSeat < 0) stale();
}

/**
 * The table once the planned hand is dealt: the button and blind positions
 * move (a dead small blind's position is the last big blind's seat), players
 * dealt in owe nothing any more (`isNew`, missed blinds and `willPost`
 * cleared), and players left out are marked with the blinds that passed
 * them. A stud plan moves no position and marks nobody. Stacks are
 * unchanged: the hand's result is the caller's to record.
 */
export function applyPlan(table: TableState, plan: HandPlan): TableState {
  verifyPlan(table, plan);
  const n = table.maxSeats;
  const dealt = new Set(plan.seats);
  if (plan.button === -1) {
    // Stud: no blind passed anyone, and the blinds' positions wait for a game that has them.
    const seats = table.seats.map((seat, s): TableSeat | null =>
      seat && dealt.has(s) ? { ...seat, isNew: false, missedSmallBlind: false, missedBigBlind: false, willPost: false } : seat && { ...seat });
    return { ...table, seats, handsPlayed: table.handsPlayed + 1 };
  }
  const smallPosition = plan.smallBlindSeat >= 0 ? plan.smallBlindSeat : table.bigBlindSeat;
  const seats = table.seats.map((seat, s): TableSeat | null => {
    if (!seat) return null;
    if (dealt.has(s)) return { ...seat, isNew: false, missedSmallBlind: false, missedBigBlind: false, willPost: false };
    // A new player owes a big blind anyway and never owes a dead small blind.
    if (seat.isNew) return { ...seat };
    const missedBig = table.bigBlindSeat >= 0 && strictlyBetween(s, table.bigBlindSeat, plan.bigBlindSeat, n);
    const missedSmall = table.smallBlindSeat >= 0 && passedOnTheWay(s, table.smallBlindSeat, smallPosition, n);
    return {
      ...seat,
      missedBigBlind: seat.missedBigBlind || missedBig,
      missedSmallBlind: seat.missedSmallBlind || missedSmall,
    };
  });
  return {
    ...table,
    seats,
    button: plan.button,
    smallBlindSeat: smallPosition,
    bigBlindSeat: plan.bigBlindSeat,
    handsPlayed: table.handsPlayed + 1,
  };
}
