import { BADUGI_SIZE_SHIFT } from './badugi.ts';
import { describeHigh, handCategory, HandCategory } from './describe.ts';
import { LOW_27_BASE } from './low-27.ts';
import { LowA5Category, lowA5Hand } from './low-a5.ts';
import { tupleOf } from './strength.ts';

/** Ace-to-five labels and names by ace-to-five value (0 = ace .. 12 = king). */
const A5_LABELS = 'A23456789TJQK';
const A5_NAMES = ['ace', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'jack', 'queen', 'king'];
const A5_PLURALS = A5_NAMES.map((name) => (name === 'six' ? 'sixes' : `${name}s`));
/** Labels by Felt rank (0 = deuce .. 12 = ace), for 2-7 where the ace is high. */
const HIGH_LABELS = '23456789TJQKA';

const SIZE_WORDS = ['', 'One-card', 'Two-card', 'Three-card', 'Badugi'];

/**
 * An ace-to-five low strength (evaluateLowA5) in words: "7-5-4-3-2 low",
 * "5-4-3-2-A low", or for a paired hand its category and its five cards,
 * e.g. "Pair of kings (K-K-7-4-A)".
 */
export function describeLowA5(strength: number): string {
  const { category, values } = lowA5Hand(strength);
  const cards = values.map((v) => A5_LABELS[v]).join('-');
  const [first] = values;
  switch (category) {
    case LowA5Category.noPair:
      return `${cards} low`;
    case LowA5Category.onePair:
      return `Pair of ${A5_PLURALS[first]} (${cards})`;
    case LowA5Category.twoPair:
      return `Two pair, ${A5_PLURALS[first]} and ${A5_PLURALS[values[2]]} (${cards})`;
    case LowA5Category.threeOfAKind:
      return `Three of a kind, ${A5_PLURALS[first]} (${cards})`;
    case LowA5Category.fullHouse:
      return `Full house, ${A5_PLURALS[first]} full of ${A5_PLURALS[values[3]]} (${cards})`;
    case LowA5Category.fourOfAKind:
      return `Four of a kind, ${A5_PLURALS[first]} (${cards})`;
  }
}

/**
 * A 2-7 low strength (evaluateLow27) in words: "7-5-4-3-2 low" for five
 * unpaired cards that are neither a straight nor a flush, otherwise what
 * counts against the hand, as describeHigh says it: "Pair of twos",
 * "Straight, five high", "Flush, seven high".
 */
export function describeLow27(strength: number): string {
  if (!Number.isInteger(strength)) throw new RangeError(`${strength} is not a 2-7 low strength.`);
  const high = LOW_27_BASE - strength;
  if (handCategory(high) !== HandCategory.highCard) return describeHigh(high);
  const labels = tupleOf(high).map((rank) => HIGH_LABELS[rank]);
  return `${labels.join('-')} low`;
}

/**
 * A badugi strength (evaluateBadugi) in words, the hand's size then its
 * ranks from the highest down: "Badugi 7-4-3-A", "Three-card 8-5-2",
 * "Two-card 5-3", "One-card A".
 */
export function describeBadugi(strength: number): string {
  const size = strength >> BADUGI_SIZE_SHIFT;
  const mask = (1 << BADUGI_SIZE_SHIFT) - 1 - (strength & ((1 << BADUGI_SIZE_SHIFT) - 1));
  const labels: string[] = [];
  for (let bit = 12; bit >= 0; bit--) if (mask & (1 << bit)) labels.push(A5_LABELS[bit]);
  if (!Number.isInteger(strength) || size < 1 || size > 4 || labels.length !== size) {
    throw new RangeError(`${strength} is not a badugi strength.`);
  }
  return `${SIZE_WORDS[size]} ${labels.join('-')}`;
}
