import { UNKNOWN_CARD, formatCards, type Card } from '../cards.ts';
import { cardsLeft, drawCard, recycleDeck, type DeckState } from '../deck.ts';
import { deckSize, type Variant } from '../variants.ts';
import { illegal, type HandContext } from './context.ts';
import type { Operation } from './operations.ts';
import { HandPhase, type HandState } from './state.ts';

/**
 * Dealing: what each street owes (burn, hole cards, board cards, draws), the
 * deck dealing it, and a replay naming the cards instead. A street's cards
 * are queued in `pending*` and dealt from there, so a hand without a deck
 * waits for them and a hand with one deals them at once.
 *
 * The deck running out is PokerKit's rule: a street whose hole cards the
 * deck and every card out of play (burned, folded, discarded) could not cover
 * deals them as common cards to the board instead (stud's seventh street at
 * a full table), and a deck that runs out mid-deal takes the cards out of
 * play back, shuffled (a draw game's discards).
 */

/** Board cards a finished board holds. */
export function boardSize(variant: Variant): number {
  let size = 0;
  for (const street of variant.streets) size += street.board;
  return size;
}

/** The known cards in play: in the hands of players still in, and on the boards. */
export function cardsInPlay(s: HandState): Set<Card> {
  const cards = new Set<Card>();
  s.hole.forEach((hole, i) => {
    if (s.active[i]) for (const card of hole) if (card !== UNKNOWN_CARD) cards.add(card);
  });
  for (const board of s.boards) for (const card of board) cards.add(card);
  return cards;
}

/** An upper bound of the cards in play (no set to build): the cheap test first. */
function heldAtMost(s: HandState): number {
  let count = 0;
  for (let i = 0; i < s.hole.length; i++) if (s.active[i]) count += s.hole[i].length;
  for (const board of s.boards) count += board.length;
  return count;
}

/**
 * How many cards a street could still deal: the deck and everything out of
 * play, i.e. the deck's size less the known cards in play (PokerKit's
 * dealable cards; a replay's unseen cards do not count, as in PokerKit).
 */
export function dealableCount(ctx: HandContext): number {
  return deckSize(ctx.variant) - cardsInPlay(ctx.state).size;
}

/**
 * Queues everything street `index` deals before its betting; on a draw
 * street, each player still in owes a draw, which the street waits for. When
 * the players' hole cards are more than the cards left to deal, the street
 * deals that many common cards to the board instead (PokerKit's
 * `_begin_dealing`): one on stud's seventh street.
 */
export function queueStreet(ctx: HandContext, index: number): void {
  const s = ctx.state;
  const street = ctx.variant.streets[index];
  s.street = index;
  s.pendingBurn = street.burn && s.deck !== null;
  let owed = 0;
  for (let i = 0; i < s.stacks.length; i++) {
    s.pendingHole[i] = s.active[i] ? street.hole.length : 0;
    s.pendingDraw[i] = s.active[i] && street.draw;
    owed += s.pendingHole[i];
  }
  s.pendingBoard = street.board;
  if (owed > 0 && owed > deckSize(ctx.variant) - heldAtMost(s) && owed > dealableCount(ctx)) {
    s.pendingHole.fill(0);
    s.pendingBoard += street.hole.length;
  }
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
  if (s.pendingBurn && (cardsLeft(deck) > 0 || outOfPlay(s, deck) > 0)) {
    s.burned.push(drawFrom(ctx, deck, []));
    s.log.push({ type: 'burn' });
  }
  s.pendingBurn = false;
  dealHoleFromDeck(ctx, deck);
  if (s.pendingBoard > 0) {
    const cards: Card[] = [];
    for (let k = s.pendingBoard; k > 0; k--) cards.push(drawFrom(ctx, deck, cards));
    putOnBoard(ctx, cards);
  }
}

/** Dealt cards no longer in play, which a deck that runs out takes back. */
function outOfPlay(s: HandState, deck: DeckState): number {
  return deck.next - cardsInPlay(s).size;
}

/**
 * The next card off the deck. An empty deck first takes back every dealt
 * card out of play (not `pending`, the cards of this deal not placed yet).
 */
export function drawFrom(ctx: HandContext, deck: DeckState, pending: readonly Card[]): Card {
  if (cardsLeft(deck) === 0) {
    const inPlay = cardsInPlay(ctx.state);
    for (const card of pending) inPlay.add(card);
    recycleDeck(deck, inPlay);
    if (cardsLeft(deck) === 0) illegal('deck_empty', 'The deck has run out of cards.');
  }
  return drawCard(deck, ctx.random);
}

function dealHoleFromDeck(ctx: HandContext, deck: DeckState): void {
  const s = ctx.state;
  const n = s.stacks.length;
  const rounds = Math.max(...s.pendingHole);
  if (rounds <= 0) return;
  // One card at a time around the table, as a dealer does; each is in the
  // player's hand at once, so a deck that runs out never takes it back.
  const dealt: Card[][] = s.pendingHole.map(() => []);
  const up: boolean[][] = s.pendingHole.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < n; i++) {
      if (s.pendingHole[i] <= 0) continue;
      const card = drawFrom(ctx, deck, []);
      dealt[i].push(card);
      up[i].push(placeHole(ctx, i, card));
    }
  }
  for (let i = 0; i < n; i++) if (dealt[i].length > 0) s.log.push({ type: 'dealHole', player: i, cards: dealt[i], up: up[i] });
}

/**
 * Puts one card owed this street into the player's hand, face up or down as
 * the street deals it (a draw's replacements face down); returns whether it
 * is up. A face-down card after a show leaves the hand to be shown again.
 */
function placeHole(ctx: HandContext, player: number, card: Card): boolean {
  const s = ctx.state;
  const street = ctx.variant.streets[s.street];
  const up = street.draw ? false : street.hole[street.hole.length - s.pendingHole[player]] === true;
  s.hole[player].push(card);
  s.holeUp[player].push(up);
  s.pendingHole[player]--;
  if (!up) s.shown[player] = false;
  return up;
}

/** Hands the player cards owed this street. */
function giveHole(ctx: HandContext, player: number, cards: Card[]): Operation {
  const up = cards.map((card) => placeHole(ctx, player, card));
  const op: Operation = { type: 'dealHole', player, cards, up };
  ctx.state.log.push(op);
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

/** In a live hand or on a board: a folded hand, a discard or a burn card may be dealt again once the deck runs out. */
function cardInPlay(s: HandState, card: Card): boolean {
  for (let i = 0; i < s.hole.length; i++) if (s.active[i] && s.hole[i].includes(card)) return true;
  for (const board of s.boards) if (board.includes(card)) return true;
  return false;
}

/** Refuses cards outside the variant's deck, or in play but not `freed` (`-1`, an unseen card, always passes). */
export function verifyCards(ctx: HandContext, cards: readonly Card[], freed: readonly Card[] = []): void {
  const seen = new Set<Card>();
  for (const card of cards) {
    if (card === UNKNOWN_CARD) continue;
    if (!Number.isInteger(card) || card < 0 || card > 51 || card >> 2 < ctx.variant.lowestRank) {
      illegal('bad_cards', `A card in ${formatCards(cards)} is not in this variant's deck.`);
    }
    if (seen.has(card) || (cardInPlay(ctx.state, card) && !freed.includes(card))) {
      illegal('card_in_play', `${formatCards([card])} has already been dealt.`);
    }
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
