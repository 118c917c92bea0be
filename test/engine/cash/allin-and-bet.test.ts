import assert from 'node:assert/strict';
import { CashTable, type PlayerAction } from '../../../src/engine/cash/CashTable.ts';
import type { CashTableSettings } from '../../../src/engine/cash/settings.ts';
import { IllegalActionError } from '../../../src/engine/errors.ts';
import type { Operation } from '../../../src/engine/hand/operations.ts';
import { seededRandom } from '../../../src/engine/random.ts';

const SETTINGS: CashTableSettings = {
  variant: 'NT', stakes: { smallBlind: 1, bigBlind: 2, ante: 0 }, smallBet: 0, bigBet: 0,
  minBuyIn: 5, maxBuyIn: 500, maxSeats: 3, actionMs: 10_000, timeBankMs: 5_000,
  pauseMs: 1_000, reconnectMs: 20_000, standUpMs: 60_000, maxTimeouts: 2, offerMs: 15_000, maxRunouts: 1,
};

/**
 * A table whose first hand is dealt: seat 0 has the button, seat 1 the small
 * blind and seat 2 the big blind (heads-up: seat 0 is the button and posts
 * the small blind, seat 1 the big blind). Seat 0 acts first before the flop.
 */
function dealt(stacks: number[], overrides: Partial<CashTableSettings> = {}): CashTable {
  const table = CashTable.create('t1', 'Test', { ...SETTINGS, maxSeats: stacks.length, ...overrides }, seededRandom(3));
  stacks.forEach((stack, seat) => table.sit(`p${seat}`, `P${seat}`, seat, stack, 0));
  table.tick(1_000);
  assert.equal(table.actorSeat(), 0);
  return table;
}

/** The seat on the clock sends `action`; returns the operation it came to (the dealer's steps follow it in the log). */
function act(table: CashTable, action: PlayerAction): Operation {
  const hand = table.state.hand;
  assert.ok(hand);
  const at = hand.log.length;
  table.act(`p${table.actorSeat()}`, action, 2_000);
  return hand.log[at];
}

function refusal(code: string, sentence: RegExp) {
  return (error: unknown): boolean => error instanceof IllegalActionError && error.code === code && sentence.test(error.message);
}

describe('cash table: allin and bet', () => {
  it('when three players at a pot-limit Omaha table send allin on the flop then each raises to the pot, not checks', () => {
    const table = dealt([200, 200, 200], { variant: 'PO' });
    act(table, { action: 'call' });
    act(table, { action: 'call' });
    act(table, { action: 'check' });
    assert.equal(table.hand?.streetName, 'flop');

    assert.deepEqual(act(table, { action: 'allin' }), { type: 'raise', player: 0, to: 6, allIn: false }, 'the pot of 6');
    assert.deepEqual(act(table, { action: 'allin' }), { type: 'raise', player: 1, to: 24, allIn: false }, '6 to call, then the pot of 18');
    assert.deepEqual(act(table, { action: 'allin' }), { type: 'raise', player: 2, to: 84, allIn: false }, '24 to call, then the pot of 60');
    assert.deepEqual(act(table, { action: 'allin' }), { type: 'raise', player: 0, to: 198, allIn: true }, 'the pot of 282 is more than the stack: all of it');
  });

  it('when a player sends allin at a fixed-limit table then they raise the one bet allowed', () => {
    const table = dealt([100, 100, 100], { variant: 'FT', smallBet: 2, bigBet: 4 });
    assert.deepEqual(act(table, { action: 'allin' }), { type: 'raise', player: 2, to: 4, allIn: false });
  });

  it('when the fixed-limit betting is capped then allin is refused with the reason and nothing changes', () => {
    const table = dealt([100, 100, 100], { variant: 'FT', smallBet: 2, bigBet: 4 });
    for (const to of [4, 6, 8, 10]) act(table, { action: 'raise', amount: to });
    const before = JSON.stringify(table.state);

    assert.throws(() => table.act(`p${table.actorSeat()}`, { action: 'allin' }, 2_000), refusal('raise_cap', /capped at 4 bets this street; call or fold/));
    assert.equal(JSON.stringify(table.state), before);
    assert.deepEqual(act(table, { action: 'call' }), { type: 'call', player: 0, amount: 4 });
  });

  it('when a short all-in raise has not reopened the betting then allin is refused as not reopened', () => {
    const table = dealt([100, 100, 9]);
    act(table, { action: 'raise', amount: 6 });
    act(table, { action: 'call' });
    assert.deepEqual(act(table, { action: 'allin' }), { type: 'raise', player: 1, to: 9, allIn: true }, 'the big blind is all-in for 3 more');

    assert.throws(() => table.act('p0', { action: 'allin' }, 2_000), refusal('not_reopened', /does not reopen the betting.*call or fold/));
  });

  it('when every other player is all-in for less then allin is refused as nobody to raise, and calling still works', () => {
    const table = dealt([10, 100]);
    assert.deepEqual(act(table, { action: 'allin' }), { type: 'raise', player: 1, to: 10, allIn: true }, 'no limit: the whole stack');

    assert.throws(() => table.act('p1', { action: 'allin' }, 2_000), refusal('cannot_raise', /nobody to raise; call or fold/));
    assert.deepEqual(act(table, { action: 'call' }), { type: 'call', player: 0, amount: 8 });
  });

  it('when a stack covers only the call then allin calls all-in', () => {
    const table = dealt([100, 30]);
    act(table, { action: 'raise', amount: 50 });
    assert.deepEqual(act(table, { action: 'allin' }), { type: 'call', player: 0, amount: 28 });
  });

  it('when a player bets while there is a bet to face then it is refused as a raise due, and raise works', () => {
    const table = dealt([100, 100, 100]);
    const before = JSON.stringify(table.state);
    assert.throws(() => table.act('p0', { action: 'bet', amount: 6 }, 2_000), refusal('raise_due', /^There is a bet of 2; raise instead\.$/));
    assert.equal(JSON.stringify(table.state), before);
    assert.deepEqual(act(table, { action: 'raise', amount: 6 }), { type: 'raise', player: 2, to: 6, allIn: false });
  });

  it('when nobody has bet on the flop then bet opens it, and a second bet is refused as a raise due', () => {
    const table = dealt([100, 100, 100]);
    act(table, { action: 'call' });
    act(table, { action: 'call' });
    act(table, { action: 'check' });
    assert.deepEqual(act(table, { action: 'bet', amount: 4 }), { type: 'raise', player: 0, to: 4, allIn: false });
    assert.throws(() => table.act(`p${table.actorSeat()}`, { action: 'bet', amount: 12 }, 2_000), refusal('raise_due', /There is a bet of 4; raise instead/));
  });
});
