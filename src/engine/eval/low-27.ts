import { evaluate5 } from './high.ts';
import { CLASS_SHIFT, StrengthClass } from './strength.ts';

/**
 * Deuce-to-seven low (2-7 single and triple draw; PokerKit's
 * `StandardLowHand`): the high hand order turned upside down. Aces are high
 * only, straights and flushes count against the hand, so 7-5-4-3-2 offsuit is
 * the best hand. As in PokerKit, A-5-4-3-2 is a five-high straight (the best
 * straight, worse than every three of a kind), not an ace-high hand.
 *
 * A strength is `LOW_27_BASE - high`, `high` being the evaluate5 strength of
 * the same cards: higher wins, equal ties. It lies in 4087..40960: 40960 is
 * 7-5-4-3-2 offsuit, 4087 a royal flush. `describeLow27` reads it.
 */
export const LOW_27_BASE = (StrengthClass.straightFlush + 1) << CLASS_SHIFT;

/** 2-7 strength of five different cards (0..51). */
export function low27Of5(a: number, b: number, c: number, d: number, e: number): number {
  return LOW_27_BASE - evaluate5(a, b, c, d, e);
}

/**
 * Strength of the best 2-7 low among the first `count` (five or more) of
 * `cards`: higher wins, equal ties. The draw games use exactly five; more
 * cards try every five of them, which is exact but slower (21 for seven).
 * Cards must be different; they are not checked, to keep this fast.
 */
export function evaluateLow27(cards: ArrayLike<number>, count: number = cards.length): number {
  if (count === 5) return LOW_27_BASE - evaluate5(cards[0], cards[1], cards[2], cards[3], cards[4]);
  if (count < 5 || count > cards.length) throw new RangeError(`A 2-7 low is made from five or more cards, not ${count}.`);
  // The best low is the weakest high hand of any five.
  let lowestHigh = LOW_27_BASE;
  for (let i = 0; i < count; i++)
    for (let j = i + 1; j < count; j++)
      for (let k = j + 1; k < count; k++)
        for (let l = k + 1; l < count; l++)
          for (let m = l + 1; m < count; m++) {
            const high = evaluate5(cards[i], cards[j], cards[k], cards[l], cards[m]);
            if (high < lowestHigh) lowestHigh = high;
          }
  return LOW_27_BASE - lowestHigh;
}
