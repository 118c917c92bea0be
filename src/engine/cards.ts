import { ParseError } from './errors.ts';

/**
 * A card is an integer 0..51: `rank * 4 + suit`. Ranks 0..12 are 2..A, suits
 * 0..3 are c, d, h, s. Integers keep hands in typed arrays and let the
 * evaluators index lookup tables directly. A card nobody has seen is -1.
 */
export type Card = number;

export const UNKNOWN_CARD: Card = -1;
export const RANKS = '23456789TJQKA';
export const SUITS = 'cdhs';

export function rankOf(card: Card): number {
  return card >> 2;
}

export function suitOf(card: Card): number {
  return card & 3;
}

export function makeCard(rank: number, suit: number): Card {
  return (rank << 2) | suit;
}

/** Parses one card such as `As`, `Td` or `??` (unknown). */
export function parseCard(text: string): Card {
  if (text === '??') return UNKNOWN_CARD;
  if (text.length !== 2) throw new ParseError('bad_card', `"${text}" is not a card; write rank then suit, like As or Td.`);
  const rank = RANKS.indexOf(text[0].toUpperCase());
  const suit = SUITS.indexOf(text[1].toLowerCase());
  if (rank < 0 || suit < 0) throw new ParseError('bad_card', `"${text}" is not a card; ranks are ${RANKS} and suits are ${SUITS}.`);
  return makeCard(rank, suit);
}

/** Parses concatenated cards (`AsKd`, `????`, `Jc3d5c`); empty or `-` is none. */
export function parseCards(text: string): Card[] {
  const clean = text.trim();
  if (clean === '' || clean === '-') return [];
  if (clean.length % 2 !== 0) throw new ParseError('bad_card', `"${text}" is not a list of two-character cards.`);
  const cards: Card[] = [];
  for (let i = 0; i < clean.length; i += 2) cards.push(parseCard(clean.slice(i, i + 2)));
  return cards;
}

// Every card's text, built once: formatting is on the hot path of every table update.
const CARD_TEXT: readonly string[] = Array.from({ length: 52 }, (_, card) => RANKS[card >> 2] + SUITS[card & 3]);

export function formatCard(card: Card): string {
  return CARD_TEXT[card] ?? '??';
}

export function formatCards(cards: readonly Card[]): string {
  let out = '';
  for (const card of cards) out += formatCard(card);
  return out;
}

/** The 52 cards in order, or the 36-card short deck (sixes and up). */
export function fullDeck(lowestRank = 0): Card[] {
  const deck: Card[] = [];
  for (let rank = lowestRank; rank < 13; rank++) for (let suit = 0; suit < 4; suit++) deck.push(makeCard(rank, suit));
  return deck;
}
