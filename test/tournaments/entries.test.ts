import assert from 'node:assert/strict';
import { Driver, T0, refused } from './driver.ts';
import { scheduled, sitAndGo } from './definitions.ts';

const START = T0 + 60_000;

/** A scheduled tournament of 10-minute levels with late registration through level 2. */
function lateRegistration(overrides = {}) {
  return scheduled(START, { minEntrants: 2, tableSize: 6, lateRegistrationLevels: 2, ...overrides });
}

function started(def = lateRegistration(), players = 4): Driver {
  const d = new Driver(def);
  d.register(players);
  d.now = START;
  d.run((t, now) => t.tick(now));
  return d;
}

describe('registering', () => {
  it('when a player registers then the ticket names the buy-in, the fee and a key for that entry, and nothing changes until it is confirmed', () => {
    const d = new Driver(sitAndGo(6, 6));
    const before = JSON.stringify(d.t.state);
    const ticket = d.t.register('ann', 'Ann', d.now);
    assert.deepEqual(ticket, { tournamentId: 't1', playerId: 'ann', name: 'Ann', entry: 1, reEntry: false, buyIn: 100, fee: 10, key: 'tournament-buyin:t1:ann:1' });
    assert.equal(JSON.stringify(d.t.state), before);
    d.run((t, now) => t.confirmRegistration(ticket, now));
    assert.equal(d.t.summary().entrants, 1);
  });

  it('when a registered player registers again then it is refused as already_registered and the state is unchanged', () => {
    const d = new Driver(sitAndGo(6, 6));
    d.enter('ann');
    const before = JSON.stringify(d.t.state);
    assert.throws(() => d.t.register('ann', 'Ann', d.now), refused('already_registered'));
    assert.equal(JSON.stringify(d.t.state), before);
  });

  it('when the same ticket is confirmed twice then the second confirmation adds nothing', () => {
    const d = new Driver(sitAndGo(6, 6));
    const ticket = d.t.register('ann', 'Ann', d.now);
    d.run((t, now) => t.confirmRegistration(ticket, now));
    assert.deepEqual(d.run((t, now) => t.confirmRegistration(ticket, now)), []);
    assert.equal(d.t.summary().entrants, 1);
    assert.equal(d.t.state.sales.length, 1);
  });

  it('when the field is full then a registration is refused as tournament_full', () => {
    const d = new Driver(scheduled(START, { minEntrants: 2, maxEntrants: 3 }));
    d.register(3);
    assert.throws(() => d.t.register('late', 'Late', d.now), refused('tournament_full'));
  });

  it('when a sit-and-go fills then it starts: tables open, players are seated, and the first deal waits for the seats', () => {
    const d = new Driver(sitAndGo(6, 6));
    d.auto = false;
    const events = d.register(6);
    assert.deepEqual(events.map((e) => e.type), ['started', 'levelChanged', 'openTable', 'seatPlayers']);
    assert.equal(d.t.summary().status, 'running');
    const seat = d.of('seatPlayers', events)[0];
    assert.equal(seat.seats.length, 6);
    assert.ok(seat.seats.every((s) => s.stack === 1500));
    assert.equal(d.of('deal').length, 0);
    d.auto = true;
    d.release();
    const deals = d.of('deal');
    assert.equal(deals.length, 1);
    assert.deepEqual(deals[0].stakes, { smallBlind: 25, bigBlind: 50, ante: 0 });
    assert.equal(d.of('seated').length, 6);
  });

  it('when the confirmation arrives after registration closed then it is refused (the actor refunds) and nothing changes', () => {
    const d = new Driver(sitAndGo(2, 2, { levels: [{ smallBlind: 10, bigBlind: 20, ante: 0, seconds: 60 }] }));
    const late = d.t.register('late', 'Late', d.now);
    d.register(2);
    const before = JSON.stringify(d.t.state);
    assert.throws(() => d.t.confirmRegistration(late, d.now), refused('registration_closed'));
    assert.equal(JSON.stringify(d.t.state), before);
  });
});

describe('unregistering', () => {
  it('when a registered player unregisters before the start then the refund is the buy-in and fee and the entry is gone', () => {
    const d = new Driver(scheduled(START));
    d.enter('ann');
    const ticket = d.t.unregister('ann', d.now);
    assert.equal(ticket.amount, 110);
    assert.equal(ticket.key, 'tournament-refund:t1:ann:1');
    d.run((t, now) => t.confirmUnregistration(ticket, now));
    assert.equal(d.t.summary().entrants, 0);
    assert.throws(() => d.t.unregister('ann', d.now), refused('not_registered'));
  });

  it('when a player who unregistered registers again then the new entry has a key of its own', () => {
    const d = new Driver(scheduled(START));
    d.enter('ann');
    d.run((t, now) => t.confirmUnregistration(t.unregister('ann', now), now));
    assert.equal(d.t.register('ann', 'Ann', d.now).key, 'tournament-buyin:t1:ann:2');
  });

  it('when the tournament has started then unregistering is refused as registration_closed', () => {
    const d = started();
    assert.throws(() => d.t.unregister('p0', d.now), refused('registration_closed'));
  });
});

describe('late registration and re-entry', () => {
  it('when a late entrant registers then they get a seat at the table with the fewest players and chips that count', () => {
    const d = started(lateRegistration(), 7);
    const counts = () => d.t.state.tables.map((t) => t.seats.filter(Boolean).length);
    assert.deepEqual(counts(), [4, 3]);
    const events = d.enter('late');
    const seat = d.of('seatPlayers', events)[0];
    assert.equal(seat.tableId, 't1-t2');
    assert.equal(seat.seats[0].stack, 10_000);
    assert.deepEqual(counts(), [4, 4]);
    assert.equal(d.t.chipsInPlay().expected, 8 * 10_000);
    d.t.verifyChips();
  });

  it('when every table is full then a late entrant opens a new table and balancing fills it from a table between hands', () => {
    const d = started(lateRegistration(), 6);
    const events = d.enter('late');
    assert.deepEqual(events.filter((e) => e.type === 'openTable' || e.type === 'seatPlayers').map((e) => [e.type, 'tableId' in e && e.tableId]), [
      ['openTable', 't1-t2'],
      ['seatPlayers', 't1-t2'],
    ]);
    // Table 1 is in its hand: nobody moves until it is over.
    assert.equal(d.of('releasePlayer').length, 0);
    const after = d.endHand('t1-t1');
    assert.deepEqual(d.of('releasePlayer', after).length, 2);
    assert.deepEqual(d.t.state.tables.map((t) => t.seats.filter(Boolean).length), [4, 3]);
  });

  it('when the last late level and the break after it are over then registration closes on the tick and further entries are refused', () => {
    const d = started(lateRegistration({ breakEvery: 2, breakSeconds: 300 }));
    assert.ok(d.t.registrationOpen(d.now));
    d.wait(20 * 60_000);
    assert.ok(d.t.registrationOpen(d.now), 'still open on the break after level 2');
    const events = d.wait(5 * 60_000);
    assert.deepEqual(d.of('registrationClosed', events), [{ type: 'registrationClosed', entrants: 4 }]);
    assert.throws(() => d.t.register('late', 'Late', d.now), refused('registration_closed'));
  });

  it('when a player out re-enters during late registration then it is a new entry of theirs, and a second re-entry is refused', () => {
    const d = started(lateRegistration({ reEntries: 1 }), 10);
    const table = d.tableIds()[0];
    const [a, b] = d.dealtAt(table);
    const busted = d.of('busted', d.bust(table, [a], b));
    assert.deepEqual(busted.map((e) => [e.playerId, e.canReEnter]), [[a, true]]);
    const ticket = d.t.register(a, 'Again', d.now);
    assert.equal(ticket.entry, 2);
    assert.ok(ticket.reEntry);
    d.run((t, now) => t.confirmRegistration(ticket, now));
    assert.equal(d.t.summary().entrants, 11);
    d.endAllHands();
    const at = d.t.state.players.find((p) => p.playerId === a)!.tableId!;
    const [c] = d.dealtAt(at).filter((id) => id !== a);
    assert.ok(d.dealtAt(at).includes(a));
    d.bust(at, [a], c);
    assert.throws(() => d.t.register(a, 'Third', d.now), refused('re_entry_not_allowed'));
  });

  it('when players go out during late registration then their places wait until it closes, oldest out lowest', () => {
    const d = started(lateRegistration({ reEntries: 1 }), 10);
    const table = d.tableIds()[0];
    const [a, b, c] = d.dealtAt(table);
    d.bust(table, [a], b);
    d.bust(table, [c], b);
    assert.equal(d.of('eliminated').length, 0, 'no place while the field may grow');
    d.enter('late');
    const events = d.wait(20 * 60_000);
    assert.deepEqual(d.of('eliminated', events).map((e) => [e.playerId, e.place]), [[a, 11], [c, 10]]);
  });
});

describe('near the money', () => {
  it('when the players left are one more than the places paid during late registration then registration closes, the busts are placed and rebuys stop', () => {
    const d = started(lateRegistration({ rebuy: { maxCount: 2, stackAtOrBelow: 100_000, chips: 5_000, price: 50 } }), 10);
    const from = d.log.length;
    while (d.t.detail(d.now).remaining > 4) {
      const fake = [...d.fakes.values()].find((f) => f.hand && Object.keys(f.hand.startStacks).length > 1)!;
      const [a, b] = d.dealtAt(fake.tableId);
      d.bust(fake.tableId, [a], b);
    }
    const events = d.log.slice(from);
    assert.deepEqual(d.of('registrationClosed', events), [{ type: 'registrationClosed', entrants: 10 }]);
    assert.deepEqual(d.of('eliminated', events).map((e) => e.place), [10, 9, 8, 7, 6, 5]);
    assert.equal(d.t.registrationOpen(d.now), false);
    assert.throws(() => d.t.register('late', 'Late', d.now), refused('registration_closed'));
    const alive = d.t.state.players.find((p) => !p.out)!.playerId;
    assert.throws(() => d.t.rebuy(alive, d.now), refused('rebuy_period_over'));
    assert.deepEqual(d.t.detail(d.now).payouts.map((p) => p.place), [1, 2, 3]);
  });
});

describe('rebuys', () => {
  const rebuying = (overrides = {}) => lateRegistration({ rebuy: { maxCount: 2, stackAtOrBelow: 10_000, chips: 5_000, price: 50 }, ...overrides });

  it('when the tournament has no rebuys then a rebuy is refused as rebuy_not_allowed', () => {
    const d = started();
    assert.throws(() => d.t.rebuy('p0', d.now), refused('rebuy_not_allowed'));
  });

  it('when a player above the rebuy limit asks then it is refused as stack_too_large', () => {
    const d = started(rebuying());
    const table = d.tableIds()[0];
    const [a, b] = d.dealtAt(table);
    d.endHand(table, { [a]: 9_000, [b]: 11_000 });
    assert.throws(() => d.t.rebuy(b, d.now), refused('stack_too_large'));
    assert.doesNotThrow(() => d.t.rebuy(a, d.now));
  });

  it('when a rebuy is confirmed while the table is between hands then the chips go to it and it deals once they are added', () => {
    const d = started(rebuying());
    const table = d.tableIds()[0];
    d.pauseAndFinish();
    const ticket = d.t.rebuy('p0', d.now);
    assert.deepEqual([ticket.key, ticket.price, ticket.chips], ['tournament-rebuy:t1:p0:1', 50, 5_000]);
    d.auto = false;
    const events = d.run((t, now) => t.confirmRebuy(ticket, now));
    assert.deepEqual(d.of('addChips', events), [{ type: 'addChips', tableId: table, playerId: 'p0', key: ticket.key, amount: 5_000 }]);
    d.auto = true;
    d.release((e) => e.type === 'addChips');
    const resumed = d.run((t, now) => t.resume(now));
    assert.equal(d.of('deal', resumed).length, 1);
    assert.equal(d.dealtAt(table).length, 4);
    assert.equal(d.fake(table).hand!.startStacks.p0, 15_000);
    d.t.verifyChips();
  });

  it('when a rebuy is confirmed during a hand then its chips are held until the hand ends, and the table deals only after they are added', () => {
    const d = started(rebuying());
    const table = d.tableIds()[0];
    const ticket = d.t.rebuy('p0', d.now);
    const during = d.run((t, now) => t.confirmRebuy(ticket, now));
    assert.equal(d.of('addChips', during).length, 0);
    d.auto = false;
    const after = d.endHand(table);
    assert.deepEqual(after.map((e) => e.type), ['addChips']);
    d.auto = true;
    d.release();
    assert.equal(d.of('deal').length, 2);
    assert.equal(d.fake(table).hand!.startStacks.p0, 15_000);
  });

  it('when a player who bought a rebuy during a hand goes out in that hand then the rebuy is refunded and its chips leave the count', () => {
    const d = started(rebuying());
    const table = d.tableIds()[0];
    const [a, b] = d.dealtAt(table);
    d.run((t, now) => t.confirmRebuy(t.rebuy(a, now), now));
    assert.equal(d.t.chipsInPlay().expected, 45_000);
    const events = d.bust(table, [a], b);
    assert.deepEqual(d.of('refund', events).map((e) => [e.playerId, e.amount, e.key]), [[a, 50, `tournament-refund:t1:${a}:rebuy:1`]]);
    assert.equal(d.t.chipsInPlay().expected, 40_000);
    d.t.verifyChips();
  });

  it('when a player has used every rebuy then another is refused as rebuy_limit_reached', () => {
    const d = started(rebuying({ rebuy: { maxCount: 2, stackAtOrBelow: 100_000, chips: 5_000, price: 50 } }));
    d.pauseAndFinish();
    for (let i = 0; i < 2; i++) d.run((t, now) => t.confirmRebuy(t.rebuy('p0', now), now));
    assert.throws(() => d.t.verifyRebuy('p0', d.now), refused('rebuy_limit_reached'));
  });

  it('when a rebuy ticket is confirmed twice then the chips are added once', () => {
    const d = started(rebuying());
    d.pauseAndFinish();
    const ticket = d.t.rebuy('p0', d.now);
    d.run((t, now) => t.confirmRebuy(ticket, now));
    assert.deepEqual(d.run((t, now) => t.confirmRebuy(ticket, now)), []);
    assert.equal(d.t.chipsInPlay().expected, 45_000);
  });

  it('when the rebuy period is over then a rebuy is refused as rebuy_period_over', () => {
    const d = started(rebuying({ rebuy: { maxCount: 2, stackAtOrBelow: 10_000, chips: 5_000, price: 50, untilLevel: 1 } }));
    d.wait(10 * 60_000);
    assert.throws(() => d.t.rebuy('p0', d.now), refused('rebuy_period_over'));
  });

  it('when a player is out then a rebuy is refused as player_eliminated', () => {
    const d = started(rebuying());
    const table = d.tableIds()[0];
    const [a, b] = d.dealtAt(table);
    d.bust(table, [a], b);
    assert.throws(() => d.t.rebuy(a, d.now), refused('player_eliminated'));
  });
});

describe('add-ons', () => {
  const withAddOn = () => lateRegistration({ breakEvery: 1, breakSeconds: 300, addOn: { atBreak: 1, chips: 20_000, price: 100 } });

  it('when the tournament has no add-on then one is refused as addon_not_allowed', () => {
    const d = started();
    assert.throws(() => d.t.addOn('p0', d.now), refused('addon_not_allowed'));
  });

  it('when it is not the add-on break then the add-on is refused as addon_not_available', () => {
    const d = started(withAddOn());
    assert.throws(() => d.t.addOn('p0', d.now), refused('addon_not_available'));
  });

  it('when the add-on break comes then each player may take it once, and its chips reach the table before it deals again', () => {
    const d = started(withAddOn());
    const table = d.tableIds()[0];
    d.wait(10 * 60_000);
    assert.ok(d.t.detail(d.now).onBreak);
    const ended = d.endHand(table);
    assert.equal(d.of('deal', ended).length, 0, 'no deal on the break');
    const ticket = d.t.addOn('p1', d.now);
    const events = d.run((t, now) => t.confirmAddOn(ticket, now));
    assert.equal(d.of('addChips', events)[0].amount, 20_000);
    assert.throws(() => d.t.addOn('p1', d.now), refused('addon_already_taken'));
    const resumed = d.wait(5 * 60_000);
    assert.equal(d.of('deal', resumed).length, 1);
    assert.equal(d.fake(table).hand!.startStacks.p1, 30_000);
    assert.equal(d.t.detail(d.now).prizePool, 4 * 100 + 100);
  });
});
