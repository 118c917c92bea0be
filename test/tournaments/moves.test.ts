import assert from 'node:assert/strict';
import { Driver, T0, refused } from './driver.ts';
import { scheduled, sitAndGo } from './definitions.ts';
import type { TournamentEvent } from '../../src/tournaments/events.ts';

/** Twelve players at two six-seat tables; two go out at the first table, whose hand is then over while the second's is in play. */
function unbalanced(): { d: Driver; short: string; long: string } {
  const d = new Driver(sitAndGo(12, 6));
  d.register(12);
  const [short, long] = d.tableIds();
  const [a, b, c] = d.dealtAt(short);
  d.bust(short, [a, b], c);
  d.auto = false;
  return { d, short, long };
}

function only<T extends TournamentEvent['type']>(d: Driver, type: T): Extract<TournamentEvent, { type: T }> {
  const found = d.held.filter((e) => e.type === type);
  assert.equal(found.length, 1, `one ${type}`);
  return found[0] as Extract<TournamentEvent, { type: T }>;
}

describe('moves', () => {
  it('when a table has two players more than another then, once its hand is over, one player is released from it (which then deals) and seated at the short table', () => {
    const { d, short, long } = unbalanced();
    assert.equal(d.of('releasePlayer').length, 0, 'no move from a table with a hand in play');
    const ended = d.endHand(long);
    const release = only(d, 'releasePlayer');
    assert.equal(release.tableId, long);
    assert.equal(d.of('deal', ended).length, 0, 'the long table waits for the release');
    const stack = d.fake(long).releasePlayer(release.moveId, release.playerId);
    const released = d.run((t, now) => t.moveReleased(release.moveId, stack, now));
    assert.deepEqual(released.map((e) => e.type), ['seatPlayers', 'deal']);
    assert.equal(d.of('deal', released)[0].tableId, long, 'the long table deals once the player has left it');
    const seat = d.of('seatPlayers', released)[0];
    assert.equal(seat.tableId, short);
    assert.deepEqual(seat.seats.map((s) => [s.moveId, s.playerId, s.stack]), [[release.moveId, release.playerId, stack]]);
    d.fake(short).seatPlayers(seat.seats);
    const seated = d.run((t, now) => t.moveSeated(release.moveId, now));
    // The short table is playing a hand: the player is dealt in from its next one.
    assert.deepEqual(seated.map((e) => e.type), ['moved']);
    assert.deepEqual(d.of('moved', seated)[0], { type: 'moved', moveId: release.moveId, playerId: release.playerId, fromTableId: long, tableId: short, seat: seat.seats[0].seat });
    assert.deepEqual(d.t.detail(d.now).tables.map((t) => t.seated), [5, 5]);
  });

  it('when a release or a seating is answered twice then the second answer changes nothing', () => {
    const { d, long } = unbalanced();
    d.endHand(long);
    const release = only(d, 'releasePlayer');
    const stack = d.fake(long).releasePlayer(release.moveId, release.playerId);
    d.run((t, now) => t.moveReleased(release.moveId, stack, now));
    assert.deepEqual(d.run((t, now) => t.moveReleased(release.moveId, stack, now)), []);
    d.run((t, now) => t.moveSeated(release.moveId, now));
    assert.deepEqual(d.run((t, now) => t.moveSeated(release.moveId, now)), []);
    assert.deepEqual(d.run((t, now) => t.moveReleased(release.moveId, stack, now)), []);
  });

  it('when a seating is answered before the release then it is refused as move_not_released', () => {
    const { d, long } = unbalanced();
    d.endHand(long);
    const release = only(d, 'releasePlayer');
    assert.throws(() => d.t.moveSeated(release.moveId, d.now), refused('move_not_released'));
  });

  it('when a table releases a player with another stack than the tournament knows then it is refused as chips_mismatch', () => {
    const { d, long } = unbalanced();
    d.endHand(long);
    const release = only(d, 'releasePlayer');
    assert.throws(() => d.t.moveReleased(release.moveId, 1, d.now), refused('chips_mismatch'));
  });

  it('when an answer names a move never made then it is refused as unknown_move', () => {
    const { d } = unbalanced();
    assert.throws(() => d.t.moveReleased('m999', 100, d.now), refused('unknown_move'));
    assert.throws(() => d.t.moveSeated('nonsense', d.now), refused('unknown_move'));
  });

  it('when the players fit at fewer tables then the highest-numbered table is broken: each player released and seated, then it closes', () => {
    const d = new Driver(sitAndGo(12, 6));
    d.register(12);
    const [first, second] = d.tableIds();
    for (let out = 0; out < 6; out++) {
      const fake = [...d.fakes.values()].find((f) => f.hand && f.players().length > 2)!;
      const [a, b] = d.dealtAt(fake.tableId);
      d.bust(fake.tableId, [a], b);
    }
    d.endAllHands();
    d.endAllHands();
    assert.deepEqual(d.tableIds(), [first]);
    assert.deepEqual(d.of('closeTable').map((e) => e.tableId), [second]);
    const releasedFrom = new Set(d.of('releasePlayer').filter((e) => e.tableId === second).map((e) => e.playerId));
    assert.ok(d.fake(second).players().length === 0 && releasedFrom.size > 0);
    assert.equal(d.fake(first).players().length, 6);
    assert.equal(d.t.state.tables.find((t) => t.tableId === second)!.status, 'closed');
  });

  it('when a late entrant is given a seat a player is still being released from then their seatPlayers waits for that release', () => {
    let seen = false;
    for (let seed = 1; seed <= 40 && !seen; seed++) {
      const d = new Driver(scheduled(T0 + 1000, { minEntrants: 2, tableSize: 6, lateRegistrationLevels: 3 }), seed);
      d.register(12);
      d.wait(1000);
      const [t1, t2] = d.tableIds();
      d.auto = false;
      // Four go out at table 2 while table 1 plays its hand: 6 against 2.
      for (let out = 0; out < 4; out++) {
        const [a, b] = d.dealtAt(t2);
        d.bust(t2, [a], b);
        d.release((e) => e.type === 'deal');
      }
      d.endHand(t1);
      const releases = d.held.filter((e) => e.type === 'releasePlayer');
      assert.equal(releases.length, 2);
      const events = d.enter('late');
      const player = d.t.state.players.find((p) => p.playerId === 'late')!;
      const vacated = d.t.state.moves.find((m) => m.phase === 'decided' && m.fromTable === player.tableId && m.fromSeat === player.seat);
      if (!vacated) continue;
      seen = true;
      assert.equal(d.of('seatPlayers', events).length, 0, 'the seat is still taken at the table');
      d.auto = true;
      const from = d.log.length;
      d.release((e) => e.type === 'releasePlayer' && e.moveId === vacated.moveId);
      const seats = d.of('seatPlayers', d.log.slice(from)).flatMap((e) => e.seats.map((s) => s.playerId));
      assert.ok(seats.includes('late'), 'seated once the seat is free');
    }
    assert.ok(seen, 'a seed put the entrant in a seat being vacated');
  });
});

describe('pending work', () => {
  it('when the tournament is restored then pendingWork lists every call not answered, and carrying it out completes each move once', () => {
    const { d, long } = unbalanced();
    d.endHand(long);
    const release = only(d, 'releasePlayer');
    // The table released the player, but its answer was lost with the actor.
    d.fake(long).releasePlayer(release.moveId, release.playerId);
    d.held = [];
    d.crash(10_000);
    const work = d.t.pendingWork();
    assert.deepEqual(work.map((e) => e.type), ['releasePlayer', 'deal']);
    d.auto = true;
    d.carry(work);
    assert.deepEqual(d.t.pendingWork().map((e) => e.type), ['deal', 'deal']);
    assert.equal(d.t.state.moves.length, 0);
    for (const fake of d.fakes.values()) for (const [, times] of fake.applied) assert.equal(times, 1);
    d.t.verifyChips();
  });

  it('when the tournament is restored after a prize was decided and before it was paid then the prize is listed under the same key, and paying it twice pays once', () => {
    const d = new Driver(sitAndGo(6, 6, { payouts: [50, 30, 20] }));
    d.register(6);
    const table = d.tableIds()[0];
    for (let out = 0; out < 3; out++) {
      const [a, b] = d.dealtAt(table);
      d.bust(table, [a], b);
    }
    d.auto = false;
    const [a, b] = d.dealtAt(table);
    const decided = d.of('payPrize', d.bust(table, [a], b));
    assert.equal(decided.length, 1);
    d.held = [];
    d.crash(5_000);
    const again = d.of('payPrize', d.t.pendingWork());
    assert.deepEqual(again, decided);
    d.auto = true;
    d.carry(again);
    d.carry(again);
    assert.equal(d.paid.get(decided[0].key), 120);
    assert.deepEqual(d.of('payPrize', d.t.pendingWork()), []);
  });
});
