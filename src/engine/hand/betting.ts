import { BettingStructure, Opening } from '../variants.ts';
import {
  activeCount, effectiveStack, maxBet, maxRaiseTo, minRaiseTo, raiseRefusal, raiseRefusalCode, RAISE_REFUSALS, type RaiseRefusal,
} from './betting-rules.ts';
import { collectBets } from './chips.ts';
import { illegal, rotated, type HandContext } from './context.ts';
import type { Operation } from './operations.ts';
import { HandPhase, type HandState } from './state.ts';
import { upCardOpener } from './up-cards.ts';

/**
 * A betting round: who opens it, whose turn it is, the players' choices
 * (fold, check, call, bet or raise to a total) and its end, when the bets go
 * into the pot. The rules of amounts are in `betting-rules.ts`.
 */

/**
 * What the player to act may do; raise amounts are totals ("raise to"), 0
 * when no raise is possible. In stud the player who must bring in may post
 * the bring-in (`bringIn`, `bringInAmount`) or complete (a raise to the small
 * bet), nothing else. In a draw game, on a player's turn to draw, `draw` is
 * true and `maxDiscards` says how many of their cards they may throw away
 * (standing pat is discarding none); nothing else is allowed then.
 */
export type LegalActions = {
  player: number;
  fold: boolean;
  check: boolean;
  call: boolean;
  callAmount: number;
  raise: boolean;
  minRaiseTo: number;
  maxRaiseTo: number;
  bringIn: boolean;
  bringInAmount: number;
  draw: boolean;
  maxDiscards: number;
};

/**
 * Who acts first on this street, by the street's `opening`. By position: the
 * player after the largest blind or straddle (ties: the later seat), which
 * after the first street, with no bets out, is the first player left of the button.
 * By up cards (stud): see `up-cards.ts`.
 */
export function openerOf(ctx: HandContext): number {
  const s = ctx.state;
  const opening = ctx.variant.streets[s.street].opening;
  if (opening !== Opening.position) return Math.max(0, upCardOpener(s, opening));
  const n = s.stacks.length;
  const order = n === 2 ? [s.config.blindsOrStraddles[1], s.config.blindsOrStraddles[0]] : s.config.blindsOrStraddles;
  let maxKey = Number.NEGATIVE_INFINITY;
  let maxIndex = 0;
  for (let i = 0; i < n; i++) {
    const key = s.bets[i] * Math.sign(order[i]);
    if (key >= maxKey) {
      maxKey = key;
      maxIndex = i;
    }
  }
  return (maxIndex + 1) % n;
}

/**
 * Opens the street's betting: the order of action from the opener, among the
 * players who can still lose chips to someone. A lone player who has already
 * matched the bet has nothing to decide, so nobody is to act.
 */
export function openBetting(ctx: HandContext): void {
  const s = ctx.state;
  s.opener = openerOf(ctx);
  s.actors = rotated(s.stacks.length, s.opener).filter((i) => s.active[i] && s.stacks[i] > 0 && effectiveStack(s, i) > 0);
  s.acted.fill(false);
  s.raiseSize = 0;
  s.raiseCount = 0;
  s.allInRaises = [];
  if (s.actors.length === 1 && s.bets[s.actors[0]] >= maxBet(s)) s.actors = [];
  // Stud's first street: whoever acts first (the opener, or after them if they are all-in) must bring in or complete.
  s.bringInPending = s.street === 0 && (s.config.bringIn ?? 0) > 0 && s.actors.length > 0;
  s.completionPending = s.bringInPending;
}

/** The round is over when nobody is left to act or only one player is left in the hand. */
export function bettingOver(s: HandState): boolean {
  return s.actors.length === 0 || activeCount(s) <= 1;
}

/**
 * Closes the round: the bets go into the pot (an uncalled one back to its
 * owner), and when at most one player in the hand still has chips (and no
 * draw is ahead) the hand is all-in: the board runs out without betting.
 */
export function closeBetting(ctx: HandContext): void {
  const s = ctx.state;
  s.actors = [];
  const drawsAhead = ctx.variant.streets.slice(s.street + 1).some((street) => street.draw);
  if (activeCount(s) > 1 && !drawsAhead) {
    let withChips = 0;
    for (let i = 0; i < s.stacks.length; i++) if (s.active[i] && s.stacks[i] > 0) withChips++;
    if (withChips <= 1) s.allIn = true;
  }
  collectBets(s);
}

export function verifyTurn(s: HandState, player: number): void {
  if (s.phase !== HandPhase.betting || s.actors.length === 0) illegal('no_betting', 'Nobody can bet now.');
  if (player !== s.actors[0]) illegal('not_your_turn', `It is player ${s.actors[0] + 1}'s turn, not player ${player + 1}'s.`);
}

/** The bring-in owed now, capped by the stack. */
export function bringInAmount(s: HandState, player: number): number {
  return Math.min(s.stacks[player], s.config.bringIn ?? 0);
}

function verifyNoBringInDue(ctx: HandContext, player: number): void {
  const s = ctx.state;
  if (!s.bringInPending) return;
  illegal('bring_in_due', `Post the bring-in of ${bringInAmount(s, player)} or complete to ${minRaiseTo(s, ctx.variant, player)}.`);
}

/** Folding is allowed on the player's turn, except instead of the bring-in (PokerKit: the player must post it or complete). */
export function verifyFold(ctx: HandContext, player: number): void {
  verifyTurn(ctx.state, player);
  verifyNoBringInDue(ctx, player);
}

export function verifyCheck(ctx: HandContext, player: number): void {
  const s = ctx.state;
  verifyTurn(s, player);
  verifyNoBringInDue(ctx, player);
  if (s.bets[player] < maxBet(s)) illegal('cannot_check', `There is a bet of ${maxBet(s)} to call; fold, call or raise.`);
}

export function verifyCall(ctx: HandContext, player: number): void {
  const s = ctx.state;
  verifyTurn(s, player);
  verifyNoBringInDue(ctx, player);
  if (s.bets[player] >= maxBet(s)) illegal('nothing_to_call', 'There is no bet to call; check instead.');
}

export function verifyBringIn(s: HandState, player: number): void {
  verifyTurn(s, player);
  if (!s.bringInPending) illegal('no_bring_in', 'There is no bring-in to post now.');
}

/** The sentence for a refusal of `raiseRefusal`. */
export function raiseRefusalSentence(ctx: HandContext, refusal: RaiseRefusal): string {
  return refusal === 'raise_cap' ? `The betting is capped at ${ctx.variant.maxRaises} bets this street.` : RAISE_REFUSALS[refusal];
}

export function verifyRaiseTo(ctx: HandContext, player: number, to: number): void {
  const s = ctx.state;
  verifyTurn(s, player);
  const refusal = raiseRefusal(s, ctx.variant, player);
  if (refusal !== null) {
    illegal(raiseRefusalCode(refusal), raiseRefusalSentence(ctx, refusal));
  }
  if (!Number.isSafeInteger(to)) illegal('bad_amount', 'A bet or raise must be a whole number of chips.');
  const min = minRaiseTo(s, ctx.variant, player);
  const max = maxRaiseTo(s, ctx.variant, player);
  if (to < min) illegal('raise_too_small', `The smallest bet or raise now is to ${min}.`);
  if (to > max) illegal('raise_too_large', `The largest bet or raise now is to ${max}.`);
  // Fixed limit with an open pair: the small bet or the big bet, nothing between.
  if (ctx.variant.betting === BettingStructure.fixedLimit && to !== min && to !== max) {
    illegal('bad_amount', `Bet or raise by the small bet (to ${min}) or the big bet (to ${max}).`);
  }
}

/** The player to act has decided: they are off the list of players to act. */
function takeTurn(s: HandState): void {
  const player = s.actors.shift() as number;
  s.acted[player] = true;
}

function record(s: HandState, op: Operation): Operation {
  s.log.push(op);
  return op;
}

/** Posts the bring-in: a bet that does not complete, so the next raise may still be to the small bet. */
export function bringIn(s: HandState, player: number): Operation {
  const amount = bringInAmount(s, player);
  takeTurn(s);
  s.stacks[player] -= amount;
  s.bets[player] += amount;
  s.bringInPending = false;
  return record(s, { type: 'bringIn', player, amount });
}

export function fold(s: HandState, player: number): Operation {
  takeTurn(s);
  s.active[player] = false;
  return record(s, { type: 'fold', player });
}

export function check(s: HandState, player: number): Operation {
  takeTurn(s);
  return record(s, { type: 'check', player });
}

export function call(s: HandState, player: number): Operation {
  const amount = Math.min(s.stacks[player], maxBet(s) - s.bets[player]);
  takeTurn(s);
  s.stacks[player] -= amount;
  s.bets[player] += amount;
  return record(s, { type: 'call', player, amount });
}

/**
 * Bets or raises to a total of `to` on this street. A full raise reopens the
 * betting to everyone; consecutive short all-in raises are remembered until
 * together they make one.
 */
export function raiseTo(s: HandState, player: number, to: number): Operation {
  const n = s.stacks.length;
  const increment = to - maxBet(s);
  takeTurn(s);
  s.stacks[player] -= to - s.bets[player];
  s.bets[player] = to;
  s.completionPending = false;
  s.bringInPending = false;
  s.actors = rotated(n, (player + 1) % n).filter((i) => i !== player && s.active[i] && s.stacks[i] > 0);
  s.opener = player;
  if (increment >= s.raiseSize) {
    s.acted.fill(false);
    s.acted[player] = true;
  }
  s.raiseSize = Math.max(s.raiseSize, increment);
  s.raiseCount++;
  const allIn = s.stacks[player] === 0;
  if (allIn) s.allInRaises.push(increment);
  else s.allInRaises = [];
  return record(s, { type: 'raise', player, to, allIn });
}

/** The legal actions of the player to act, or null when nobody is to act. */
export function legalActions(ctx: HandContext): LegalActions | null {
  const s = ctx.state;
  if (s.phase !== HandPhase.betting || s.actors.length === 0) return null;
  const player = s.actors[0];
  const owed = maxBet(s) - s.bets[player];
  const raise = raiseRefusal(s, ctx.variant, player) === null;
  const bringIn = s.bringInPending;
  return {
    player,
    fold: !bringIn,
    check: !bringIn && owed <= 0,
    call: !bringIn && owed > 0,
    callAmount: bringIn ? 0 : Math.max(0, Math.min(owed, s.stacks[player])),
    raise,
    minRaiseTo: raise ? minRaiseTo(s, ctx.variant, player) : 0,
    maxRaiseTo: raise ? maxRaiseTo(s, ctx.variant, player) : 0,
    bringIn,
    bringInAmount: bringIn ? bringInAmount(s, player) : 0,
    draw: false,
    maxDiscards: 0,
  };
}
