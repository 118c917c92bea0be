/**
 * Where a seat of a tournament table stands in the blind rotation: who posts
 * the big blind next, which empty seat would post it soonest, whether a
 * player put in a seat is dealt in at once.
 *
 * The answers come from the cash table's own rotation (`planNextHand` and
 * `applyPlan` of `src/engine/table/lineup.ts`: a dead button, the big blind
 * moving one player per hand, the heads-up order), run on a copy of the table
 * in which every player is ready and owes nothing — as at a tournament
 * table, where nobody sits out a blind and a moved player owes none.
 *
 * Stud has no blinds: there, seats are chosen by position instead (the seat
 * that opened last at the short table is the one filled, as TDA's rule for
 * stud says), and everyone is dealt in at once.
 */
import { IllegalActionError } from '../../engine/errors.ts';
import { applyPlan, planNextHand } from '../../engine/table/lineup.ts';
import { stepsClockwise, strictlyBetween } from '../../engine/table/ring.ts';
import type { Stakes, TableState } from '../../engine/table/state.ts';
import { GameFamily, findTournamentVariant } from './structure.ts';

export type TablePlayer = { playerId: string; stack: number };

/**
 * A tournament table as the rules see it. `button`, `smallBlindSeat` and
 * `bigBlindSeat` are the positions of the last hand dealt — the hand in play
 * when `handInPlay` — with the meanings of the cash table's `TableState`
 * (the small blind *position*, kept even when it was dead); -1 before the
 * table's first hand.
 */
export type TournamentTable = {
  /** The table's number; tables are broken in a fixed order of these. */
  table: number;
  seats: (TablePlayer | null)[];
  button: number;
  smallBlindSeat: number;
  bigBlindSeat: number;
  handInPlay: boolean;
  /** Stud: seats in the order they were emptied, the latest last. */
  vacated?: number[];
};

/** How a moved player's seat is chosen: by the big blind (flop and draw games) or by position (stud). */
export const SeatingMode = {
  bigBlind: 'bigBlind',
  position: 'position',
} as const;
export type SeatingMode = (typeof SeatingMode)[keyof typeof SeatingMode];

/** The seating mode of a variant: by position for stud, by the big blind otherwise. */
export function seatingModeOf(variant: string): SeatingMode {
  return findTournamentVariant(variant)?.family === GameFamily.stud ? SeatingMode.position : SeatingMode.bigBlind;
}

// The rotation does not depend on the amounts: any valid stakes do.
const ROTATION_STAKES: Stakes = { smallBlind: 1, bigBlind: 2, ante: 0 };
const CANDIDATE = '\u0000candidate';

function rotation(table: TournamentTable): TableState {
  return {
    maxSeats: table.seats.length,
    seats: table.seats.map((s) =>
      s
        ? { playerId: s.playerId, stack: 1, sittingOut: false, missedSmallBlind: false, missedBigBlind: false, isNew: false, willPost: false }
        : null,
    ),
    button: table.button,
    smallBlindSeat: table.smallBlindSeat,
    bigBlindSeat: table.bigBlindSeat,
    handsPlayed: table.bigBlindSeat < 0 ? 0 : 1,
  };
}

function withCandidate(table: TournamentTable, seat: number): TournamentTable {
  const seats = [...table.seats];
  seats[seat] = { playerId: CANDIDATE, stack: 1 };
  return { ...table, seats };
}

function verifyEmpty(table: TournamentTable, seat: number): void {
  if (!Number.isSafeInteger(seat) || seat < 0 || seat >= table.seats.length || table.seats[seat]) {
    throw new IllegalActionError('bad_seat', `Seat ${seat} of table ${table.table} is not an empty seat.`);
  }
}

/**
 * The occupied seats in the order they will post the big blind, the next
 * one first; empty when fewer than two players sit (no hand can be dealt).
 */
export function bigBlindOrder(table: TournamentTable): number[] {
  const order: number[] = [];
  const occupied = table.seats.filter(Boolean).length;
  let state = rotation(table);
  for (let hand = 0; hand < 2 * table.seats.length && order.length < occupied; hand++) {
    const plan = planNextHand(state, ROTATION_STAKES);
    if (!plan) break;
    if (!order.includes(plan.bigBlindSeat)) order.push(plan.bigBlindSeat);
    state = applyPlan(state, plan);
  }
  return order;
}

/** The seat that posts the big blind in the table's next hand, or -1 when fewer than two players sit. */
export function nextBigBlindSeat(table: TournamentTable): number {
  return planNextHand(rotation(table), ROTATION_STAKES)?.bigBlindSeat ?? -1;
}

/**
 * In how many hands a player put in the empty `seat` would post the big
 * blind: 1 for the next hand. Infinity when no hand could be dealt.
 */
export function handsUntilBigBlind(table: TournamentTable, seat: number): number {
  verifyEmpty(table, seat);
  let state = rotation(withCandidate(table, seat));
  for (let hand = 1; hand <= 2 * table.seats.length; hand++) {
    const plan = planNextHand(state, ROTATION_STAKES);
    if (!plan) return Infinity;
    if (plan.bigBlindSeat === seat) return hand;
    state = applyPlan(state, plan);
  }
  return Infinity;
}

/**
 * The worst position among the empty seats, -1 when the table is full. By
 * the big blind: the seat that would post the big blind soonest (the big
 * blind itself when a seat lies between the last big blind and the next
 * one); between equals, the first clockwise after the last big blind. It is
 * never the small blind while another seat is free: a player there posts
 * the small blind now and waits a full round for the big blind. By
 * position: the empty seat that opened last, else the lowest empty seat.
 */
export function worstEmptySeat(table: TournamentTable, mode: SeatingMode = SeatingMode.bigBlind): number {
  const empty = table.seats.flatMap((s, i) => (s ? [] : [i]));
  if (empty.length === 0) return -1;
  if (mode === SeatingMode.position) {
    const opened = [...(table.vacated ?? [])].reverse().find((s) => empty.includes(s));
    return opened ?? empty[0];
  }
  const n = table.seats.length;
  const from = (seat: number): number => stepsClockwise(table.bigBlindSeat, seat, n) || n;
  const ranked = empty
    .map((seat) => ({ seat, hands: handsUntilBigBlind(table, seat) }))
    .sort((a, b) => a.hands - b.hands || from(a.seat) - from(b.seat));
  return ranked[0].seat;
}

/**
 * Whether a player put in the empty `seat` is dealt into the table's next
 * hand (TDA: a new player may get any seat, the blinds and the button
 * included, and is dealt in at once, except between the small blind and the
 * button). False only when the seat lies strictly between the next hand's
 * button and its small blind position: that player waits one hand, until
 * the button has passed, and is dealt in from the hand after. Always true
 * before a table's first hand and in stud.
 */
export function dealtInAtOnce(table: TournamentTable, seat: number, mode: SeatingMode = SeatingMode.bigBlind): boolean {
  verifyEmpty(table, seat);
  if (mode === SeatingMode.position || table.bigBlindSeat < 0) return true;
  const plan = planNextHand(rotation(withCandidate(table, seat)), ROTATION_STAKES);
  if (!plan) return true;
  const smallPosition = plan.smallBlindSeat >= 0 ? plan.smallBlindSeat : table.bigBlindSeat;
  return !strictlyBetween(seat, plan.button, smallPosition, table.seats.length);
}

/** How many players sit at the table. */
export function seatedCount(table: TournamentTable): number {
  return table.seats.reduce((n, s) => n + (s ? 1 : 0), 0);
}
