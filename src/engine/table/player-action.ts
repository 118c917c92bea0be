import type { Card } from '../cards.ts';
import { IllegalActionError } from '../errors.ts';
import { maxBet, raiseRefusal, raiseRefusalCode, RAISE_REFUSALS } from '../hand/betting-rules.ts';
import type { Hand } from '../hand/Hand.ts';
import type { Operation } from '../hand/operations.ts';

/**
 * A player's betting choice, as clients send it; `amount` is the total to
 * bet or raise to. In stud, `bringIn` posts the bring-in and `raise` (to the
 * small bet) completes it.
 */
export type BetAction = { action: 'fold' | 'check' | 'call' | 'bet' | 'raise' | 'allin' | 'bringIn'; amount?: number };

/** A draw game's discard on the player's turn to draw: the cards thrown away (engine cards), none to stand pat. */
export type DrawAction = { action: 'draw'; discard: readonly Card[] };

export type PlayerAction = BetAction | DrawAction;

/** What `allin` comes to: a raise to a total, or a call of everything the player has. */
export type AllInMove = { kind: 'raise'; to: number } | { kind: 'call' };

function illegal(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

/**
 * `allin` is "all I may put in": a raise to the largest total the betting
 * allows (no limit: the whole stack; pot limit: the pot; fixed limit: the one
 * bet, which completes a bring-in), or a call when the stack covers no more
 * than the call. When no raise is allowed (the betting is capped, a short
 * all-in did not reopen it, or nobody is left to raise), it is refused with
 * the reason.
 */
export function allInMove(hand: Hand, player: number): AllInMove {
  hand.verifyTurn(player);
  const s = hand.state;
  const owed = maxBet(s) - s.bets[player];
  if (s.stacks[player] <= owed) return { kind: 'call' };
  const refusal = raiseRefusal(s, hand.variant, player);
  if (refusal === null) return { kind: 'raise', to: hand.maxRaiseTo(player) };
  const instead = owed > 0 ? 'call or fold' : 'check';
  switch (refusal) {
    case 'raise_cap':
      return illegal('raise_cap', `The betting is capped at ${hand.variant.maxRaises} bets this street; ${instead}.`);
    case 'nobody_to_raise':
      return illegal(raiseRefusalCode(refusal), `Every other player is all-in or folded, so there is nobody to raise; ${instead}.`);
    default:
      return illegal(raiseRefusalCode(refusal), RAISE_REFUSALS[refusal]);
  }
}

function amountOf(action: BetAction): number {
  if (action.amount === undefined) illegal('bad_amount', 'Say the total to bet or raise to in "amount".');
  return action.amount;
}

function discardOf(action: DrawAction): readonly Card[] {
  const discard = action.discard as unknown;
  if (!Array.isArray(discard) || !discard.every((card) => Number.isSafeInteger(card))) {
    illegal('bad_cards', 'Say the cards to discard in "discard" (none to stand pat).');
  }
  return discard as Card[];
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
    case 'bet': {
      const to = amountOf(action);
      hand.verifyTurn(player);
      // A bet opens the betting; once someone has put chips in (a blind or a bring-in counts), more is a raise.
      const facing = maxBet(hand.state);
      if (facing > 0) illegal('raise_due', `There is a bet of ${facing}; raise instead.`);
      return hand.verifyRaiseTo(player, to);
    }
    case 'raise':
      return hand.verifyRaiseTo(player, amountOf(action));
    case 'allin':
      allInMove(hand, player);
      return;
    case 'bringIn':
      return hand.verifyBringIn(player);
    case 'draw':
      return hand.verifyDraw(player, discardOf(action));
    default:
      illegal('bad_action', 'The action must be fold, check, call, bet, raise, allin, bringIn or draw.');
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
    case 'bringIn':
      return hand.bringIn(player);
    case 'draw':
      return hand.draw(player, discardOf(action));
    default: {
      const move = allInMove(hand, player);
      return move.kind === 'raise' ? hand.raiseTo(player, move.to) : hand.call(player);
    }
  }
}

/** What others may see of an action: a draw is its count of cards ("draw 2", "draw 0" standing pat), never which. */
export function publicActionName(action: PlayerAction): string {
  return action.action === 'draw' ? `draw ${action.discard.length}` : action.action;
}
