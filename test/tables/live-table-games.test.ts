import assert from 'node:assert/strict';
import { CashTable } from '../../src/engine/cash/CashTable.ts';
import type { CashTableSettings } from '../../src/engine/cash/settings.ts';
import { seededRandom } from '../../src/engine/random.ts';
import { rotationEntries } from '../../src/engine/table/rotation.ts';
import { listingChanged, listingOf } from '../../src/tables/live-table.ts';

const BASE = { smallBlind: 1, bigBlind: 2, ante: 1, bringIn: 1, smallBet: 2, bigBet: 4 };
const TIMINGS = { actionMs: 10_000, timeBankMs: 0, pauseMs: 1_000, reconnectMs: 20_000, standUpMs: 60_000, maxTimeouts: 2, offerMs: 15_000, maxRunouts: 1 };

describe('tables: the listing of stud and mixed-game tables', () => {
  it('when a stud table is listed then its stakes read the bets and the ante', () => {
    const settings: CashTableSettings = {
      ...TIMINGS, variant: 'F7S', stakes: { smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1 }, smallBet: 2, bigBet: 4, minBuyIn: 40, maxBuyIn: 200, maxSeats: 8,
    };
    const listing = listingOf(CashTable.create('t-1', 'Stud', settings, seededRandom(1)));
    assert.equal(listing.variant, 'F7S');
    assert.equal(listing.stakes, '2/4 ante 1');
    assert.equal(listing.rotation, undefined);
  });

  it('when a mixed-game table changes game then its listing names the new game and counts as changed', () => {
    const rotation = rotationEntries([{ variant: 'NT', hands: 1 }, { variant: 'FR', hands: 1 }], BASE);
    const settings: CashTableSettings = {
      ...TIMINGS, variant: 'NT', stakes: { ...rotation[0].stakes }, smallBet: 0, bigBet: 0, rotation, minBuyIn: 40, maxBuyIn: 200, maxSeats: 6,
    };
    const t = CashTable.create('t-2', 'Mixed', settings, seededRandom(2));
    t.sit('ann', 'Ann', 0, 100, 0);
    t.sit('bob', 'Bob', 1, 100, 0);
    t.tick(1_000);
    const first = listingOf(t);
    assert.deepEqual([first.variant, first.stakes, first.rotation], ['NT', '1/2', ['NT', 'FR']]);
    // Both fold or check the hand away, then the next deal is razz.
    for (let now = 1_000; t.state.handNumber < 2 && now < 100_000; now += 1_000) {
      const seat = t.actorSeat();
      if (seat >= 0) t.act(t.state.info[seat]!.playerId, { action: 'fold' }, now);
      else t.tick(now);
    }
    const second = listingOf(t);
    assert.deepEqual([second.variant, second.stakes], ['FR', '2/4 ante 1']);
    assert.equal(listingChanged(first, second), true);
  });
});
