import assert from 'node:assert/strict';
import { CashTable } from '../../../src/engine/cash/CashTable.ts';
import type { CashTableSettings } from '../../../src/engine/cash/settings.ts';
import type { CashTableEvent } from '../../../src/engine/cash/state.ts';
import { IllegalActionError } from '../../../src/engine/errors.ts';
import { seededRandom } from '../../../src/engine/random.ts';

const SETTINGS: CashTableSettings = {
  variant: 'NT', stakes: { smallBlind: 1, bigBlind: 2, ante: 0 }, smallBet: 0, bigBet: 0,
  minBuyIn: 40, maxBuyIn: 200, maxSeats: 3, actionMs: 10_000, timeBankMs: 5_000,
  rake: { basisPoints: 500, cap: 3, noFlopNoDrop: true },
  pauseMs: 1_000, reconnectMs: 20_000, standUpMs: 60_000, maxTimeouts: 2, offerMs: 15_000, maxRunouts: 1,
};

function table(seed = 1, overrides: Partial<CashTableSettings> = {}): CashTable {
  return CashTable.create('t1', 'Test', { ...SETTINGS, ...overrides }, seededRandom(seed));
}

function seatTwo(t: CashTable, now = 0): void {
  t.sit('alice', 'Alice', 0, 100, now);
  t.sit('bob', 'Bob', 1, 100, now);
}

function playerOnClock(t: CashTable): string {
  const seat = t.actorSeat();
  return t.state.info[seat]?.playerId ?? '';
}

describe('cash table', () => {
  it('when two players sit then a hand deals after the pause and the first actor is on the clock', () => {
    const t = table();
    seatTwo(t);
    assert.equal(t.state.nextHandAt, 1_000);
    assert.deepEqual(t.tick(999), []);
    const events = t.tick(1_000);
    assert.deepEqual(events.map((e) => e.type), ['handStarted']);
    assert.ok(t.state.hand);
    assert.equal(t.state.actionDeadline, 11_000);
    assert.ok(['alice', 'bob'].includes(playerOnClock(t)));
  });

  it('when a player acts out of turn or sends a bad amount then it is refused and nothing changes', () => {
    const t = table();
    seatTwo(t);
    t.tick(1_000);
    const waiting = playerOnClock(t) === 'alice' ? 'bob' : 'alice';
    const before = JSON.stringify(t.state);
    assert.throws(() => t.act(waiting, { action: 'call' }, 1_500), (e: IllegalActionError) => e.code === 'not_your_turn');
    assert.throws(() => t.act(playerOnClock(t), { action: 'raise', amount: 3 }, 1_500), (e: IllegalActionError) => e.code === 'raise_too_small');
    assert.throws(() => t.act(playerOnClock(t), { action: 'raise' }, 1_500), (e: IllegalActionError) => e.code === 'bad_amount');
    assert.throws(() => t.act('carol', { action: 'fold' }, 1_500), (e: IllegalActionError) => e.code === 'not_in_hand');
    assert.equal(JSON.stringify(t.state), before);
  });

  it('when the clock runs out then the time bank starts, and then the player checks or folds and times out', () => {
    const t = table();
    seatTwo(t);
    t.tick(1_000);
    const actor = playerOnClock(t);
    t.tick(11_000);
    assert.equal(t.state.usingTimeBank, true);
    assert.equal(t.state.actionDeadline, 16_000);
    t.tick(16_000);
    const seat = t.seatOf(actor);
    assert.equal(t.state.info[seat]?.timeBankMs, 0);
    assert.equal(t.state.info[seat]?.timeouts, 1);
    assert.equal(t.state.info[seat]?.lastAction, 'timeout');
  });

  it('when a player times out in two hands running then they are sat out', () => {
    const t = table();
    seatTwo(t);
    let now = 1_000;
    t.tick(now);
    const first = playerOnClock(t);
    for (let hands = 0; hands < 6 && !t.state.seating.seats[t.seatOf(first)]?.sittingOut; hands++) {
      while (t.state.hand) {
        now += 30_000;
        if (playerOnClock(t) === first) t.tick(now);
        else t.act(playerOnClock(t), { action: t.hand?.legalActions()?.check ? 'check' : 'call' }, now);
      }
      now = t.state.nextHandAt || now;
      t.tick(now);
    }
    assert.equal(t.state.seating.seats[t.seatOf(first)]?.sittingOut, true);
  });

  it('when a player leaves during a hand then they stand up after it with their stack cashed out', () => {
    const t = table();
    seatTwo(t);
    t.tick(1_000);
    assert.deepEqual(t.leave('alice', 1_100), []);
    let events: CashTableEvent[] = [];
    while (t.state.hand) events = t.act(playerOnClock(t), { action: 'fold' }, 2_000);
    const cashOut = events.find((e) => e.type === 'cashOut');
    assert.ok(cashOut && cashOut.type === 'cashOut' && cashOut.playerId === 'alice');
    assert.equal(t.seatOf('alice'), -1);
    assert.equal(t.chipsOnTable(), 200, 'until the wallet is paid, the cash-out is still on the table account');
    t.settleMoney(cashOut.key, true, 2_000);
    assert.equal(cashOut.amount + t.chipsOnTable(), 200, 'the chips that left plus the chips still there are the buy-ins');
    assert.deepEqual(t.state.pendingMoney, []);
  });

  it('when the table is full then newcomers join the waiting list and get the next free seat in order', () => {
    const t = table();
    seatTwo(t);
    t.sit('carol', 'Carol', 2, 100, 0);
    assert.throws(() => t.sit('dave', 'Dave', undefined, 100, 0), (e: IllegalActionError) => e.code === 'table_full');
    t.waitlist('dave', 'Dave', true, 0);
    t.waitlist('erin', 'Erin', true, 0);
    const events = t.leave('carol', 10);
    assert.ok(events.some((e) => e.type === 'seatOffered' && e.playerId === 'dave'));
    assert.throws(() => t.sit('erin', 'Erin', undefined, 100, 20), (e: IllegalActionError) => e.code === 'waitlist_first');
    const expired = t.tick(10 + 15_000);
    assert.ok(expired.some((e) => e.type === 'seatOffered' && e.playerId === 'erin'), 'the offer passes to the next player');
    assert.equal(t.sit('erin', 'Erin', undefined, 100, 15_100), 2);
    assert.deepEqual(t.state.waiting, []);
  });

  it('when a player drops then they are sat out after the reconnection window and stood up later', () => {
    const t = table();
    seatTwo(t);
    t.setConnected('bob', false, 0);
    t.tick(20_000);
    assert.equal(t.state.seating.seats[1]?.sittingOut, true);
    let events: CashTableEvent[] = [];
    let now = 20_000;
    while (t.seatOf('bob') >= 0 && now < 200_000) {
      now += 5_000;
      events = events.concat(t.tick(now));
      if (t.state.hand) t.act(playerOnClock(t), { action: 'fold' }, now);
    }
    assert.equal(t.seatOf('bob'), -1);
    assert.ok(events.some((e) => e.type === 'cashOut' && e.playerId === 'bob'));
  });

  it('when many random hands are played then stacks plus rake plus cash-outs always equal the buy-ins', () => {
    const random = seededRandom(9);
    const t = table(3, { maxSeats: 3 });
    t.sit('a', 'A', 0, 100, 0);
    t.sit('b', 'B', 1, 150, 0);
    t.sit('c', 'C', 2, 200, 0);
    let rake = 0;
    let now = 0;
    for (let step = 0; step < 3000; step++) {
      now += 1_000;
      for (const e of t.tick(now)) if (e.type === 'handComplete') rake += e.rake;
      const actor = playerOnClock(t);
      if (!actor) continue;
      const hand = t.hand;
      const legal = hand?.legalActions();
      if (!legal) continue;
      const roll = random(10);
      const action = roll < 2 && legal.call ? { action: 'fold' as const } : roll > 7 && legal.raise ? { action: 'raise' as const, amount: legal.minRaiseTo } : { action: legal.check ? 'check' as const : 'call' as const };
      for (const e of t.act(actor, action, now)) if (e.type === 'handComplete') rake += e.rake;
      assert.equal(t.chipsOnTable() + rake, 450);
    }
    assert.ok(t.state.handNumber > 50);
  });

  it('when the table state is serialised mid-hand then the restored table plays on identically', () => {
    const t = table();
    seatTwo(t);
    t.tick(1_000);
    const copy = CashTable.restore(JSON.parse(JSON.stringify(t.state)), seededRandom(5));
    const twin = CashTable.restore(JSON.parse(JSON.stringify(t.state)), seededRandom(5));
    copy.act(playerOnClock(copy), { action: 'call' }, 2_000);
    twin.act(playerOnClock(twin), { action: 'call' }, 2_000);
    assert.deepEqual(copy.state, twin.state);
  });

  it('when a buy-in is reserved then the seat is held until the money moves, and a failed move seats nobody', () => {
    const t = table();
    const money = t.reserveBuyIn('alice', 'Alice', 0, 100);
    assert.throws(() => t.reserveBuyIn('bob', 'Bob', 0, 100), (e: IllegalActionError) => e.code === 'seat_taken');
    assert.deepEqual(t.settleMoney(money.key, false, 0), []);
    assert.equal(t.seatOf('alice'), -1);
    const again = t.reserveBuyIn('alice', 'Alice', 0, 100);
    assert.notEqual(again.key, money.key, 'every reservation has its own ledger key');
    t.settleMoney(again.key, true, 0);
    assert.equal(t.seatOf('alice'), 0);
    assert.equal(t.chipsOnTable(), 100);
  });

  it('when buy-ins and top-ups are out of range then they are refused', () => {
    const t = table();
    assert.throws(() => t.sit('a', 'A', 0, 10, 0), (e: IllegalActionError) => e.code === 'bad_buy_in');
    assert.throws(() => t.sit('a', 'A', 7, 100, 0), (e: IllegalActionError) => e.code === 'bad_seat');
    t.sit('a', 'A', 0, 150, 0);
    assert.throws(() => t.sit('a', 'A', 1, 100, 0), (e: IllegalActionError) => e.code === 'already_seated');
    assert.throws(() => t.sit('b', 'B', 0, 100, 0), (e: IllegalActionError) => e.code === 'seat_taken');
    assert.throws(() => t.topUp('a', 60, 0), (e: IllegalActionError) => e.code === 'over_max_buy_in');
    t.topUp('a', 50, 0);
    assert.equal(t.state.seating.seats[0]?.stack, 200);
  });
});
