import assert from 'node:assert/strict';
import { CashTable } from '../../src/engine/cash/CashTable.ts';
import type { CashTableSettings } from '../../src/engine/cash/settings.ts';
import { seededRandom } from '../../src/engine/random.ts';
import { listingChanged, listingOf, liveTableOf, publicListing } from '../../src/tables/live-table.ts';
import type { TableRecord } from '../../src/persistence/types.ts';

const SETTINGS: CashTableSettings = {
  variant: 'NT', stakes: { smallBlind: 1, bigBlind: 2, ante: 0 }, smallBet: 0, bigBet: 0,
  minBuyIn: 40, maxBuyIn: 200, maxSeats: 2, actionMs: 10_000, timeBankMs: 5_000,
  pauseMs: 1_000, reconnectMs: 20_000, standUpMs: 60_000, maxTimeouts: 2, offerMs: 15_000, maxRunouts: 1,
};

function table(): CashTable {
  const t = CashTable.create('t-1', 'Main', SETTINGS, seededRandom(1));
  t.sit('ann', 'Ann', 0, 100, 0);
  t.sit('bob', 'Bob', 1, 100, 0);
  t.waitlist('cat', 'Cat', true, 0);
  return t;
}

describe('tables: one shape of a live table', () => {
  it('when a table is listed then its listing carries PROTOCOL.md\'s lobby fields', () => {
    assert.deepEqual(listingOf(table()), {
      tableId: 't-1', name: 'Main', variant: 'NT', stakes: '1/2', smallBlind: 1, bigBlind: 2,
      minBuyIn: 40, maxBuyIn: 200, seated: 2, maxSeats: 2, waiting: 1,
    });
  });

  it('when a table\'s template turns options on then its listing names them, and one without options has none', () => {
    const options = CashTable.create('t-2', 'Fun', { ...SETTINGS, options: { runItTwice: true, straddles: 'utg', bombPotEvery: 0, bombPotVote: true, bombPotAnte: 2 } }, seededRandom(1));

    assert.deepEqual(listingOf(options).options, ['runItTwice', 'straddles', 'bombPots']);
    assert.equal('options' in listingOf(table()), false);
  });

  it('when a table closes then its listing says so, and only then', () => {
    const t = table();
    t.close(0);

    assert.equal(listingOf(t).closing, true);
  });

  it('when only seats, the waiting list or closing change then the listing counts as changed', () => {
    const t = table();
    const before = listingOf(t);

    assert.equal(listingChanged(before, listingOf(t)), false);
    assert.equal(listingChanged(undefined, before), true);
    t.waitlist('cat', 'Cat', false, 0);
    assert.equal(listingChanged(before, listingOf(t)), true);
  });

  it('when the public and the admins list it then each view is cut from the listing', () => {
    const listing = listingOf(table());
    const row = { id: 't-1', templateId: 'tpl-1', ownerProcess: 'felt-1' } as TableRecord;

    assert.deepEqual(publicListing(listing), { tableId: 't-1', name: 'Main', variant: 'NT', stakes: '1/2', minBuyIn: 40, maxBuyIn: 200, seated: 2, maxSeats: 2, waiting: 1 });
    assert.deepEqual(liveTableOf({ listing, clients: 3 }, row), {
      tableId: 't-1', name: 'Main', templateId: 'tpl-1', variant: 'NT', stakes: '1/2', seated: 2, maxSeats: 2, waiting: 1,
      clients: 3, status: 'open', processId: 'felt-1',
    });
    assert.equal(liveTableOf({ listing: { ...listing, closing: true }, clients: 0 }, undefined).status, 'closing');
  });
});
