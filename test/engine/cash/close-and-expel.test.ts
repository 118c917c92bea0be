import assert from 'node:assert/strict';
import { CashTable } from '../../../src/engine/cash/CashTable.ts';
import type { CashTableSettings } from '../../../src/engine/cash/settings.ts';
import type { CashTableEvent } from '../../../src/engine/cash/state.ts';
import { seededRandom } from '../../../src/engine/random.ts';

const SETTINGS: CashTableSettings = {
  variant: 'NT', stakes: { smallBlind: 1, bigBlind: 2, ante: 0 }, smallBet: 0, bigBet: 0,
  minBuyIn: 40, maxBuyIn: 200, maxSeats: 2, actionMs: 10_000, timeBankMs: 5_000,
  pauseMs: 1_000, reconnectMs: 20_000, standUpMs: 60_000, maxTimeouts: 2, offerMs: 15_000, maxRunouts: 1,
};

function headsUp(): CashTable {
  const table = CashTable.create('t1', 'Test', SETTINGS, seededRandom(7));
  table.sit('alice', 'Alice', 0, 100, 0);
  table.sit('bob', 'Bob', 1, 100, 0);
  return table;
}

/** Plays the live hand to its end by checking and calling. */
function finishHand(table: CashTable, now: number): CashTableEvent[] {
  const events: CashTableEvent[] = [];
  while (table.state.hand) {
    const actor = table.state.info[table.actorSeat()]?.playerId ?? '';
    events.push(...table.act(actor, { action: table.hand?.legalActions()?.check ? 'check' : 'call' }, now));
  }
  return events;
}

type CashOut = Extract<CashTableEvent, { type: 'cashOut' }>;
const cashOuts = (events: CashTableEvent[]): CashOut[] => events.filter((event): event is CashOut => event.type === 'cashOut');

describe('cash table: close and expel', () => {
  it('when a table closes mid-hand then the hand finishes, everyone cashes out every chip, and then it is closed', () => {
    const table = headsUp();
    table.tick(1_000);
    assert.deepEqual(table.close(1_500), []);
    assert.equal(table.isClosed(), false);

    const events = finishHand(table, 2_000);
    const paid = cashOuts(events);

    assert.deepEqual(paid.map((event) => event.playerId).sort(), ['alice', 'bob']);
    assert.equal(paid.reduce((sum, event) => sum + event.amount, 0), 200);
    assert.equal(table.state.nextHandAt, 0, 'no next hand is scheduled');
    for (const event of paid) table.settleMoney(event.key, true, 2_000);
    assert.equal(table.isClosed(), true);
  });

  it('when a closed table still owes a cash-out then it is not closed yet', () => {
    const table = headsUp();
    const [first, second] = cashOuts(table.close(500));
    assert.equal(table.isClosed(), false);
    table.settleMoney(first.key, true, 600);
    assert.equal(table.isClosed(), false);
    table.settleMoney(second.key, true, 600);
    assert.equal(table.isClosed(), true);
  });

  it('when a player in the hand is expelled then they play on and stand up with their stack when it ends', () => {
    const table = headsUp();
    table.tick(1_000);
    assert.deepEqual(table.expel('alice', 1_100), []);
    assert.equal(table.seatOf('alice'), 0);

    const paid = cashOuts(finishHand(table, 1_200));

    assert.deepEqual(paid.map((event) => event.playerId), ['alice']);
    assert.equal(table.seatOf('alice'), -1);
    assert.equal(table.seatOf('bob'), 1);
    assert.equal(paid[0].amount + (table.state.seating.seats[1]?.stack ?? 0), 200);
  });

  it('when a seated player is expelled between hands then they stand up at once and the waiting player is offered the seat', () => {
    const table = headsUp();
    table.waitlist('carol', 'Carol', true, 0);
    const events = table.expel('bob', 100);
    assert.deepEqual(events.map((event) => event.type), ['cashOut', 'seatOffered']);
    assert.equal(table.seatOf('bob'), -1);
    assert.equal(table.state.offer?.playerId, 'carol');
  });

  it('when a waiting player is expelled then they leave the list and their seat offer goes to the next', () => {
    const table = headsUp();
    table.waitlist('carol', 'Carol', true, 0);
    table.waitlist('dave', 'Dave', true, 0);
    table.leave('bob', 10);
    assert.equal(table.state.offer?.playerId, 'carol');

    const events = table.expel('carol', 20);

    assert.deepEqual(table.state.waiting.map((w) => w.playerId), ['dave']);
    assert.equal(table.state.offer?.playerId, 'dave');
    assert.deepEqual(events.map((event) => event.type), ['seatOffered']);
  });
});
