import { chooseAction, chooseBringIn, type BotAction, type LegalView } from './strategy.ts';

/**
 * A bot's move in any game, read from what its own seat's view says
 * (`Seat.legal`, `Seat.cards`) and the table's `variant` and `phase`: an
 * `act` (a bet, or stud's bring-in) or a `draw`. It chooses only what
 * `legal` offers.
 */
export type BotMove = { type: 'act'; message: BotAction } | { type: 'draw'; message: { discard: string[] } };

/** The first betting round of each kind of game, where the forced bets count as a bet (a `bet` there is `raise_due`). */
const FIRST_STREETS = new Set(['preflop', 'third', 'predraw']);

const RANKS = '23456789TJQKA';

/** Whether it is this seat's turn to do anything: bet, bring in, or draw. */
export function canMove(legal: LegalView | undefined): legal is LegalView {
  return Boolean(legal && (legal.fold || legal.check || legal.call || legal.bringIn || legal.draw));
}

/** The move for one decision; `random` returns numbers in [0, 1). */
export function chooseMove(legal: LegalView, cards: readonly string[], variant: string, phase: string, random: () => number): BotMove {
  if (legal.draw) return { type: 'draw', message: { discard: sensibleDiscard(cards, variant, legal.maxDiscards ?? cards.length) } };
  if (legal.bringIn) return { type: 'act', message: chooseBringIn(legal, random) };
  return { type: 'act', message: chooseAction(legal, random, FIRST_STREETS.has(phase)) };
}

/**
 * What a plain lowball player throws away. Badugi (`FB`): keep the lowest
 * cards of different ranks and suits (aces low), discard the rest. 2-7 (the
 * other draw games): keep one card of each rank from deuce to eight (aces
 * are high), discard pairs and anything nine or higher. Never more than
 * `maxDiscards`, the highest first.
 */
export function sensibleDiscard(cards: readonly string[], variant: string, maxDiscards: number): string[] {
  const badugi = variant === 'FB';
  const low = (card: string): number => (badugi && card[0] === 'A' ? -1 : RANKS.indexOf(card[0]));
  const sorted = [...cards].sort((a, b) => low(a) - low(b));
  const ranks = new Set<string>();
  const suits = new Set<string>();
  const discard: string[] = [];
  for (const card of sorted) {
    const keep = badugi
      ? !ranks.has(card[0]) && !suits.has(card[1])
      : !ranks.has(card[0]) && low(card) <= RANKS.indexOf('8');
    if (keep) {
      ranks.add(card[0]);
      suits.add(card[1]);
    } else discard.push(card);
  }
  return discard.sort((a, b) => low(b) - low(a)).slice(0, Math.max(0, maxDiscards));
}
