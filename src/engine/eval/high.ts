import { CARD_KEY, CARD_RANK_BIT, FLUSH_SUIT_5, FLUSH_SUIT_6, FLUSH_SUIT_7, SUITED_RANK_BIT } from './keys.ts';
import { FLUSH_RANKS, RANKS_5, RANKS_6, RANKS_7 } from './high-tables.ts';

const K = CARD_KEY;
const SB = SUITED_RANK_BIT;
const FLUSH = FLUSH_RANKS;
const V5 = RANKS_5.values;
const O5 = RANKS_5.offsets;
const V6 = RANKS_6.values;
const O6 = RANKS_6.offsets;
const V7 = RANKS_7.values;
const O7 = RANKS_7.offsets;

/**
 * Strength of the best five-card high hand among seven cards (0..51, all
 * different): higher wins, equal ties. The fastest entry point: separate
 * arguments spare the caller an array. Read the category with `handCategory`.
 */
export function evaluate7(a: number, b: number, c: number, d: number, e: number, f: number, g: number): number {
  const key = (K[a] + K[b] + K[c] + K[d] + K[e] + K[f] + K[g]) | 0;
  const suit = FLUSH_SUIT_7[key & 511];
  if (suit < 0) {
    const r = key >>> 9;
    return V7[r + O7[r >>> 8]];
  }
  const o = suit << 6;
  return FLUSH[SB[o | a] | SB[o | b] | SB[o | c] | SB[o | d] | SB[o | e] | SB[o | f] | SB[o | g]];
}

/** Strength of the best five-card high hand among six different cards. */
export function evaluate6(a: number, b: number, c: number, d: number, e: number, f: number): number {
  const key = (K[a] + K[b] + K[c] + K[d] + K[e] + K[f]) | 0;
  const suit = FLUSH_SUIT_6[key & 511];
  if (suit < 0) {
    const r = key >>> 9;
    return V6[r + O6[r >>> 8]];
  }
  const o = suit << 6;
  return FLUSH[SB[o | a] | SB[o | b] | SB[o | c] | SB[o | d] | SB[o | e] | SB[o | f]];
}

/** Strength of a five-card high hand (five different cards). */
export function evaluate5(a: number, b: number, c: number, d: number, e: number): number {
  const key = (K[a] + K[b] + K[c] + K[d] + K[e]) | 0;
  if (FLUSH_SUIT_5[key & 511] < 0) {
    const r = key >>> 9;
    return V5[r + O5[r >>> 8]];
  }
  const R = CARD_RANK_BIT;
  return FLUSH[R[a] | R[b] | R[c] | R[d] | R[e]];
}

/**
 * Strength of the best five-card high hand among the first `count` (5, 6 or 7)
 * of `cards`: higher wins, equal ties, comparable across sizes. Cards must be
 * different; they are not checked, to keep this fast.
 */
export function evaluateHigh(cards: ArrayLike<number>, count: number = cards.length): number {
  switch (count) {
    case 7:
      return evaluate7(cards[0], cards[1], cards[2], cards[3], cards[4], cards[5], cards[6]);
    case 6:
      return evaluate6(cards[0], cards[1], cards[2], cards[3], cards[4], cards[5]);
    case 5:
      return evaluate5(cards[0], cards[1], cards[2], cards[3], cards[4]);
    default:
      throw new RangeError(`A high hand is made from 5, 6 or 7 cards, not ${count}.`);
  }
}
