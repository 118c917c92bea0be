import { IllegalActionError } from '../errors.ts';
import type { Hand } from '../hand/Hand.ts';
import type { Operation } from '../hand/operations.ts';

/** A player's betting choice, as clients send it; `amount` is the total to bet or raise to. */
export type PlayerAction = { action: 'fold' | 'check' | 'call' | 'bet' | 'raise' | 'allin'; amount?: number };

function illegal(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

function amountOf(action: PlayerAction): number {
  if (action.amount === undefined) illegal('bad_amount', 'Say the total to bet or raise to in "amount".');
  return action.amount;
}

/** Refuses an action the player may not take now, with the reason; changes nothing. */
export function verifyPlayerAction(hand: Hand, player: number, action: PlayerAction): void {
  switch (action.action) {
    case 'fold':
      return hand.verifyFold(player);
    case 'check':
      return hand.verifyCheck(player);
    case 'call':
      return hand.verifyCall(player);
    case 'bet':
    case 'raise':
      return hand.verifyRaiseTo(player, amountOf(action));
    case 'allin':
      // Going all-in is a raise, a call or a check depending on the spot; it is always the player's turn to do it.
      return hand.verifyFold(player);
    default:
      illegal('bad_action', 'The action must be fold, check, call, bet, raise or allin.');
  }
}

/** Applies an action `verifyPlayerAction` accepts. */
export function applyPlayerAction(hand: Hand, player: number, action: PlayerAction): Operation {
  verifyPlayerAction(hand, player, action);
  switch (action.action) {
    case 'fold':
      return hand.fold(player);
    case 'check':
      return hand.check(player);
    case 'call':
      return hand.call(player);
    case 'bet':
    case 'raise':
      return hand.raiseTo(player, action.amount as number);
    default: {
      const legal = hand.legalActions();
      if (legal?.raise && legal.maxRaiseTo === hand.state.stacks[player] + hand.state.bets[player]) return hand.raiseTo(player, legal.maxRaiseTo);
      return legal?.call ? hand.call(player) : hand.check(player);
    }
  }
}
