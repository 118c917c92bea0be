import { applyPlan, planNextHand, type HandPlan } from '../../../src/engine/table/lineup.ts';
import type { Stakes, TableSeat, TableState } from '../../../src/engine/table/state.ts';

export const STAKES: Stakes = { smallBlind: 1, bigBlind: 2, ante: 0 };

/** A player who has been playing: owes nothing. */
export function regular(playerId: string, stack = 100): TableSeat {
  return { playerId, stack, sittingOut: false, missedSmallBlind: false, missedBigBlind: false, isNew: false, willPost: false };
}

/** A player who has just sat down. */
export function newcomer(playerId: string, willPost = false, stack = 100): TableSeat {
  return { ...regular(playerId, stack), isNew: true, willPost };
}

/**
 * A table with the given seats (a string is a regular player) and the
 * positions of the last hand; no positions means no hand has been dealt yet.
 */
export function table(
  seats: (TableSeat | string | null)[],
  last: { button: number; small: number; big: number } = { button: -1, small: -1, big: -1 },
): TableState {
  return {
    maxSeats: seats.length,
    seats: seats.map((s) => (typeof s === 'string' ? regular(s) : s)),
    button: last.button,
    smallBlindSeat: last.small,
    bigBlindSeat: last.big,
    handsPlayed: last.big < 0 ? 0 : 10,
  };
}

/** Plans a hand that must be dealt, and the table once it is. */
export function deal(state: TableState, stakes: Stakes = STAKES): { plan: HandPlan; next: TableState } {
  const plan = planNextHand(state, stakes);
  if (!plan) throw new Error('expected a hand to be dealt');
  return { plan, next: applyPlan(state, plan) };
}

/** Player ids of a plan's big blind, small blind (or null when dead) and button seat. */
export function positions(state: TableState, plan: HandPlan): { big: string; small: string | null; button: string | null } {
  const id = (seat: number): string | null => (seat >= 0 ? (state.seats[seat]?.playerId ?? null) : null);
  return { big: id(plan.bigBlindSeat)!, small: id(plan.smallBlindSeat), button: id(plan.button) };
}
