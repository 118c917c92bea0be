import { CARD_KEY, RANK_KEYS } from './keys.ts';
import { buildRankTable, forEachRankMultiset, type RankTable } from './rank-table.ts';

/**
 * Ace-to-five low with no qualifier (razz; PokerKit's `RegularLowHand`): the
 * ace is the lowest card, straights and flushes do not count, and any pair is
 * worse than any five different ranks. Suits never matter, so the best five
 * of five to seven cards is a function of the rank multiset alone: one rank
 * table per hand size, read through the same key sums as the high evaluator.
 *
 * A strength is dense, 1..6175, one per five-card rank multiset: higher wins,
 * equal ties. 6175 is 5-4-3-2-A, 6174 is 6-4-3-2-A, 4889 (the worst without a
 * pair) is K-Q-J-T-9, and 1 is K-K-K-K-Q. It is 6175 minus PokerKit's entry
 * index for the same hand.
 */

/** How a five-card ace-to-five low is made, best first. */
export const LowA5Category = {
  noPair: 'noPair',
  onePair: 'onePair',
  twoPair: 'twoPair',
  threeOfAKind: 'threeOfAKind',
  fullHouse: 'fullHouse',
  fourOfAKind: 'fourOfAKind',
} as const;
export type LowA5Category = (typeof LowA5Category)[keyof typeof LowA5Category];

const CATEGORY_ORDER: readonly LowA5Category[] = Object.values(LowA5Category);

/** Group sizes, biggest first, of each category, in CATEGORY_ORDER. */
const SHAPES = ['11111', '2111', '221', '311', '32', '41'];

export const LOW_A5_STRENGTHS = 6175;

/** A Felt rank (0 = deuce .. 12 = ace) as its ace-to-five value (0 = ace .. 12 = king). */
const a5Value = (rank: number): number => (rank + 1) % 13;

/**
 * Per strength, the hand that has it: the category index in its top byte and
 * the five ace-to-five values in the order they compare (biggest group first,
 * then the higher value), one nibble each.
 */
const HAND_BY_STRENGTH = new Int32Array(LOW_A5_STRENGTHS + 1);

/** Strength of every five-card multiset by its rank-key sum. */
const strengthByKey = new Map<number, number>();
{
  // Badness: category, then the group values as base-13 digits. Lower is better.
  const hands: { badness: number; key: number; packed: number }[] = [];
  forEachRankMultiset(5, 0, (counts, key) => {
    const groups: { value: number; size: number }[] = [];
    for (let r = 0; r < 13; r++) if (counts[r] > 0) groups.push({ value: a5Value(r), size: counts[r] });
    groups.sort((x, y) => y.size - x.size || y.value - x.value);
    const category = SHAPES.indexOf(groups.map((g) => g.size).join(''));
    let badness = category;
    for (let i = 0; i < 5; i++) badness = badness * 13 + (groups[i]?.value ?? 0);
    let packed = category;
    for (const g of groups) for (let n = 0; n < g.size; n++) packed = (packed << 4) | g.value;
    hands.push({ badness, key, packed });
  });
  hands.sort((x, y) => x.badness - y.badness);
  if (hands.length !== LOW_A5_STRENGTHS) throw new Error(`${hands.length} five-card rank multisets, expected ${LOW_A5_STRENGTHS}.`);
  hands.forEach(({ key, packed }, i) => {
    const strength = LOW_A5_STRENGTHS - i;
    strengthByKey.set(key, strength);
    HAND_BY_STRENGTH[strength] = packed;
  });
}

function keyOf(counts: ArrayLike<number>): number {
  let key = 0;
  for (let r = 0; r < 13; r++) key += counts[r] * RANK_KEYS[r];
  return key;
}

function read(table: RankTable, key: number): number {
  return table.values[key + table.offsets[key >>> 8]];
}

/** Six or seven cards: the best hand left after dropping each rank in turn once, from the table one size down. */
function bestAfterDropping(smaller: RankTable) {
  return (counts: ArrayLike<number>): number => {
    const key = keyOf(counts);
    let best = 0;
    for (let r = 0; r < 13; r++) if (counts[r] > 0) best = Math.max(best, read(smaller, key - RANK_KEYS[r]));
    return best;
  };
}

const RANKS_5 = buildRankTable(5, 0, (counts) => strengthByKey.get(keyOf(counts)) as number);
const RANKS_6 = buildRankTable(6, 0, bestAfterDropping(RANKS_5));
const RANKS_7 = buildRankTable(7, 0, bestAfterDropping(RANKS_6));

const K = CARD_KEY;
const V5 = RANKS_5.values;
const O5 = RANKS_5.offsets;
const V6 = RANKS_6.values;
const O6 = RANKS_6.offsets;
const V7 = RANKS_7.values;
const O7 = RANKS_7.offsets;

/** Razz strength of the best five of seven different cards (0..51): higher wins, equal ties. */
export function lowA5Of7(a: number, b: number, c: number, d: number, e: number, f: number, g: number): number {
  // The suit part of the sum (under 512) never carries into the rank part.
  const r = ((K[a] + K[b] + K[c] + K[d] + K[e] + K[f] + K[g]) | 0) >>> 9;
  return V7[r + O7[r >>> 8]];
}

/** Razz strength of the best five of six different cards. */
export function lowA5Of6(a: number, b: number, c: number, d: number, e: number, f: number): number {
  const r = ((K[a] + K[b] + K[c] + K[d] + K[e] + K[f]) | 0) >>> 9;
  return V6[r + O6[r >>> 8]];
}

/** Razz strength of five different cards. */
export function lowA5Of5(a: number, b: number, c: number, d: number, e: number): number {
  const r = ((K[a] + K[b] + K[c] + K[d] + K[e]) | 0) >>> 9;
  return V5[r + O5[r >>> 8]];
}

/**
 * Strength of the best ace-to-five low (no qualifier) among the first `count`
 * (5, 6 or 7) of `cards`: higher wins, equal ties, 6175 is the wheel. Cards
 * must be different; they are not checked, to keep this fast.
 */
export function evaluateLowA5(cards: ArrayLike<number>, count: number = cards.length): number {
  switch (count) {
    case 7:
      return lowA5Of7(cards[0], cards[1], cards[2], cards[3], cards[4], cards[5], cards[6]);
    case 6:
      return lowA5Of6(cards[0], cards[1], cards[2], cards[3], cards[4], cards[5]);
    case 5:
      return lowA5Of5(cards[0], cards[1], cards[2], cards[3], cards[4]);
    default:
      throw new RangeError(`An ace-to-five low is made from 5, 6 or 7 cards, not ${count}.`);
  }
}

/**
 * The hand behind a strength: its category and its five ace-to-five values
 * (0 = ace .. 12 = king) in the order they compare, biggest group first and
 * then the higher value, e.g. K-K-7-4-A as [12, 12, 6, 3, 0].
 */
export function lowA5Hand(strength: number): { category: LowA5Category; values: number[] } {
  if (!Number.isInteger(strength) || strength < 1 || strength > LOW_A5_STRENGTHS) {
    throw new RangeError(`${strength} is not an ace-to-five low strength.`);
  }
  const packed = HAND_BY_STRENGTH[strength];
  const values: number[] = [];
  for (let i = 4; i >= 0; i--) values.push((packed >> (4 * i)) & 15);
  return { category: CATEGORY_ORDER[packed >> 20], values };
}
