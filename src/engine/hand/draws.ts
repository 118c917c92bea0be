import { UNKNOWN_CARD, formatCards, type Card } from '../cards.ts';
import { illegal, type HandContext } from './context.ts';
import { drawFrom, verifyCards } from './dealing.ts';
import type { LegalActions } from './betting.ts';
import type { Operation } from './operations.ts';
import { HandPhase, type HandState } from './state.ts';

/**
 * Discarding and drawing (PokerKit's `stand_pat_or_discard`). On a draw
 * street every player still in, all-in or not, discards in hand order (left
 * of the button first), any of their cards or none (standing pat), and is
 * dealt as many face down. With a deck the replacements come at once; a
 * deck that runs out first takes back the burn cards, the folded hands and
 * the discards, shuffled (see `dealing.ts`). A replay names the replacements
 * with `dealHole` afterwards, as PHH writes them after every player's discard.
 */

/** The player whose turn it is to draw, or -1. */
export function drawer(s: HandState): number {
  return s.phase === HandPhase.dealing ? s.pendingDraw.indexOf(true) : -1;
}

/** On a player's turn to draw, what they may do (see `LegalActions`). */
export function drawLegalActions(s: HandState): LegalActions | null {
  const player = drawer(s);
  if (player < 0) return null;
  return {
    player, fold: false, check: false, call: false, callAmount: 0, raise: false, minRaiseTo: 0, maxRaiseTo: 0,
    bringIn: false, bringInAmount: 0, draw: true, maxDiscards: s.hole[player].length,
  };
}

/**
 * Refuses a draw out of turn, a discard of cards the player does not hold (a
 * replay's unseen cards may be discarded as `-1`), a card named twice, or
 * replacements (`drawn`, a rebuild naming them) that are not one per discard
 * or not free to deal.
 */
export function verifyDraw(ctx: HandContext, player: number, discard: readonly Card[], drawn?: readonly Card[]): void {
  const s = ctx.state;
  const turn = drawer(s);
  if (turn < 0) illegal('no_draw', 'Nobody draws now.');
  if (player !== turn) illegal('not_your_turn', `It is player ${turn + 1}'s turn to draw, not player ${player + 1}'s.`);
  if (!Array.isArray(discard)) illegal('bad_cards', 'Name the cards to discard (none to stand pat).');
  const hole = s.hole[player];
  const known = discard.filter((card) => card !== UNKNOWN_CARD);
  if (new Set(known).size !== known.length) illegal('bad_cards', `${formatCards(discard)} names a card twice.`);
  const unseen = hole.filter((card) => card === UNKNOWN_CARD).length;
  if (known.some((card) => !Number.isInteger(card) || !hole.includes(card)) || discard.length - known.length > unseen) {
    illegal('not_your_cards', `${formatCards(discard)} are not all cards player ${player + 1} holds.`);
  }
  if (drawn === undefined) return;
  if (s.deck !== null) illegal('dealer_deals', 'This hand deals from its own deck.');
  if (drawn.length !== 0 && drawn.length !== discard.length) {
    illegal('wrong_card_count', `Player ${player + 1} discards ${discard.length} cards and is dealt as many, not ${drawn.length}.`);
  }
  // A deck that ran out may deal a player back the cards they just threw away.
  verifyCards(ctx, drawn, discard);
}

/**
 * Discards and draws. The remaining cards keep their order and the
 * replacements go after them. Without a deck and without `drawn` the
 * replacements are owed, to be dealt by name.
 */
export function draw(ctx: HandContext, player: number, discard: readonly Card[], drawn?: readonly Card[]): Operation {
  const s = ctx.state;
  s.pendingDraw[player] = false;
  for (const card of discard) {
    const at = s.hole[player].indexOf(card);
    s.hole[player].splice(at, 1);
    s.holeUp[player].splice(at, 1);
  }
  const dealt: Card[] = [];
  if (s.deck !== null) {
    for (let k = 0; k < discard.length; k++) dealt.push(drawFrom(ctx, s.deck, dealt));
  } else if (drawn !== undefined && drawn.length > 0) dealt.push(...drawn);
  else s.pendingHole[player] += discard.length;
  for (const card of dealt) {
    s.hole[player].push(card);
    s.holeUp[player].push(false);
  }
  const op: Operation = { type: 'draw', player, discarded: [...discard], drawn: dealt };
  s.log.push(op);
  return op;
}
