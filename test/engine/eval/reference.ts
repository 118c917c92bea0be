/**
 * A slow evaluator that is easy to check by eye, for the tests to measure the
 * fast ones against. Scores are plain numbers: category * 16^5 plus the ranks
 * that break ties, most significant first, one hex digit each.
 */

const HIGH_CATEGORIES = [
  'highCard',
  'onePair',
  'twoPair',
  'threeOfAKind',
  'straight',
  'flush',
  'fullHouse',
  'fourOfAKind',
  'straightFlush',
] as const;

/** Short deck ranks a flush above a full house and nothing else differently. */
const SHORT_DECK_CATEGORIES = [
  'highCard',
  'onePair',
  'twoPair',
  'threeOfAKind',
  'straight',
  'fullHouse',
  'flush',
  'fourOfAKind',
  'straightFlush',
] as const;

export type Game = 'standard' | 'shortDeck';

function digits(values: readonly number[]): number {
  let out = 0;
  for (let i = 0; i < 5; i++) out = out * 16 + (values[i] ?? 0);
  return out;
}

/** Score of exactly five cards; higher wins. */
export function referenceScore5(cards: readonly number[], game: Game = 'standard'): number {
  const ranks = cards.map((c) => c >> 2);
  const suits = cards.map((c) => c & 3);
  // Groups of equal rank, biggest group first, then highest rank first.
  const groups = [...new Set(ranks)]
    .map((rank) => ({ rank, size: ranks.filter((r) => r === rank).length }))
    .sort((x, y) => y.size - x.size || y.rank - x.rank);
  const flush = suits.every((s) => s === suits[0]);
  const sorted = [...ranks].sort((x, y) => y - x);
  const distinct = groups.length === 5;
  let straightHigh = -1;
  if (distinct && sorted[0] - sorted[4] === 4) straightHigh = sorted[0];
  // Ace low: A-5-4-3-2 is a five-high straight; in short deck A-9-8-7-6 is nine high.
  const lowStraight = game === 'standard' ? [12, 3, 2, 1, 0] : [12, 7, 6, 5, 4];
  if (distinct && sorted.every((r, i) => r === lowStraight[i])) straightHigh = lowStraight[1];

  let category: (typeof HIGH_CATEGORIES)[number];
  let ties: number[];
  if (straightHigh >= 0) {
    category = flush ? 'straightFlush' : 'straight';
    ties = [straightHigh];
  } else {
    ties = groups.map((g) => g.rank);
    const sizes = groups.map((g) => g.size).join('');
    if (sizes === '41') category = 'fourOfAKind';
    else if (sizes === '32') category = 'fullHouse';
    else if (flush) category = 'flush';
    else if (sizes === '311') category = 'threeOfAKind';
    else if (sizes === '221') category = 'twoPair';
    else if (sizes === '2111') category = 'onePair';
    else category = 'highCard';
  }
  const order: readonly string[] = game === 'standard' ? HIGH_CATEGORIES : SHORT_DECK_CATEGORIES;
  return order.indexOf(category) * 16 ** 5 + digits(ties);
}

/** Every way to choose `k` of `items`. */
export function choose<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items;
  return [...choose(rest, k - 1).map((tail) => [first, ...tail]), ...choose(rest, k)];
}

/** Best five of five to seven cards. */
export function referenceHigh(cards: readonly number[], game: Game = 'standard'): number {
  return Math.max(...choose(cards, 5).map((five) => referenceScore5(five, game)));
}

/** Best of exactly two hole cards and exactly three board cards. */
export function referenceOmahaHigh(hole: readonly number[], board: readonly number[]): number {
  let best = -1;
  for (const two of choose(hole, 2)) for (const three of choose(board, 3)) best = Math.max(best, referenceScore5([...two, ...three]));
  return best;
}

/**
 * Ace-to-five eight-or-better low of exactly five cards, or null: the card
 * values (ace = 1) from the highest down, compared as digits; LOWER wins.
 */
export function referenceLow5(cards: readonly number[]): number | null {
  const values = cards.map((c) => ((c >> 2) === 12 ? 1 : (c >> 2) + 2));
  if (new Set(values).size !== 5 || values.some((v) => v > 8)) return null;
  return digits([...values].sort((x, y) => y - x));
}

function bestLow(candidates: (number | null)[]): number | null {
  let best: number | null = null;
  for (const low of candidates) if (low !== null && (best === null || low < best)) best = low;
  return best;
}

/** Best eight-or-better low of any five cards; lower wins, null when none. */
export function referenceLow8(cards: readonly number[]): number | null {
  return bestLow(choose(cards, 5).map(referenceLow5));
}

/** Best Omaha eight-or-better low; lower wins, null when none. */
export function referenceOmahaLow8(hole: readonly number[], board: readonly number[]): number | null {
  const candidates: (number | null)[] = [];
  for (const two of choose(hole, 2)) for (const three of choose(board, 3)) candidates.push(referenceLow5([...two, ...three]));
  return bestLow(candidates);
}

/** The card's value when the ace plays low: ace = 1, deuce = 2 .. king = 13. */
function aceLowValue(card: number): number {
  return (card >> 2) === 12 ? 1 : (card >> 2) + 2;
}

/** Ace-to-five categories, best first: what a five-card low holds beyond its ranks. */
const A5_SHAPES = ['11111', '2111', '221', '311', '32', '41'];

/**
 * Ace-to-five low (razz) of exactly five cards, suits ignored: the category by
 * the sizes of the groups of equal rank, then the group values (ace = 1),
 * biggest group first and the higher value first, compared as digits. LOWER wins.
 */
export function referenceLowA5Of5(cards: readonly number[]): number {
  const values = cards.map(aceLowValue);
  const groups = [...new Set(values)]
    .map((value) => ({ value, size: values.filter((v) => v === value).length }))
    .sort((x, y) => y.size - x.size || y.value - x.value);
  return A5_SHAPES.indexOf(groups.map((g) => g.size).join('')) * 16 ** 5 + digits(groups.map((g) => g.value));
}

/** Best ace-to-five low of any five of the cards; lower wins. */
export function referenceLowA5(cards: readonly number[]): number {
  return Math.min(...choose(cards, 5).map(referenceLowA5Of5));
}

/** Deuce-to-seven low: the weakest high hand of any five of the cards wins. LOWER wins (it is that high score). */
export function referenceLow27(cards: readonly number[]): number {
  return Math.min(...choose(cards, 5).map((five) => referenceScore5(five)));
}

/**
 * Badugi: among every set of cards with no rank and no suit twice, the largest,
 * then the lowest values (ace = 1) compared from the highest down. LOWER wins:
 * (4 - size) then those values as digits.
 */
export function referenceBadugi(cards: readonly number[]): number {
  let best = Infinity;
  for (let size = 1; size <= Math.min(4, cards.length); size++) {
    for (const set of choose(cards, size)) {
      const values = set.map(aceLowValue);
      const suits = set.map((c) => c & 3);
      if (new Set(values).size !== size || new Set(suits).size !== size) continue;
      let score = 4 - size;
      for (const v of [...values].sort((x, y) => y - x)) score = score * 16 + v;
      for (let pad = size; pad < 4; pad++) score *= 16;
      best = Math.min(best, score);
    }
  }
  return best;
}
