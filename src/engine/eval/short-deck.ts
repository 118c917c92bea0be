import { CARD_KEY, CARD_RANK_BIT, FLUSH_SUIT_5, FLUSH_SUIT_6, FLUSH_SUIT_7, SUITED_RANK_BIT } from './keys.ts';
import { buildRankTable } from './rank-table.ts';
import { scoreRankCounts, scoreSuitedRanks } from './strength.ts';

/**
 * Short deck (six-plus) hold'em: 36 cards, six through ace. A flush beats a
 * full house and A-6-7-8-9 is the lowest straight; everything else is the
 * standard order. Same key sums as the standard evaluator, own tables.
 */

const SIX = 4;
const scoreShortDeck = (counts: ArrayLike<number>): number => scoreRankCounts(counts, true);

const RANKS_5 = buildRankTable(5, SIX, scoreShortDeck);
const RANKS_6 = buildRankTable(6, SIX, scoreShortDeck);
const RANKS_7 = buildRankTable(7, SIX, scoreShortDeck);

/** Only suits of sixes and up occur, so masks with a 2-5 bit stay empty. */
const FLUSH = new Uint16Array(1 << 13);
for (let bits = 0; bits < FLUSH.length; bits += 16) FLUSH[bits] = scoreSuitedRanks(bits, true);

const K = CARD_KEY;
const SB = SUITED_RANK_BIT;
const V5 = RANKS_5.values;
const O5 = RANKS_5.offsets;
const V6 = RANKS_6.values;
const O6 = RANKS_6.offsets;
const V7 = RANKS_7.values;
const O7 = RANKS_7.offsets;

function shortDeck7(a: number, b: number, c: number, d: number, e: number, f: number, g: number): number {
  const key = (K[a] + K[b] + K[c] + K[d] + K[e] + K[f] + K[g]) | 0;
  const suit = FLUSH_SUIT_7[key & 511];
  if (suit < 0) {
    const r = key >>> 9;
    return V7[r + O7[r >>> 8]];
  }
  const o = suit << 6;
  return FLUSH[SB[o | a] | SB[o | b] | SB[o | c] | SB[o | d] | SB[o | e] | SB[o | f] | SB[o | g]];
}

function shortDeck6(a: number, b: number, c: number, d: number, e: number, f: number): number {
  const key = (K[a] + K[b] + K[c] + K[d] + K[e] + K[f]) | 0;
  const suit = FLUSH_SUIT_6[key & 511];
  if (suit < 0) {
    const r = key >>> 9;
    return V6[r + O6[r >>> 8]];
  }
  const o = suit << 6;
  return FLUSH[SB[o | a] | SB[o | b] | SB[o | c] | SB[o | d] | SB[o | e] | SB[o | f]];
}

function shortDeck5(a: number, b: number, c: number, d: number, e: number): number {
  const key = (K[a] + K[b] + K[c] + K[d] + K[e]) | 0;
  if (FLUSH_SUIT_5[key & 511] < 0) {
    const r = key >>> 9;
    return V5[r + O5[r >>> 8]];
  }
  const R = CARD_RANK_BIT;
  return FLUSH[R[a] | R[b] | R[c] | R[d] | R[e]];
}

/**
 * Strength of the best five-card short-deck hand among the first `count`
 * (5, 6 or 7) of `cards`, all different and six or higher: higher wins, equal
 * ties. Strengths share the standard encoding (`handCategory`, `describeHigh`
 * read them) but compare only with other short-deck strengths.
 */
export function evaluateShortDeck(cards: ArrayLike<number>, count: number = cards.length): number {
  switch (count) {
    case 7:
      return shortDeck7(cards[0], cards[1], cards[2], cards[3], cards[4], cards[5], cards[6]);
    case 6:
      return shortDeck6(cards[0], cards[1], cards[2], cards[3], cards[4], cards[5]);
    case 5:
      return shortDeck5(cards[0], cards[1], cards[2], cards[3], cards[4]);
    default:
      throw new RangeError(`A short-deck hand is made from 5, 6 or 7 cards, not ${count}.`);
  }
}
