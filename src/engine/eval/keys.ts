/**
 * Per-card integer keys whose plain sum identifies a hand: the rank part of the
 * sum tells which ranks (with multiplicity) the hand holds, the suit part tells
 * whether some suit has five or more cards. Summing keeps the hot path to loads
 * and adds, with no loops, branches per card or allocation.
 */

/**
 * Rank keys (2 through A) whose sums over any multiset of at most seven ranks,
 * at most four of each, are all different ("SpecialK"). Rank 2 is 0, so hands
 * of different sizes may share a sum: every size gets its own tables.
 */
export const RANK_KEYS: readonly number[] = [0, 1, 5, 22, 98, 453, 2031, 8698, 22854, 83661, 262349, 636345, 1479181];

/** Suit keys whose sums over at most seven cards recover every suit's count. */
export const SUIT_KEYS: readonly number[] = [0, 1, 8, 57];

/** The suit part of a key sum lives in the low 9 bits (7 * 57 < 512). */
export const SUIT_BITS = 9;
export const SUIT_MASK = (1 << SUIT_BITS) - 1;

/**
 * `(rankKey << 9) | suitKey` per card. A seven-card sum needs 32 bits, more
 * than an int32 holds, so callers sum with `| 0` (wrapping) and read the rank
 * part back with `>>> 9`: both are exact modulo 2^32.
 */
export const CARD_KEY = new Int32Array(52);

/** `1 << rank` per card, for flush and low masks. */
export const CARD_RANK_BIT = new Int32Array(52);

/**
 * `SUITED_RANK_BIT[(suit << 6) | card]` is the card's rank bit when the card
 * has that suit and 0 otherwise: it collects one suit's ranks without branches.
 */
export const SUITED_RANK_BIT = new Int32Array(4 << 6);

for (let card = 0; card < 52; card++) {
  const rank = card >> 2;
  const suit = card & 3;
  CARD_KEY[card] = (RANK_KEYS[rank] << SUIT_BITS) | SUIT_KEYS[suit];
  CARD_RANK_BIT[card] = 1 << rank;
  SUITED_RANK_BIT[(suit << 6) | card] = 1 << rank;
}

/**
 * For a hand of `cardCount` cards: maps the suit part of its key sum to the
 * suit holding five or more cards, or -1 when there is no flush. Only sums of
 * exactly `cardCount` cards are meaningful, hence one table per size.
 */
export function buildFlushSuitTable(cardCount: number): Int8Array {
  const table = new Int8Array(1 << SUIT_BITS).fill(-1);
  for (let c = 0; c <= cardCount; c++) {
    for (let d = 0; c + d <= cardCount; d++) {
      for (let h = 0; c + d + h <= cardCount; h++) {
        const s = cardCount - c - d - h;
        const counts = [c, d, h, s];
        const sum = d * SUIT_KEYS[1] + h * SUIT_KEYS[2] + s * SUIT_KEYS[3];
        table[sum] = counts.findIndex((n) => n >= 5);
      }
    }
  }
  return table;
}

export const FLUSH_SUIT_5 = buildFlushSuitTable(5);
export const FLUSH_SUIT_6 = buildFlushSuitTable(6);
export const FLUSH_SUIT_7 = buildFlushSuitTable(7);
