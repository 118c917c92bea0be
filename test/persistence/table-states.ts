import { CashTable } from '../../src/engine/cash/CashTable.ts';
import type { CashTableSettings } from '../../src/engine/cash/settings.ts';
import type { CashTableState } from '../../src/engine/cash/state.ts';
import type { Card } from '../../src/engine/cards.ts';
import type { HandState } from '../../src/engine/hand/state.ts';
import { seededRandom } from '../../src/engine/random.ts';

const SETTINGS: CashTableSettings = {
  variant: 'NT', stakes: { smallBlind: 1, bigBlind: 2, ante: 0 }, smallBet: 0, bigBet: 0,
  minBuyIn: 40, maxBuyIn: 200, maxSeats: 6, actionMs: 10_000, timeBankMs: 5_000,
  rake: { basisPoints: 500, cap: 3, noFlopNoDrop: true },
  pauseMs: 1_000, reconnectMs: 20_000, standUpMs: 60_000, maxTimeouts: 2, offerMs: 15_000, maxRunouts: 1,
};

/** A table between hands, with two players seated; `name` tells one snapshot from another. */
export function tableState(tableId: string, name = 'Snapshot test'): CashTableState {
  const table = CashTable.create(tableId, name, SETTINGS, seededRandom(1));
  table.sit('ann', 'Ann', 0, 100, 0);
  table.sit('bob', 'Bob', 1, 100, 0);
  return table.state;
}

/** A table with a hand in play: three players, hole cards dealt, the rest of the deck undealt. */
export function tableInHand(tableId: string, seed = 7): CashTable {
  const table = CashTable.create(tableId, 'Live hand', SETTINGS, seededRandom(seed));
  table.sit('ann', 'Ann', 0, 100, 0);
  table.sit('bob', 'Bob', 1, 100, 0);
  table.sit('cat', 'Cat', 2, 100, 0);
  table.tick(SETTINGS.pauseMs);
  if (!table.state.hand?.deck) throw new Error('the hand did not deal from a deck');
  return table;
}

/** The cards of a live hand still in its deck, in the order the deck holds them. */
export function undealtCards(state: CashTableState): Card[] {
  const deck = state.hand?.deck;
  if (!deck) throw new Error('no live deck');
  return deck.cards.slice(deck.next);
}

/** The state as JSON gives it back: what a stored snapshot should load as. */
export function asStored<T>(state: T): T {
  return JSON.parse(JSON.stringify(state)) as T;
}

/** A hand played to its end (everyone folds to one player), as the table reports it: its deck still holds the undealt cards. */
export function finishedHand(tableId: string): { hand: HandState; playerIds: string[]; rake: number } {
  const table = tableInHand(tableId);
  for (let turn = 0; turn < 5; turn++) {
    const player = table.state.info[table.actorSeat()]?.playerId ?? '';
    const done = table.act(player, { action: 'fold' }, SETTINGS.pauseMs + 1).find((event) => event.type === 'handComplete');
    if (done) return done;
  }
  throw new Error('the hand did not end');
}
