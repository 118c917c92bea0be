import { BettingStructure, HandType, usesBringIn, type Variant } from '../variants.ts';
import type { HandState } from './state.ts';
import { openPairShowing } from './up-cards.ts';

/** The largest amount anyone has put forward on this street. */
export function maxBet(s: HandState): number {
  let max = 0;
  for (const bet of s.bets) if (bet > max) max = bet;
  return max;
}

export function activeCount(s: HandState): number {
  let count = 0;
  for (const active of s.active) if (active) count++;
  return count;
}

/** Everything in the middle: collected pots, dead money and this street's bets. */
export function totalPot(s: HandState): number {
  let total = s.dead;
  for (let i = 0; i < s.bets.length; i++) total += s.contributed[i] + s.bets[i];
  return total;
}

/** What the player can still lose to someone who can match it. */
export function effectiveStack(s: HandState, player: number): number {
  let first = 0;
  let second = 0;
  for (let i = 0; i < s.stacks.length; i++) {
    if (!s.active[i]) continue;
    const total = s.bets[i] + s.stacks[i];
    if (total > first) {
      second = first;
      first = total;
    } else if (total > second) second = total;
  }
  return Math.min(s.stacks[player], Math.max(0, second - s.bets[player]));
}

/** The smallest bet on this street: the minimum bet, or fixed limit's small or big bet. */
export function streetMinimum(s: HandState, variant: Variant): number {
  const c = s.config;
  if (variant.betting !== BettingStructure.fixedLimit) return c.minBet ?? 0;
  return variant.streets[s.street].limit === 'big' ? (c.bigBet ?? 0) : (c.smallBet ?? 0);
}

/**
 * The smallest legal total to bet or raise to: the current bet plus the larger
 * of the street's minimum and the last full raise. The player's own stack caps
 * it (all-in for less); opponents' stacks do not.
 */
export function minRaiseTo(s: HandState, variant: Variant, player: number): number {
  const increment = Math.max(s.raiseSize, streetMinimum(s, variant));
  const to = s.completionPending ? increment : maxBet(s) + increment;
  return Math.min(s.stacks[player] + s.bets[player], to);
}

/**
 * Seven-card stud's open pair (a table option, `openPairBigBet`; PokerKit
 * has no such rule): on fourth street, when a player still in shows a pair,
 * any bet or raise may be by the small bet or the big bet; once one is by the
 * big bet, the rest are too (the smallest raise is the last full one). Stud
 * high only: hi-lo and razz keep the small bet, as card rooms do.
 */
export function openPairOption(s: HandState, variant: Variant): boolean {
  const highOnly = variant.handTypes.length === 1 && variant.handTypes[0] === HandType.high;
  return s.config.openPairBigBet === true && variant.betting === BettingStructure.fixedLimit && usesBringIn(variant) && highOnly
    && s.street === 1 && openPairShowing(s);
}

/** The largest legal total: one bet in fixed limit (the big bet with an open pair), the pot after calling in pot limit, everything in no limit. */
export function maxRaiseTo(s: HandState, variant: Variant, player: number): number {
  const all = s.stacks[player] + s.bets[player];
  switch (variant.betting) {
    case BettingStructure.fixedLimit:
      if (openPairOption(s, variant)) return Math.min(all, Math.max(minRaiseTo(s, variant, player), maxBet(s) + (s.config.bigBet ?? 0)));
      return minRaiseTo(s, variant, player);
    case BettingStructure.potLimit: {
      const pot = 2 * maxBet(s) - s.bets[player] + totalPot(s);
      return Math.min(all, Math.max(minRaiseTo(s, variant, player), pot));
    }
    default:
      return all;
  }
}

export const RAISE_REFUSALS = {
  raise_cap: 'The betting is capped this street.',
  not_reopened: 'A short all-in raise does not reopen the betting to a player who has already acted; call or fold.',
  covered: 'Your stack only covers a call.',
  nobody_to_raise: 'Every other player is all-in or folded; there is nobody to raise.',
} as const;
export type RaiseRefusal = keyof typeof RAISE_REFUSALS;

/**
 * The error code a client gets for a refusal: `covered` and `nobody_to_raise`
 * are both "no raise is possible here", `cannot_raise`, whichever of `raise`
 * or `allin` was sent.
 */
export function raiseRefusalCode(refusal: RaiseRefusal): string {
  return refusal === 'covered' || refusal === 'nobody_to_raise' ? 'cannot_raise' : refusal;
}

/**
 * Why the player to act may not bet or raise at all, whatever the amount, or
 * null when they may. A code rather than an exception keeps the legal-action
 * query cheap. Short all-in raises reopen the betting for players who already
 * acted only once together they add up to a full raise.
 */
export function raiseRefusal(s: HandState, variant: Variant, player: number): RaiseRefusal | null {
  if (variant.maxRaises !== null && s.raiseCount >= variant.maxRaises) return 'raise_cap';
  if (s.allInRaises.length > 0 && s.acted[player]) {
    let allInTotal = 0;
    for (const raise of s.allInRaises) allInTotal += raise;
    if (allInTotal < s.raiseSize) return 'not_reopened';
  }
  const max = maxBet(s);
  if (s.stacks[player] <= max - s.bets[player]) return 'covered';
  for (let i = 0; i < s.stacks.length; i++) {
    if (i !== player && s.active[i] && s.stacks[i] + s.bets[i] > max) return null;
  }
  return 'nobody_to_raise';
}
