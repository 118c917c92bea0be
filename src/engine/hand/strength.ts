import { UNKNOWN_CARD, type Card } from '../cards.ts';
import { evaluate7, evaluateHigh, evaluateShortDeck, evaluateOmahaHigh, evaluateOmahaLow8, evaluateLow8 } from '../eval/index.ts';
import { HandType } from '../variants.ts';

const scratch: Card[] = [];

/**
 * The strength of a player's hand of one type on one board: higher wins,
 * equal splits, -1 means no hand of that type (unknown cards, no qualifying low).
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
  if (scratch.length < 5) return -1;
  switch (type) {
    case HandType.high:
      return evaluateHigh(scratch, scratch.length);
    case HandType.shortDeckHigh:
      return evaluateShortDeck(scratch, scratch.length);
    case HandType.low8:
      return evaluateLow8(scratch, scratch.length);
    default:
      throw new Error(`No evaluator for hand type ${type as string}.`);
  }
}
