import assert from 'node:assert/strict';
import { Driver, refused } from './driver.ts';
import { sitAndGo } from './definitions.ts';
import type { HandReport } from '../../src/tournaments/state.ts';

/** Six players at one table, three places paid from a pool of 600: 300, 180, 120. */
function sixHanded(): { d: Driver; table: string } {
  const d = new Driver(sitAndGo(6, 6, { payouts: [50, 30, 20] }));
  d.register(6);
  return { d, table: d.tableIds()[0] };
}

function stackOf(d: Driver, playerId: string): number {
  return d.t.state.players.find((p) => p.playerId === playerId)!.stack;
}

/** Busts players one at a time at the table with the most players (balancing as it goes) until `remaining` are in. */
function playDownTo(d: Driver, remaining: number): void {
  while (d.t.detail(d.now).remaining > remaining) {
    const table = [...d.fakes.values()].filter((f) => f.hand).sort((a, b) => b.players().length - a.players().length)[0];
    const dealt = d.dealtAt(table.tableId).sort((a, b) => stackOf(d, b) - stackOf(d, a));
    d.bust(table.tableId, [dealt[dealt.length - 1]], dealt[0]);
  }
}

describe('hand reports', () => {
  it('when the same report arrives twice then the second answers nothing and changes nothing but the time', () => {
    const { d, table } = sixHanded();
    const report = d.fake(table).finishHand({});
    assert.ok(d.report(report).length > 0);
    const before = d.t.state;
    const snapshot = JSON.stringify({ ...before, version: 0, aliveAt: 0 });
    assert.deepEqual(d.report(report), []);
    assert.equal(JSON.stringify({ ...d.t.state, version: 0, aliveAt: 0 }), snapshot);
  });

  it('when a report names no table of the tournament then it is refused as unknown_table', () => {
    const { d, table } = sixHanded();
    const report = d.fake(table).finishHand({});
    assert.throws(() => d.t.handEnded({ ...report, tableId: 'elsewhere' }, d.now), refused('unknown_table'));
  });

  it('when a report is for a hand that was not dealt then it is refused as unknown_hand', () => {
    const { d, table } = sixHanded();
    const report = d.fake(table).finishHand({});
    assert.throws(() => d.t.handEnded({ ...report, handNumber: 2 }, d.now), refused('unknown_hand'));
  });

  it('when a report loses or makes chips then it is refused as chips_mismatch and the state is unchanged', () => {
    const { d, table } = sixHanded();
    const report = d.fake(table).finishHand({});
    const more: HandReport = { ...report, seats: report.seats.map((s, i) => (i === 0 ? { ...s, stack: s.stack + 1 } : s)) };
    const before = JSON.stringify(d.t.state);
    assert.throws(() => d.t.handEnded(more, d.now), refused('chips_mismatch'));
    assert.throws(() => d.t.handEnded({ ...report, startStacks: { ...report.startStacks, [report.seats[0].playerId]: 1 } }, d.now), refused('chips_mismatch'));
    assert.equal(JSON.stringify(d.t.state), before);
  });

  it('when a report seats a player the tournament has elsewhere then it is refused as bad_report', () => {
    const { d, table } = sixHanded();
    const report = d.fake(table).finishHand({});
    const moved: HandReport = { ...report, seats: report.seats.map((s, i) => (i === 0 ? { ...s, seat: (s.seat + 1) % 6 } : s)) };
    assert.throws(() => d.t.handEnded(moved, d.now), refused('bad_report'));
    assert.throws(() => d.t.handEnded({ ...report, seats: [...report.seats, { seat: 0, playerId: 'stranger', stack: 5 }] }, d.now), refused('bad_report'));
  });

  it('when a hand ends then the stacks it reports are the standings', () => {
    const { d, table } = sixHanded();
    const [a, b] = d.dealtAt(table);
    d.endHand(table, { [a]: 500, [b]: 2500 });
    const standings = d.t.standings();
    assert.deepEqual([standings[0].playerId, standings[0].stack, standings[0].tableId], [b, 2500, table]);
    assert.deepEqual([standings[5].playerId, standings[5].stack], [a, 500]);
  });
});

describe('places and prizes', () => {
  it('when two players go out in one hand then the one who began it with more chips places higher', () => {
    const { d, table } = sixHanded();
    const [a, b, c] = d.dealtAt(table);
    d.endHand(table, { [a]: 1000, [b]: 2000 });
    const events = d.bust(table, [a, c], b);
    assert.deepEqual(d.of('eliminated', events).map((e) => [e.playerId, e.place]), [[c, 5], [a, 6]]);
  });

  it('when players go out in one hand with equal stacks then they share the places and the prizes of those places', () => {
    const { d, table } = sixHanded();
    const [a, b, c] = d.dealtAt(table);
    const first = d.bust(table, [a, b], c);
    assert.deepEqual(d.of('eliminated', first).map((e) => e.place), [5, 5]);
    const [e, f] = d.dealtAt(table).filter((id) => id !== c);
    const second = d.bust(table, [e, f], c);
    assert.deepEqual(d.of('eliminated', second).map((x) => [x.place, x.prize]), [[3, 60], [3, 60]]);
    assert.deepEqual(d.of('payPrize', second).map((x) => x.amount), [60, 60]);
  });

  it('when one player is left then they win first prize, the table closes and the standings are final', () => {
    const { d, table } = sixHanded();
    for (let out = 0; out < 4; out++) {
      const [a, b] = d.dealtAt(table);
      d.bust(table, [a], b);
    }
    const [a, b] = d.dealtAt(table);
    const events = d.bust(table, [a], b);
    assert.deepEqual(events.map((e) => e.type), ['busted', 'eliminated', 'payPrize', 'payPrize', 'closeTable', 'finished']);
    assert.equal(d.t.summary().status, 'finished');
    const finished = d.of('finished', events)[0];
    assert.deepEqual(finished.standings.map((s) => s.place), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(finished.standings.map((s) => s.prize), [300, 180, 120, null, null, null]);
    assert.equal(finished.standings[0].stack, 9000);
    assert.equal([...d.paid].filter(([key]) => key.startsWith('tournament-prize')).reduce((n, [, v]) => n + v, 0), 600);
    assert.deepEqual(d.t.pendingWork(), []);
  });

  it('when a prize is paid twice then the second answer changes nothing, and an unknown key is refused as unknown_prize', () => {
    const { d, table } = sixHanded();
    for (let out = 0; out < 4; out++) {
      const [a, b] = d.dealtAt(table);
      d.bust(table, [a], b);
    }
    const prize = d.t.state.results.find((r) => r.prize > 0)!;
    assert.deepEqual(d.run((t, now) => t.prizePaid(prize.prizeKey!, now)), []);
    assert.throws(() => d.t.prizePaid('tournament-prize:t1:nobody:1', d.now), refused('unknown_prize'));
  });
});

describe('hand-for-hand', () => {
  /** Twelve players at two tables; seven places paid, so the bubble comes with eight in at two tables. */
  function atTheBubble(): Driver {
    const d = new Driver(sitAndGo(12, 6, { payouts: [30, 20, 15, 12, 10, 8, 5] }));
    d.register(12);
    playDownTo(d, 9);
    return d;
  }

  it('when the bubble comes at two tables then the tables with a hand in play finish it while the others wait, then every table deals one hand', () => {
    const d = atTheBubble();
    const tables = d.tableIds();
    const [first, second] = tables;
    const dealt = d.dealtAt(first).sort((a, b) => stackOf(d, b) - stackOf(d, a));
    const started = d.bust(first, [dealt[dealt.length - 1]], dealt[0]);
    assert.deepEqual(d.of('handForHandStarted', started), [{ type: 'handForHandStarted', remaining: 8, round: 0 }]);
    assert.equal(d.of('deal', started).length, 0, 'the table waits for the hands in play');
    // Deals may come with the answers to moves made between rounds: look at everything the actor carried out since.
    const since = (run: () => void) => {
      const from = d.log.length;
      run();
      return d.of('deal', d.log.slice(from)).map((e) => e.tableId).sort();
    };
    assert.deepEqual(since(() => d.endHand(second)), [...tables].sort());
    assert.equal(d.t.detail(d.now).handForHandRound, 1);
    assert.deepEqual(since(() => d.endHand(first)), [], 'a table whose hand of the round is over waits');
    assert.deepEqual(since(() => d.endHand(second)), [...tables].sort(), 'the next round deals at every table');
  });

  it('when players go out at two tables in one round then they are placed together by their stacks, and hand-for-hand ends', () => {
    const d = atTheBubble();
    const [first, second] = d.tableIds();
    const dealt = d.dealtAt(first).sort((a, b) => stackOf(d, b) - stackOf(d, a));
    d.bust(first, [dealt[dealt.length - 1]], dealt[0]);
    d.endHand(second);
    const big = d.dealtAt(first).sort((a, b) => stackOf(d, b) - stackOf(d, a));
    const small = d.dealtAt(second).sort((a, b) => stackOf(d, b) - stackOf(d, a));
    const [bigLoser, smallLoser] = [big[0], small[small.length - 1]];
    assert.ok(stackOf(d, bigLoser) > stackOf(d, smallLoser));
    const one = d.bust(first, [bigLoser], big[1]);
    assert.deepEqual(d.of('eliminated', one), [], 'not placed before the round is over');
    const two = d.bust(second, [smallLoser], small[0]);
    assert.deepEqual(d.of('eliminated', two).map((e) => [e.playerId, e.place, e.prize]), [
      [bigLoser, 7, 60],
      [smallLoser, 8, 0],
    ]);
    assert.deepEqual(d.of('handForHandEnded', two), [{ type: 'handForHandEnded', remaining: 6 }]);
  });

  it('when two players with equal stacks go out in one round at two tables then they share the bubble place and its prize', () => {
    const d = atTheBubble();
    const [first, second] = d.tableIds();
    const dealt = d.dealtAt(first).sort((a, b) => stackOf(d, b) - stackOf(d, a));
    d.bust(first, [dealt[dealt.length - 1]], dealt[0]);
    d.endHand(second);
    const even = (table: string): [string, string] => {
      const ids = d.dealtAt(table);
      const loser = ids.find((id) => stackOf(d, id) === 1500)!;
      return [loser, ids.find((id) => id !== loser)!];
    };
    const [l1, w1] = even(first);
    const [l2, w2] = even(second);
    d.bust(first, [l1], w1);
    const events = d.bust(second, [l2], w2);
    assert.deepEqual(d.of('eliminated', events).map((e) => [e.place, e.prize]), [[7, 30], [7, 30]]);
  });
});
