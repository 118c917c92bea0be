import type { Operation } from '../engine/hand/operations.ts';
import type { HandConfig, HandState } from '../engine/hand/state.ts';
import { findVariant } from '../engine/variants.ts';

/** What one finished hand says about one of its players, for the statistics. */
export type HandFacts = {
  /** Called or raised on the first betting round (posting a blind, ante, straddle or bring-in is not voluntary). */
  vpip: boolean;
  /** Raised (or, in stud, completed) on the first betting round. */
  pfr: boolean;
  /** Bets and raises on every street: both are `raise` operations in the engine. */
  betsAndRaises: number;
  calls: number;
  /** Still in the hand (not folded) when the hand reached its second street: the flop in hold'em and Omaha. */
  sawSecondStreet: boolean;
  /** The hand ended with two or more players who had not folded, this player among them (mucking at showdown still counts). */
  wentToShowdown: boolean;
  /** Went to showdown and was awarded chips from some pot, or part of one. */
  wonAtShowdown: boolean;
  /** Chips won minus chips put in (after rake). */
  net: number;
};

/**
 * Where the second street starts in a hand's log (the log's length when the
 * hand ended on the first street). The first street deals a fixed number of
 * cards, known from the variant: every dealing step past those belongs to a
 * later street. This also holds when nobody acted on the first street
 * (everybody all-in on the forced bets), where no betting marks the change.
 */
export function secondStreetStart(config: HandConfig, log: readonly Operation[]): number {
  const variant = findVariant(config.variant);
  if (!variant) throw new Error(`Hand of unknown variant ${config.variant}: its streets are unknown.`);
  const first = variant.streets[0];
  const holeOwed = config.startingStacks.map(() => first.hole.length);
  let boardOwed = first.board;
  let burnOwed = first.burn ? 1 : 0;
  for (let k = 0; k < log.length; k++) {
    const op = log[k];
    if (op.type === 'dealHole' && holeOwed[op.player] > 0) holeOwed[op.player] -= op.cards.length;
    else if (op.type === 'dealBoard' && boardOwed > 0) boardOwed -= op.cards.length;
    else if (op.type === 'burn' && burnOwed > 0) burnOwed -= 1;
    else if (op.type === 'dealHole' || op.type === 'dealBoard' || op.type === 'burn' || op.type === 'draw') return k;
  }
  return log.length;
}

/** The facts of a finished hand for `player` (a hand index). Pure: reads only the hand state. */
export function handFacts(state: HandState, player: number): HandFacts {
  const log = state.log;
  const secondStreet = secondStreetStart(state.config, log);
  const folded = new Set<number>();
  let vpip = false;
  let pfr = false;
  let betsAndRaises = 0;
  let calls = 0;
  let outBeforeSecondStreet = false;
  let awarded = 0;
  log.forEach((op, k) => {
    if (op.type === 'fold' || op.type === 'muck') {
      if (op.type === 'fold') folded.add(op.player);
      if (op.player === player && k < secondStreet) outBeforeSecondStreet = true;
    }
    if (op.type === 'award' && op.player === player) awarded += op.amount;
    if (!('player' in op) || op.player !== player) return;
    if (op.type === 'call') {
      calls++;
      if (k < secondStreet) vpip = true;
    } else if (op.type === 'raise') {
      betsAndRaises++;
      if (k < secondStreet) vpip = pfr = true;
    }
  });
  const showdown = state.config.startingStacks.length - folded.size >= 2;
  const wentToShowdown = showdown && !folded.has(player);
  return {
    vpip,
    pfr,
    betsAndRaises,
    calls,
    sawSecondStreet: secondStreet < log.length && !outBeforeSecondStreet,
    wentToShowdown,
    wonAtShowdown: wentToShowdown && awarded > 0,
    net: state.stacks[player] - state.config.startingStacks[player],
  };
}
