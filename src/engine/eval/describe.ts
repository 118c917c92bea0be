import { NO_LOW } from './low.ts';
import { CLASS_SHIFT, StrengthClass, tupleOf } from './strength.ts';

/** The nine categories of a high hand, strongest first. */
export const HandCategory = {
  straightFlush: 'straightFlush',
  fourOfAKind: 'fourOfAKind',
  fullHouse: 'fullHouse',
  flush: 'flush',
  straight: 'straight',
  threeOfAKind: 'threeOfAKind',
  twoPair: 'twoPair',
  onePair: 'onePair',
  highCard: 'highCard',
} as const;
export type HandCategory = (typeof HandCategory)[keyof typeof HandCategory];

const CATEGORY_BY_CLASS: Record<StrengthClass, HandCategory> = {
  [StrengthClass.highCard]: HandCategory.highCard,
  [StrengthClass.onePair]: HandCategory.onePair,
  [StrengthClass.twoPair]: HandCategory.twoPair,
  [StrengthClass.threeOfAKind]: HandCategory.threeOfAKind,
  [StrengthClass.straight]: HandCategory.straight,
  [StrengthClass.flush]: HandCategory.flush,
  [StrengthClass.fullHouse]: HandCategory.fullHouse,
  [StrengthClass.shortDeckFlush]: HandCategory.flush,
  [StrengthClass.fourOfAKind]: HandCategory.fourOfAKind,
  [StrengthClass.straightFlush]: HandCategory.straightFlush,
};

const RANK_NAMES = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'jack', 'queen', 'king', 'ace'];
const RANK_PLURALS = RANK_NAMES.map((name) => (name === 'six' ? 'sixes' : `${name}s`));
const LOW_RANK_LABELS = ['A', '2', '3', '4', '5', '6', '7', '8'];

/**
 * The category of a strength from evaluateHigh, evaluate5/6/7,
 * evaluateShortDeck or evaluateOmahaHigh. Throws on a number that is none.
 */
export function handCategory(strength: number): HandCategory {
  const category = CATEGORY_BY_CLASS[(strength >> CLASS_SHIFT) as StrengthClass] as HandCategory | undefined;
  if (category === undefined || strength < 0) throw new RangeError(`${strength} is not a hand strength.`);
  return category;
}

/** A high strength (any of the high evaluators) in words, e.g. "Full house, kings full of sevens". */
export function describeHigh(strength: number): string {
  const category = handCategory(strength);
  const t = tupleOf(strength);
  switch (category) {
    case HandCategory.straightFlush:
      return t[0] === 12 ? 'Royal flush' : `Straight flush, ${RANK_NAMES[t[0]]} high`;
    case HandCategory.fourOfAKind:
      return `Four of a kind, ${RANK_PLURALS[t[0]]}`;
    case HandCategory.fullHouse:
      return `Full house, ${RANK_PLURALS[t[0]]} full of ${RANK_PLURALS[t[1]]}`;
    case HandCategory.flush:
      return `Flush, ${RANK_NAMES[t[0]]} high`;
    case HandCategory.straight:
      return `Straight, ${RANK_NAMES[t[0]]} high`;
    case HandCategory.threeOfAKind:
      return `Three of a kind, ${RANK_PLURALS[t[0]]}`;
    case HandCategory.twoPair:
      return `Two pair, ${RANK_PLURALS[t[0]]} and ${RANK_PLURALS[t[1]]}`;
    case HandCategory.onePair:
      return `Pair of ${RANK_PLURALS[t[0]]}`;
    case HandCategory.highCard:
      return `High card, ${RANK_NAMES[t[0]]}`;
  }
}

/** A low strength (evaluateLow8, evaluateOmahaLow8) in words, e.g. "8-6-4-3-2 low" or "No low". */
export function describeLow(strength: number): string {
  if (strength === NO_LOW) return 'No low';
  const mask = 255 - strength;
  if (!Number.isInteger(strength) || mask < 0 || mask > 255 || popCount(mask) !== 5) {
    throw new RangeError(`${strength} is not a low strength.`);
  }
  const labels: string[] = [];
  for (let bit = 7; bit >= 0; bit--) if (mask & (1 << bit)) labels.push(LOW_RANK_LABELS[bit]);
  return `${labels.join('-')} low`;
}

function popCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}
