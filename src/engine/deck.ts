import { fullDeck, type Card } from './cards.ts';
import { cryptoRandom, type RandomSource } from './random.ts';

/**
 * The deck as plain data, so it serialises with the hand. `cards[0..next)`
 * have been dealt or burned, in order. When `shuffle` is true the remaining
 * cards are shuffled lazily: each draw swaps a uniformly chosen remaining card
 * into place, which is the Fisher-Yates shuffle performed one step per card.
 * A restored deck keeps its dealt prefix and stays uniformly random after it.
 */
export type DeckState = {
  cards: Card[];
  next: number;
  shuffle: boolean;
};

/** A fresh deck that shuffles with `node:crypto` as it deals. */
export function shuffledDeck(lowestRank = 0): DeckState {
  return { cards: fullDeck(lowestRank), next: 0, shuffle: true };
}

/** A deck dealt exactly in the given order (tests, replays). */
export function stackedDeck(cards: readonly Card[]): DeckState {
  return { cards: [...cards], next: 0, shuffle: false };
}

export function cardsLeft(deck: DeckState): number {
  return deck.cards.length - deck.next;
}

/** Takes the next card off the deck. The caller checks that one is left. */
export function drawCard(deck: DeckState, random: RandomSource = cryptoRandom): Card {
  const i = deck.next;
  if (deck.shuffle) {
    const j = i + random(deck.cards.length - i);
    const card = deck.cards[j];
    deck.cards[j] = deck.cards[i];
    deck.cards[i] = card;
  }
  deck.next = i + 1;
  return deck.cards[i];
}

/**
 * Removes a known card from the undealt part (a replayed deal names its cards).
 * Returns false when the card is not there to deal.
 */
export function takeCard(deck: DeckState, card: Card): boolean {
  const index = deck.cards.indexOf(card, deck.next);
  if (index < 0) return false;
  deck.cards[index] = deck.cards[deck.next];
  deck.cards[deck.next] = card;
  deck.next++;
  return true;
}

/**
 * Puts the dealt cards that are out of play (burned, folded, discarded) back
 * under the undealt part, where the lazy shuffle deals them at random: what a
 * dealer does when the deck runs out (PokerKit's reshuffle of the burn cards,
 * the muck and the discards). Cards still in play keep their place in front.
 * Returns how many cards came back.
 */
export function recycleDeck(deck: DeckState, inPlay: ReadonlySet<Card>): number {
  const kept: Card[] = [];
  const back: Card[] = [];
  for (let i = 0; i < deck.next; i++) (inPlay.has(deck.cards[i]) ? kept : back).push(deck.cards[i]);
  deck.cards = [...kept, ...back, ...deck.cards.slice(deck.next)];
  deck.next = kept.length;
  return back.length;
}
