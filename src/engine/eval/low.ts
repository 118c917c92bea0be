/**
 * Ace-to-five low, eight or better: five different ranks, all eight or lower,
 * the ace low; straights and flushes do not count. A low is a set of five
 * ranks as a bit mask, ace = bit 0 up to eight = bit 7. Compared as a number
 * that mask orders lows from the highest card down, smaller being better, so
 * a strength is `255 - mask` and higher wins.
 */

/** No qualifying low. */
export const NO_LOW = -1;

/** The card's bit in a low mask, or 0 for nines and up. */
export const LOW_RANK_BIT = new Int32Array(52);
for (let card = 0; card < 52; card++) {
  const rank = card >> 2;
  LOW_RANK_BIT[card] = rank === 12 ? 1 : rank <= 6 ? 1 << (rank + 1) : 0;
}

/** Best low strength by the mask of all low ranks held (its five lowest), or NO_LOW. */
const LOW_BY_MASK = new Int16Array(256);
for (let mask = 0; mask < 256; mask++) {
  let best = 0;
  let taken = 0;
  for (let bit = 0; bit < 8 && taken < 5; bit++) {
    if (mask & (1 << bit)) {
      best |= 1 << bit;
      taken++;
    }
  }
  LOW_BY_MASK[mask] = taken === 5 ? 255 - best : NO_LOW;
}

/**
 * Strength of the best eight-or-better ace-to-five low among the first
 * `count` of `cards`: higher wins (A-2-3-4-5 is 224, the best), equal ties,
 * NO_LOW (-1) when no five different ranks of eight or lower exist.
 */
export function evaluateLow8(cards: ArrayLike<number>, count: number = cards.length): number {
  let mask = 0;
  for (let i = 0; i < count; i++) mask |= LOW_RANK_BIT[cards[i]];
  return LOW_BY_MASK[mask];
}
