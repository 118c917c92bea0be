import { UNKNOWN_CARD, type Card } from '../cards.ts';
import {
  evaluate7, evaluateBadugi, evaluateHigh, evaluateLow27, evaluateLow8, evaluateLowA5, evaluateOmahaHigh, evaluateOmahaLow8,
  evaluateShortDeck,
} from '../eval/index.ts';
import { HandType } from '../variants.ts';

const scratch: Card[] = [];

/** The best five of up to seven cards: the evaluators' tables take 5 to 7; stud's eight never happen (a common card replaces the eighth). */
function bestOfFiveToSeven(evaluate: (cards: ArrayLike<number>, count: number) => number, cards: readonly Card[]): number {
  return cards.length >= 5 && cards.length <= 7 ? evaluate(cards, cards.length) : -1;
}

/**
 * The strength of a player's hand of one type on one board: higher wins,
 * equal splits, -1 means no hand of that type (unknown cards, no qualifying
 * low, too few cards). Stud hands are the hole cards plus a common card when
 * the deck ran out; draw hands are the hole cards alone.
 */
export function handStrength(type: HandType, hole: readonly Card[], board: readonly Card[]): number {
  for (const card of hole) if (card === UNKNOWN_CARD) return -1;
  if (type === HandType.high && hole.length === 2 && board.length === 5) {
    return evaluate7(hole[0], hole[1], board[0], board[1], board[2], board[3], board[4]);
  }
  switch (type) {
    case HandType.omahaHigh:
      return board.length >= 3 ? evaluateOmahaHigh(hole, board) : -1;
    case HandType.omahaLow8:
      return board.length >= 3 ? evaluateOmahaLow8(hole, board) : -1;
    default:
      break;
  }
  scratch.length = 0;
  for (const card of hole) scratch.push(card);
  for (const card of board) scratch.push(card);
  switch (type) {
    case HandType.high:
      return bestOfFiveToSeven(evaluateHigh, scratch);
    case HandType.shortDeckHigh:
      return bestOfFiveToSeven(evaluateShortDeck, scratch);
    case HandType.lowA5:
      return bestOfFiveToSeven(evaluateLowA5, scratch);
    case HandType.low8:
      return scratch.length >= 5 ? evaluateLow8(scratch, scratch.length) : -1;
    case HandType.low27:
      return scratch.length >= 5 ? evaluateLow27(scratch, scratch.length) : -1;
    case HandType.badugi:
      return scratch.length >= 1 ? evaluateBadugi(scratch, scratch.length) : -1;
    default:
      throw new Error(`No evaluator for hand type ${type as string}.`);
  }
}
