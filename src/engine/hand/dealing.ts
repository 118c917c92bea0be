import { UNKNOWN_CARD, formatCards, type Card } from '../cards.ts';
import { cardsLeft, drawCard, type DeckState } from '../deck.ts';
import type { Variant } from '../variants.ts';
import { illegal, type HandContext } from './context.ts';
import type { Operation } from './operations.ts';
import { HandPhase, type HandState } from './state.ts';

/**
 * Dealing: what each street owes (burn, hole cards, board cards, draws), the
 * deck dealing it, and a replay naming the cards instead. A street's cards
 * are queued in `pending*` and dealt from there, so a hand without a deck
 * waits for them and a hand with one deals them at once.
 */

/** Board cards a finished board holds. */
export function boardSize(variant: Variant): number {
  let size = 0;
  for (const street of variant.streets) size += street.board;
  return size;
}

/** Queues everything street `index` deals before its betting; on a draw street, each player still in owes a draw, which the street waits for. */
export function queueStreet(ctx: HandContext, index: number): void {
  const s = ctx.state;
  const street = ctx.variant.streets[index];
  s.street = index;
  s.pendingBurn = street.burn && s.deck !== null;
  for (let i = 0; i < s.stacks.length; i++) {
    s.pendingHole[i] = s.active[i] ? street.hole.length : 0;
    s.pendingDraw[i] = s.active[i] && street.draw;
  }
  s.pendingBoard = street.board;
}

/**
 * Run more than once, the first board is dealt street by street and every
 * further board after it, one street at a time: queues the next street of the
 * next unfinished board. False when every board is finished.
 */
export function queueNextRunoutStreet(ctx: HandContext): boolean {
  const s = ctx.state;
  const size = boardSize(ctx.variant);
  for (let b = 1; b < s.boards.length; b++) {
    const board = s.boards[b];
    if (board.length >= size) continue;
    let dealtBefore = 0;
    for (const street of ctx.variant.streets) {
      if (board.length < dealtBefore + street.board) {
        s.pendingBoard = dealtBefore + street.board - board.length;
        s.pendingBurn = street.burn && s.deck !== null;
        return true;
      }
      dealtBefore += street.board;
    }
  }
  return false;
}

/** Whether the first board is finished while further runouts are still to deal. */
export function runningMoreBoards(ctx: HandContext): boolean {
  return ctx.state.runouts > 1 && ctx.state.boards[0].length === boardSize(ctx.variant);
}

/** Cards (or draws) the street still waits for. */
export function cardsPending(s: HandState): boolean {
  return s.pendingBoard > 0 || s.pendingHole.some((count) => count > 0) || s.pendingDraw.some(Boolean);
}

/** With a deck, deals everything queued: the burn, hole cards one at a time around the table, then the board. */
export function dealFromDeck(ctx: HandContext): void {
  const s = ctx.state;
  const deck = s.deck;
  if (!deck) return;
  if (s.pendingBurn && cardsLeft(deck) > 0) {
    s.burned.push(drawCard(deck, ctx.random));
    s.log.push({ type: 'burn' });
  }
  s.pendingBurn = false;
  dealHoleFromDeck(ctx, deck);
  if (s.pendingBoard > 0) putOnBoard(ctx, drawCards(ctx, deck, s.pendingBoard));
}

function drawCards(ctx: HandContext, deck: DeckState, count: number): Card[] {
  if (cardsLeft(deck) < count) illegal('deck_empty', 'The deck has run out of cards.');
  const cards: Card[] = [];
  for (let k = 0; k < count; k++) cards.push(drawCard(deck, ctx.random));
  return cards;
}

function dealHoleFromDeck(ctx: HandContext, deck: DeckState): void {
  const s = ctx.state;
  const n = s.stacks.length;
  const rounds = Math.max(...s.pendingHole);
  if (rounds <= 0) return;
  // One card at a time around the table, as a dealer does.
  const dealt: Card[][] = s.pendingHole.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < n; i++) {
      if (round < s.pendingHole[i]) dealt[i].push(drawCards(ctx, deck, 1)[0]);
    }
  }
  for (let i = 0; i < n; i++) if (dealt[i].length > 0) giveHole(ctx, i, dealt[i]);
}

/** Hands the player cards owed this street, face up or down as the street deals them. */
function giveHole(ctx: HandContext, player: number, cards: Card[]): Operation {
  const s = ctx.state;
  const street = ctx.variant.streets[s.street];
  const already = street.hole.length - s.pendingHole[player];
  const up = cards.map((_, k) => street.hole[already + k]);
  for (let k = 0; k < cards.length; k++) {
    s.hole[player].push(cards[k]);
    s.holeUp[player].push(up[k]);
  }
  s.pendingHole[player] -= cards.length;
  const op: Operation = { type: 'dealHole', player, cards, up };
  s.log.push(op);
  return op;
}

/** Board 0 is dealt street by street; further runouts are dealt after it, one board at a time. */
function putOnBoard(ctx: HandContext, cards: Card[]): Operation {
  const s = ctx.state;
  const size = boardSize(ctx.variant);
  const board = Math.max(0, s.boards.findIndex((b) => b.length < size));
  for (const card of cards) s.boards[board].push(card);
  s.pendingBoard -= cards.length;
  const op: Operation = { type: 'dealBoard', board, cards };
  s.log.push(op);
  return op;
}

function cardInPlay(s: HandState, card: Card): boolean {
  for (const hole of s.hole) if (hole.includes(card)) return true;
  for (const board of s.boards) if (board.includes(card)) return true;
  return false;
}

/** Refuses cards outside the variant's deck, or already dealt (`-1`, an unseen card, always passes). */
export function verifyCards(ctx: HandContext, cards: readonly Card[]): void {
  const seen = new Set<Card>();
  for (const card of cards) {
    if (card === UNKNOWN_CARD) continue;
    if (!Number.isInteger(card) || card < 0 || card > 51 || card >> 2 < ctx.variant.lowestRank) {
      illegal('bad_cards', `A card in ${formatCards(cards)} is not in this variant's deck.`);
    }
    if (seen.has(card) || cardInPlay(ctx.state, card)) illegal('card_in_play', `${formatCards([card])} has already been dealt.`);
    seen.add(card);
  }
}

export function verifyDealHole(ctx: HandContext, player: number, cards: readonly Card[]): void {
  const s = ctx.state;
  if (s.deck !== null) illegal('dealer_deals', 'This hand deals from its own deck.');
  if (s.phase !== HandPhase.dealing) illegal('not_dealing', 'No cards are being dealt now.');
  if (!(player >= 0 && player < s.stacks.length) || s.pendingHole[player] <= 0) {
    illegal('no_hole_cards_due', `Player ${player + 1} is not owed hole cards now.`);
  }
  if (cards.length === 0 || cards.length > s.pendingHole[player]) {
    illegal('wrong_card_count', `Player ${player + 1} is owed ${s.pendingHole[player]} hole cards, not ${cards.length}.`);
  }
  verifyCards(ctx, cards);
}

/** A replay's named hole cards (checked by `verifyDealHole`). */
export function dealHole(ctx: HandContext, player: number, cards: readonly Card[]): Operation {
  return giveHole(ctx, player, [...cards]);
}

export function verifyDealBoard(ctx: HandContext, cards: readonly Card[]): void {
  const s = ctx.state;
  if (s.deck !== null) illegal('dealer_deals', 'This hand deals from its own deck.');
  if (s.phase !== HandPhase.dealing || s.pendingBoard <= 0) illegal('no_board_due', 'No board cards are due now.');
  if (cards.length !== s.pendingBoard) illegal('wrong_card_count', `This street deals ${s.pendingBoard} board cards, not ${cards.length}.`);
  if (cards.includes(UNKNOWN_CARD)) illegal('bad_cards', 'Board cards must be known.');
  verifyCards(ctx, cards);
}

/** A replay's named board cards (checked by `verifyDealBoard`). */
export function dealBoard(ctx: HandContext, cards: readonly Card[]): Operation {
  return putOnBoard(ctx, [...cards]);
}
