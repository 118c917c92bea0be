import type { Card } from '../cards.ts';

/**
 * Every change to a hand is one of these records, appended to `HandState.log`
 * in order. Players are hand indices: 0 is the first seat left of the button
 * and the last index is the button (in heads-up, 0 is the big blind).
 */
export type Operation =
  | { type: 'ante'; player: number; amount: number }
  | { type: 'deadBlind'; player: number; amount: number }
  | { type: 'blind'; player: number; amount: number }
  | { type: 'post'; player: number; amount: number }
  | { type: 'burn' }
  | { type: 'dealHole'; player: number; cards: Card[]; up: boolean[] }
  | { type: 'dealBoard'; board: number; cards: Card[] }
  | { type: 'draw'; player: number; discarded: Card[]; drawn: Card[] }
  | { type: 'bringIn'; player: number; amount: number }
  | { type: 'fold'; player: number }
  | { type: 'check'; player: number }
  | { type: 'call'; player: number; amount: number }
  | { type: 'raise'; player: number; to: number; allIn: boolean }
  | { type: 'returnBet'; player: number; amount: number }
  | { type: 'collect'; amount: number }
  | { type: 'runouts'; player: number; count: number }
  | { type: 'show'; player: number; cards: Card[] }
  | { type: 'muck'; player: number }
  | { type: 'rake'; pot: number; amount: number }
  | { type: 'award'; pot: number; player: number; amount: number; board: number; handType: string };

export type OperationType = Operation['type'];

/** Operations a player chooses; everything else the dealer does. */
export const PLAYER_OPERATIONS: ReadonlySet<OperationType> = new Set([
  'draw', 'bringIn', 'fold', 'check', 'call', 'raise', 'runouts', 'show', 'muck',
]);
