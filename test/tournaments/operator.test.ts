import assert from 'node:assert/strict';
import { Driver, T0, refused } from './driver.ts';
import { scheduled, sitAndGo } from './definitions.ts';

const START = T0 + 60_000;

function heads(): Driver {
  const d = new Driver(sitAndGo(2, 2));
  d.register(2);
  return d;
}

describe('starting', () => {
  it('when a scheduled tournament is created then its next deadline is its start, and at that tick it starts with its entrants seated', () => {
    const d = new Driver(scheduled(START, { minEntrants: 3 }));
    d.register(12);
    assert.equal(d.t.nextDeadline(), START);
    assert.deepEqual(d.wait(30_000), []);
    const events = d.wait(30_000);
    assert.equal(d.t.summary().status, 'running');
    assert.equal(d.of('openTable', events).length, 2);
    assert.deepEqual(d.of('seatPlayers', events).map((e) => e.seats.length), [6, 6]);
    assert.equal(d.of('deal').length, 2);
  });

  it('when the start comes with fewer than minEntrants then the tournament is cancelled and every entry refunded', () => {
    const d = new Driver(scheduled(START, { minEntrants: 3 }));
    d.register(2);
    d.now = START;
    const events = d.run((t, now) => t.tick(now));
    assert.equal(d.t.summary().status, 'cancelled');
    assert.deepEqual(d.of('refund', events).map((e) => [e.key, e.amount]), [
      ['tournament-refund:t1:p0:1', 110],
      ['tournament-refund:t1:p1:1', 110],
    ]);
    assert.deepEqual(d.t.pendingWork(), [], 'the refunds were paid');
  });

  it('when the operator starts early with enough entrants then it starts now', () => {
    const d = new Driver(scheduled(START, { minEntrants: 2 }));
    d.register(2);
    d.run((t, now) => t.start(now));
    assert.equal(d.t.summary().status, 'running');
    assert.equal(d.t.state.startedAt, T0);
  });

  it('when the operator starts with too few entrants then it is refused as not_enough_entrants', () => {
    const d = new Driver(scheduled(START, { minEntrants: 3 }));
    d.register(2);
    assert.throws(() => d.t.start(d.now), refused('not_enough_entrants'));
  });

  it('when the tournament runs then a start is refused as already_running', () => {
    assert.throws(() => heads().t.start(T0), refused('already_running'));
  });

  it('when the tournament has finished then start, pause and cancel are refused as tournament_finished', () => {
    const d = heads();
    const [a, b] = d.dealtAt(d.tableIds()[0]);
    d.bust(d.tableIds()[0], [a], b);
    assert.equal(d.t.summary().status, 'finished');
    assert.throws(() => d.t.start(d.now), refused('tournament_finished'));
    assert.throws(() => d.t.pause(d.now), refused('tournament_finished'));
    assert.throws(() => d.t.cancel(d.now), refused('tournament_finished'));
  });
});

describe('cancelling', () => {
  it('when a running tournament is cancelled then every sale is refunded, every table closes and nothing more is dealt', () => {
    const d = new Driver(scheduled(START, { minEntrants: 2, rebuy: { maxCount: 1, stackAtOrBelow: 10_000, chips: 5_000, price: 40 } }));
    d.register(3);
    d.run((t, now) => t.start(now));
    d.run((t, now) => t.confirmRebuy(t.rebuy('p1', now), now));
    const events = d.run((t, now) => t.cancel(now));
    assert.deepEqual(d.of('refund', events).map((e) => [e.playerId, e.amount]), [
      ['p0', 110],
      ['p1', 110],
      ['p2', 110],
      ['p1', 40],
    ]);
    assert.deepEqual(d.of('closeTable', events), [{ type: 'closeTable', tableId: 't1-t1' }]);
    assert.equal(d.t.summary().status, 'cancelled');
    assert.deepEqual(d.endHand('t1-t1'), [], 'a report after the cancellation changes nothing');
    assert.throws(() => d.t.cancel(d.now), refused('tournament_cancelled'));
  });

  it('when a prize has been decided then cancelling is refused as prizes_decided', () => {
    const d = new Driver(sitAndGo(6, 6, { payouts: [50, 30, 20] }));
    d.register(6);
    const table = d.tableIds()[0];
    for (let out = 0; out < 4; out++) {
      const [a, b] = d.dealtAt(table);
      d.bust(table, [a], b);
    }
    assert.deepEqual(d.t.state.results.filter((r) => r.prize > 0).map((r) => [r.place, r.prize]), [[3, 120]]);
    const before = JSON.stringify(d.t.state);
    assert.throws(() => d.t.cancel(d.now), refused('prizes_decided'));
    assert.equal(JSON.stringify(d.t.state), before);
  });
});

describe('pausing', () => {
  it('when a pause is asked twice then the second is refused as already_paused, and a resume while running as not_paused', () => {
    const d = heads();
    d.run((t, now) => t.pause(now));
    assert.throws(() => d.t.pause(d.now), refused('already_paused'));
    d.run((t, now) => t.resume(now));
    assert.throws(() => d.t.resume(d.now), refused('not_paused'));
  });

  it('when a tournament is not running then a pause is refused as tournament_not_running', () => {
    const d = new Driver(scheduled(START));
    assert.throws(() => d.t.pause(d.now), refused('tournament_not_running'));
  });

  it('when paused then the hand in play ends but no table deals until the resume', () => {
    const d = new Driver(sitAndGo(12, 6));
    d.register(12);
    d.run((t, now) => t.pause(now));
    const ended = d.endAllHands();
    assert.equal(d.of('deal', ended).length, 0);
    assert.equal(d.t.nextDeadline(), 0, 'the clock is stopped');
    const resumed = d.run((t, now) => t.resume(now));
    assert.deepEqual(d.of('deal', resumed).map((e) => e.tableId), ['t1-t1', 't1-t2']);
  });

  it('when the tournament is paused then the time paused is not charged to the level', () => {
    const d = heads();
    const endsAt = d.t.detail(d.now).level.endsAt!;
    assert.equal(endsAt, T0 + 600_000);
    d.run((t, now) => t.pause(now));
    d.now += 300_000;
    d.run((t, now) => t.resume(now));
    assert.equal(d.t.detail(d.now).level.endsAt, endsAt + 300_000);
    assert.equal(d.t.detail(d.now).level.number, 1);
  });
});

describe('the clock', () => {
  it('when a level ends then the next deal carries the new level, while a hand in play goes on at the old one', () => {
    const d = heads();
    const table = d.tableIds()[0];
    const changed = d.wait(600_000);
    assert.deepEqual(d.of('levelChanged', changed), [{ type: 'levelChanged', level: 2, smallBlind: 50, bigBlind: 100, ante: 0, endsAt: T0 + 1_200_000 }]);
    assert.equal(d.of('deal', changed).length, 0, 'the hand in play is not dealt again');
    const next = d.endHand(table);
    assert.deepEqual(d.of('deal', next)[0].stakes, { smallBlind: 50, bigBlind: 100, ante: 0 });
    assert.equal(d.of('deal', next)[0].level, 2);
  });

  it('when a break starts then tables finish their hand and wait, and all deal again when it ends', () => {
    const d = new Driver(sitAndGo(12, 6, { breakEvery: 1, breakSeconds: 120 }));
    d.register(12);
    const started = d.wait(600_000);
    assert.deepEqual(d.of('breakStarted', started), [{ type: 'breakStarted', breakNumber: 1, endsAt: T0 + 720_000 }]);
    assert.equal(d.of('deal', d.endAllHands()).length, 0);
    assert.equal(d.t.detail(d.now).onBreak, true);
    assert.equal(d.t.nextDeadline(), T0 + 615_000, 'the clock beats while the break runs');
    const ended = d.wait(120_000);
    assert.deepEqual(ended.map((e) => e.type), ['breakEnded', 'levelChanged', 'deal', 'deal']);
  });

  it('when nothing happens for a while then the next deadline asks for a tick, so that the state knows when it was last alive', () => {
    const d = heads();
    assert.equal(d.t.nextDeadline(), T0 + 15_000);
    d.wait(15_000);
    assert.equal(d.t.state.aliveAt, T0 + 15_000);
    assert.equal(d.t.nextDeadline(), T0 + 30_000);
  });
});
