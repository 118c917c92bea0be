import { FLUSH_RANKS, RANKS_5 } from './high-tables.ts';
import { CARD_KEY, CARD_RANK_BIT, FLUSH_SUIT_5 } from './keys.ts';
import { LOW_RANK_BIT, NO_LOW } from './low.ts';

/**
 * Omaha: a hand is exactly two hole cards and exactly three board cards, so
 * every pair of hole cards meets every triple of board cards (up to 15 x 10
 * five-card hands). Pair and triple key sums are added instead of evaluating
 * each five-card hand from scratch.
 */

const K = CARD_KEY;
const R = CARD_RANK_BIT;
const V5 = RANKS_5.values;
const O5 = RANKS_5.offsets;

// Scratch for the board's triples: evaluation is synchronous and never
// re-entered, so one set of buffers serves every call without allocating.
const tripleKey = new Int32Array(10);
const tripleRanks = new Int32Array(10);

function checkSizes(hole: ArrayLike<number>, board: ArrayLike<number>): void {
  if (hole.length < 4 || hole.length > 6) throw new RangeError(`Omaha needs 4 to 6 hole cards, not ${hole.length}.`);
  if (board.length < 3 || board.length > 5) throw new RangeError(`Omaha needs 3 to 5 board cards, not ${board.length}.`);
}

/**
 * Strength of the best Omaha high hand: exactly two of `hole` (4 to 6 cards)
 * and exactly three of `board` (3 to 5 cards). On the evaluateHigh scale:
 * higher wins, equal ties, `handCategory` and `describeHigh` read it.
 */
export function evaluateOmahaHigh(hole: ArrayLike<number>, board: ArrayLike<number>): number {
  checkSizes(hole, board);
  const boardCount = board.length;
  let triples = 0;
  for (let i = 0; i < boardCount; i++) {
    for (let j = i + 1; j < boardCount; j++) {
      for (let k = j + 1; k < boardCount; k++) {
        tripleKey[triples] = K[board[i]] + K[board[j]] + K[board[k]];
        tripleRanks[triples] = R[board[i]] | R[board[j]] | R[board[k]];
        triples++;
      }
    }
  }
  const holeCount = hole.length;
  let best = 0;
  for (let i = 0; i < holeCount; i++) {
    const a = hole[i];
    for (let j = i + 1; j < holeCount; j++) {
      const b = hole[j];
      const pairKey = K[a] + K[b];
      const pairRanks = R[a] | R[b];
      for (let t = 0; t < triples; t++) {
        const key = (pairKey + tripleKey[t]) | 0;
        let strength: number;
        if (FLUSH_SUIT_5[key & 511] < 0) {
          const r = key >>> 9;
          strength = V5[r + O5[r >>> 8]];
        } else {
          strength = FLUSH_RANKS[pairRanks | tripleRanks[t]];
        }
        if (strength > best) best = strength;
      }
    }
  }
  return best;
}

/**
 * Strength of the best Omaha eight-or-better low, exactly two hole cards and
 * exactly three board cards, on the evaluateLow8 scale: higher wins, NO_LOW
 * (-1) when no qualifying low can be made.
 */
export function evaluateOmahaLow8(hole: ArrayLike<number>, board: ArrayLike<number>): number {
  checkSizes(hole, board);
  const L = LOW_RANK_BIT;
  const boardCount = board.length;
  let triples = 0;
  for (let i = 0; i < boardCount; i++) {
    const x = L[board[i]];
    if (x === 0) continue;
    for (let j = i + 1; j < boardCount; j++) {
      const y = L[board[j]];
      if (y === 0 || y === x) continue;
      for (let k = j + 1; k < boardCount; k++) {
        const z = L[board[k]];
        if (z === 0 || z === x || z === y) continue;
        tripleRanks[triples++] = x | y | z;
      }
    }
  }
  if (triples === 0) return NO_LOW;
  const holeCount = hole.length;
  // Masks of five low ranks stay below 256; smaller is the better low.
  let bestMask = 256;
  for (let i = 0; i < holeCount; i++) {
    const x = L[hole[i]];
    if (x === 0) continue;
    for (let j = i + 1; j < holeCount; j++) {
      const y = L[hole[j]];
      if (y === 0 || y === x) continue;
      const pair = x | y;
      for (let t = 0; t < triples; t++) {
        if ((pair & tripleRanks[t]) === 0) {
          const mask = pair | tripleRanks[t];
          if (mask < bestMask) bestMask = mask;
        }
      }
    }
  }
  return bestMask === 256 ? NO_LOW : 255 - bestMask;
}
