import assert from 'node:assert/strict';
import { CashTable } from '../../../src/engine/cash/CashTable.ts';
import type { CashTableSettings } from '../../../src/engine/cash/settings.ts';
import type { CashTableState } from '../../../src/engine/cash/state.ts';
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

function finishHand(table: CashTable, now: number): void {
  while (table.state.hand) {
    const actor = table.state.info[table.actorSeat()]?.playerId ?? '';
    table.act(actor, { action: table.hand?.legalActions()?.check ? 'check' : 'call' }, now);
  }
}

describe('cash table: pausing the deal for a hand-over', () => {
  it('when dealing is paused mid-hand then the hand plays to its end and no next hand is scheduled', () => {
    const table = headsUp();
    table.tick(1_000);
    assert.equal(table.state.handNumber, 1);
    table.pauseDealing();

    finishHand(table, 2_000);
    table.tick(60_000);

    assert.equal(table.state.hand, null);
    assert.equal(table.state.handNumber, 1);
    assert.equal(table.state.nextHandAt, 0);
    assert.equal(table.seatedCount(), 2, 'players keep their seats: the table is not closing');
    assert.equal(table.state.closing, false);
  });

  it('when a paused table is restored elsewhere and dealing resumes then the next hand comes after the pause', () => {
    const table = headsUp();
    table.tick(1_000);
    table.pauseDealing();
    finishHand(table, 2_000);
    const snapshot = structuredClone(table.state) as CashTableState;

    const next = CashTable.restore(snapshot, seededRandom(8));
    next.resumeDealing(10_000);
    assert.equal(next.state.nextHandAt, 11_000);
    next.tick(11_000);
    assert.equal(next.state.handNumber, 2);
    assert.ok(next.state.hand);
  });

  it('when dealing is paused between hands then the scheduled deal is called off', () => {
    const table = headsUp();
    assert.equal(table.state.nextHandAt, 1_000);
    table.pauseDealing();
    table.tick(5_000);
    assert.equal(table.state.handNumber, 0);
    table.sitOut('bob');
    table.sitIn('bob', 6_000);
    assert.equal(table.state.nextHandAt, 0, 'sitting in does not bring the deal back either');
  });
});
