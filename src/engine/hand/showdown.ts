import { UNKNOWN_CARD, formatCards, type Card } from '../cards.ts';
import { activeCount } from './betting-rules.ts';
import { illegal, rotated, type HandContext } from './context.ts';
import { verifyCards } from './dealing.ts';
import type { Operation } from './operations.ts';
import { computePots } from './pots.ts';
import { HandPhase, type HandState, type Pot } from './state.ts';
import { handStrength } from './strength.ts';

/**
 * Showing and mucking: at showdown in turn from the last aggressor, in an
 * all-in hand at any time, and after the hand for a winner nobody called.
 */

/** The players due to show, in turn from the last aggressor (or the opener). */
export function openShowdown(s: HandState): void {
  s.showdownQueue = rotated(s.stacks.length, s.opener).filter((i) => s.active[i] && !s.shown[i]);
}

/** Everyone due has shown or mucked, or one player is left. */
export function showdownOver(s: HandState): boolean {
  return s.showdownQueue.length === 0 || activeCount(s) <= 1;
}

/**
 * Showing is allowed for a player due at showdown; for anyone still in once
 * the hand is all-in (again on a later street, to reveal more of a hand);
 * and, once the hand is over, for a winner nobody called who wants to show.
 */
function verifyShowdownTurn(s: HandState, player: number, showing: boolean): void {
  if (!(player >= 0 && player < s.stacks.length) || !s.active[player]) illegal('not_in_hand', `Player ${player + 1} is not in the hand.`);
  if (s.phase === HandPhase.showdown) {
    if (!s.showdownQueue.includes(player)) illegal('already_shown', `Player ${player + 1} has already shown.`);
    return;
  }
  if (s.phase === HandPhase.complete) {
    if (showing && !s.shown[player]) return;
    illegal('hand_over', 'The hand is over.');
  }
  if (!s.allIn) illegal('not_showdown', 'Cards are shown only at showdown.');
}

/** `cards` names the cards of a hand dealt face down unseen (a replay); omit it to show the hand as dealt. */
export function verifyShow(ctx: HandContext, player: number, cards?: readonly Card[]): void {
  verifyShowdownTurn(ctx.state, player, true);
  if (cards === undefined) return;
  const hole = ctx.state.hole[player];
  if (cards.length !== hole.length) illegal('wrong_card_count', `Show all ${hole.length} hole cards.`);
  const unknown = cards.filter((card) => card !== UNKNOWN_CARD && !hole.includes(card));
  if (unknown.length > hole.filter((card) => card === UNKNOWN_CARD).length) {
    illegal('not_your_cards', `${formatCards(cards)} are not the cards player ${player + 1} holds.`);
  }
  verifyCards(ctx, unknown);
}

export function show(s: HandState, player: number, cards?: readonly Card[]): Operation {
  if (cards !== undefined) {
    const known = cards.filter((card) => card !== UNKNOWN_CARD);
    // Keep known cards in place and fill the unseen slots with the ones just revealed.
    const revealed = known.filter((card) => !s.hole[player].includes(card));
    s.hole[player] = s.hole[player].map((card) => (card === UNKNOWN_CARD && revealed.length > 0 ? (revealed.shift() as Card) : card));
  }
  // A hand shown as `??` is not shown yet: its owner shows again at the next showdown pass.
  s.shown[player] = !s.hole[player].includes(UNKNOWN_CARD);
  const op: Operation = { type: 'show', player, cards: [...s.hole[player]] };
  s.log.push(op);
  leaveShowdownQueue(s, player);
  return op;
}

export function verifyMuck(s: HandState, player: number): void {
  verifyShowdownTurn(s, player, false);
}

/** Gives up the hand at showdown: the player can win nothing. */
export function muck(s: HandState, player: number): Operation {
  s.active[player] = false;
  const op: Operation = { type: 'muck', player };
  s.log.push(op);
  leaveShowdownQueue(s, player);
  return op;
}

function leaveShowdownQueue(s: HandState, player: number): void {
  const at = s.showdownQueue.indexOf(player);
  if (at >= 0) s.showdownQueue.splice(at, 1);
}

/** Main pot first, with what has been bet on this street counted in. */
export function currentPots(s: HandState): Pot[] {
  if (s.phase === HandPhase.complete) return s.pots;
  const reach = s.contributed.map((c, i) => c + s.bets[i]);
  return computePots(s.contributed, reach, s.active, s.dead);
}

/**
 * Whether the player's hand could still win or tie any part of a pot
 * against the hands already shown. A player who cannot may muck unseen.
 */
export function couldWin(ctx: HandContext, player: number): boolean {
  const s = ctx.state;
  for (const pot of currentPots(s)) {
    if (!pot.eligible.includes(player)) continue;
    for (let board = 0; board < s.boards.length; board++) {
      for (const type of ctx.variant.handTypes) {
        const own = handStrength(type, s.hole[player], s.boards[board]);
        if (own < 0) continue;
        let best = -1;
        for (const rival of pot.eligible) {
          if (rival !== player && s.shown[rival] && s.active[rival]) best = Math.max(best, handStrength(type, s.hole[rival], s.boards[board]));
        }
        if (own >= best) return true;
      }
    }
  }
  return false;
}
