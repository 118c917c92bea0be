import assert from 'node:assert/strict';
import { Tournament } from '../../src/tournaments/Tournament.ts';
import { Driver, T0, refused } from './driver.ts';
import { scheduled, sitAndGo } from './definitions.ts';

describe('Tournament', () => {
  describe('create', () => {
    it('when the definition is refused by verifyDefinition then create refuses it with the same code', () => {
      assert.throws(() => Tournament.create('t1', sitAndGo(6, 6, { tableSize: 11 }), T0), refused('bad_table_size'));
      assert.throws(() => Tournament.create('t1', scheduled(T0 - 1), T0), refused('bad_starts_at'));
      assert.throws(() => Tournament.create('', sitAndGo(6, 6), T0), refused('bad_tournament_id'));
    });

    it('when a tournament is created then it is registering with nobody in, and its definition is its own copy', () => {
      const def = sitAndGo(6, 6);
      const t = Tournament.create('t1', def, T0);
      def.buyIn = 5;
      assert.equal(t.summary().buyIn, 100);
      assert.equal(t.summary().status, 'registering');
      assert.equal(t.state.version, 0);
    });
  });

  describe('commands', () => {
    it('when a command applies then the version goes up; when it is refused then it does not', () => {
      const d = new Driver(sitAndGo(6, 6));
      d.enter('ann');
      const version = d.t.state.version;
      assert.throws(() => d.t.pause(d.now), refused('tournament_not_running'));
      assert.equal(d.t.state.version, version);
      d.enter('bob');
      assert.ok(d.t.state.version > version);
    });

    it('when a time is not whole epoch milliseconds then the command is refused as bad_time', () => {
      const d = new Driver(sitAndGo(6, 6));
      assert.throws(() => d.t.tick(Number.NaN), refused('bad_time'));
      assert.throws(() => d.t.register('ann', 'Ann', -1), refused('bad_time'));
    });
  });

  describe('restore', () => {
    it('when restored then every command waits for resumeAfterRestore (restore_pending), which comes once (not_restoring)', () => {
      const d = new Driver(sitAndGo(6, 6));
      d.register(6);
      const t = Tournament.restore(JSON.parse(JSON.stringify(d.t.state)));
      assert.throws(() => t.tick(d.now), refused('restore_pending'));
      assert.equal(t.summary().status, 'running', 'queries answer');
      t.resumeAfterRestore(d.now + 1000);
      assert.throws(() => t.resumeAfterRestore(d.now + 2000), refused('not_restoring'));
      assert.doesNotThrow(() => t.tick(d.now + 2000));
    });

    it('when the tournament was down then the time down is not charged to the level', () => {
      const d = new Driver(sitAndGo(6, 6));
      d.register(6);
      d.wait(100_000);
      assert.equal(d.t.detail(d.now).level.endsAt, T0 + 600_000);
      d.crash(3_600_000);
      const detail = d.t.detail(d.now);
      assert.equal(detail.level.number, 1);
      assert.equal(detail.level.endsAt, T0 + 600_000 + 3_600_000);
    });

    it('when the tournament was paused before it went down then resuming after the restore still needs the operator', () => {
      const d = new Driver(sitAndGo(6, 6));
      d.register(6);
      d.run((t, now) => t.pause(now));
      d.endAllHands();
      const events = d.crash(60_000);
      assert.equal(d.of('deal', events).length, 0);
      assert.equal(d.t.detail(d.now).paused, true);
      assert.equal(d.of('deal', d.run((t, now) => t.resume(now))).length, 1);
    });

    it('when a scheduled start passed while the tournament was down then it starts on resumeAfterRestore', () => {
      const d = new Driver(scheduled(T0 + 60_000, { minEntrants: 2 }));
      d.register(3);
      const events = d.crash(120_000);
      assert.equal(d.t.summary().status, 'running');
      assert.equal(d.of('openTable', events).length, 1);
    });

    it('when the state goes through JSON then the restored tournament answers the same queries', () => {
      const d = new Driver(scheduled(T0 + 60_000, { minEntrants: 2, lateRegistrationLevels: 1 }));
      d.register(14);
      d.wait(60_000);
      d.endAllHands();
      const t = Tournament.restore(JSON.parse(JSON.stringify(d.t.state)));
      assert.deepEqual(t.detail(d.now), d.t.detail(d.now));
      assert.deepEqual(t.chipsInPlay(), d.t.chipsInPlay());
      assert.deepEqual(t.pendingWork(), d.t.pendingWork());
    });
  });

  describe('views', () => {
    it('when asked for the summary then it has exactly the fields PROTOCOL.md names', () => {
      const d = new Driver(scheduled(T0 + 60_000));
      d.register(3);
      assert.deepEqual(d.t.summary(), {
        tournamentId: 't1', name: 'Sunday MTT', kind: 'mtt', variant: 'NT', status: 'registering', buyIn: 100, fee: 10,
        startingStack: 10_000, tableSize: 9, entrants: 3, minEntrants: 10, maxEntrants: 5000, startsAt: T0 + 60_000,
      });
    });

    it('when asked for the detail of a running tournament then it has the level, break, pool, payouts, remaining, standings and tables', () => {
      const d = new Driver(sitAndGo(6, 6));
      d.register(6);
      const table = d.tableIds()[0];
      const [a, b] = d.dealtAt(table);
      d.bust(table, [a], b);
      const detail = d.t.detail(d.now);
      assert.deepEqual(detail.level, { number: 1, smallBlind: 25, bigBlind: 50, ante: 0, endsAt: T0 + 600_000 });
      assert.equal(detail.onBreak, false);
      assert.equal(detail.breakEndsAt, null);
      assert.equal(detail.prizePool, 600);
      assert.deepEqual(detail.payouts, [{ place: 1, amount: 390 }, { place: 2, amount: 210 }]);
      assert.equal(detail.remaining, 5);
      assert.deepEqual(detail.tables, [{ tableId: table, seated: 5 }]);
      assert.deepEqual(Object.keys(detail.standings[0]).sort(), ['entry', 'name', 'place', 'playerId', 'prize', 'stack', 'tableId']);
      assert.deepEqual(detail.standings[0], { playerId: b, name: `Name ${b}`, entry: 1, stack: 3000, tableId: table, place: null, prize: null });
      assert.deepEqual(detail.standings[5], { playerId: a, name: `Name ${a}`, entry: 1, stack: 0, tableId: null, place: 6, prize: null });
    });

    it('when the state loses a chip then verifyChips refuses it as chips_mismatch, and a player without a seat fails verifySeats', () => {
      const d = new Driver(sitAndGo(6, 6));
      d.register(6);
      d.t.verifyChips();
      d.t.verifySeats();
      d.t.state.players[0].stack -= 1;
      assert.throws(() => d.t.verifyChips(), refused('chips_mismatch'));
      d.t.state.players[0].stack += 1;
      const table = d.t.state.tables[0];
      table.seats[table.seats.indexOf(d.t.state.players[0].playerId)] = null;
      assert.throws(() => d.t.verifySeats(), refused('seating_mismatch'));
    });

    it('when chips are on their way then chipsInPlay says where they are', () => {
      const d = new Driver(sitAndGo(6, 6));
      d.auto = false;
      d.register(6);
      assert.deepEqual(d.t.chipsInPlay(), { onTables: 0, inMoves: 9000, inAdds: 0, total: 9000, expected: 9000 });
      d.auto = true;
      d.release();
      assert.deepEqual(d.t.chipsInPlay(), { onTables: 9000, inMoves: 0, inAdds: 0, total: 9000, expected: 9000 });
    });
  });
});
