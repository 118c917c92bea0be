/** Seeded dealing for the randomized tests, so a failure reproduces. */
import type { RandomSource } from '../../../src/engine/random.ts';

export { seededRandom } from '../../../src/engine/random.ts';

/** Deals `count` different cards from `deck` (a partial Fisher-Yates shuffle). */
export function deal(random: RandomSource, deck: readonly number[], count: number): number[] {
  const cards = deck.slice();
  for (let i = 0; i < count; i++) {
    const j = i + random(cards.length - i);
    [cards[i], cards[j]] = [cards[j], cards[i]];
  }
  return cards.slice(0, count);
}

/**
 * Checks that two scorings order the same items identically: sorting by the
 * first and walking neighbours compares every pair at once. `second` may run
 * the other way (lower wins); null (no hand) is worst in both.
 */
export function orderMismatch(
  first: readonly number[],
  second: readonly (number | null)[],
  secondLowerWins = false,
): string | null {
  const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);
  const rank = (v: number | null): number => (v === null ? -Infinity : secondLowerWins ? -v : v);
  const order = first.map((_, i) => i).sort((a, b) => first[a] - first[b]);
  for (let k = 1; k < order.length; k++) {
    const a = order[k - 1];
    const b = order[k];
    if (sign(first[b] - first[a]) !== sign(rank(second[b]) - rank(second[a]))) {
      return `items ${a} and ${b}: ${first[a]} vs ${first[b]}, reference ${second[a]} vs ${second[b]}`;
    }
  }
  return null;
}
