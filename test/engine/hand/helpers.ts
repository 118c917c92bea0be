import { fullDeck, parseCards, type Card } from '../../../src/engine/cards.ts';
import { stackedDeck, type DeckState } from '../../../src/engine/deck.ts';
import type { IllegalActionError } from '../../../src/engine/errors.ts';
import { Hand } from '../../../src/engine/hand/Hand.ts';
import type { HandConfig } from '../../../src/engine/hand/state.ts';

/**
 * A deck that deals the given hole cards (one string per player, in hand
 * order) and board, in a dealer's order: hole cards one at a time around the
 * table, then burn-and-deal for each street. Burns use cards nobody holds.
 */
export function deckFor(holes: string[], board: string, streets: number[] = [3, 1, 1], lowestRank = 0): DeckState {
  const hole = holes.map(parseCards);
  const boardCards = parseCards(board);
  const used = new Set<Card>([...hole.flat(), ...boardCards]);
  const spare = fullDeck(lowestRank).filter((card) => !used.has(card));
  const order: Card[] = [];
  const perPlayer = Math.max(...hole.map((cards) => cards.length));
  for (let round = 0; round < perPlayer; round++) for (const cards of hole) if (round < cards.length) order.push(cards[round]);
  let at = 0;
  for (const count of streets) {
    order.push(spare.shift() as Card);
    for (let k = 0; k < count; k++) order.push(boardCards[at++]);
  }
  return stackedDeck([...order, ...spare]);
}

export function nlConfig(stacks: number[], overrides: Partial<HandConfig> = {}): HandConfig {
  const blinds = stacks.map((_, i) => (i === 0 ? 1 : i === 1 ? 2 : 0));
  return {
    variant: 'NT',
    startingStacks: stacks,
    antes: stacks.map(() => 0),
    blindsOrStraddles: blinds,
    anteTrimming: true,
    minBet: 2,
    ...overrides,
  };
}

export function startHand(config: HandConfig, holes: string[], board = '', streets?: number[]): Hand {
  return Hand.start(config, { deck: deckFor(holes, board, streets) });
}

/** Checks or calls for whoever is to act until the current street's betting is over. */
export function finishStreet(hand: Hand): void {
  const street = hand.state.street;
  while (hand.actor >= 0 && hand.state.street === street) hand.checkOrCall(hand.actor);
}

/** Checks or calls to the end of the betting, then lets the dealer resolve the showdown. */
export function playOut(hand: Hand): void {
  while (hand.actor >= 0) hand.checkOrCall(hand.actor);
  while (hand.phase === 'showdown') hand.showOrMuck();
}

export function total(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}

/** The code of the `IllegalActionError` that `attempt` throws, or 'none' when it is accepted. */
export function refusalCode(attempt: () => void): string {
  try {
    attempt();
  } catch (error) {
    return (error as IllegalActionError).code;
  }
  return 'none';
}
