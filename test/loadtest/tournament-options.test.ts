import assert from 'node:assert/strict';
import { UsageError } from '../../loadtest/options.ts';
import { levelsFor } from '../../loadtest/tournament-load.ts';
import { asksForTournament, parseTournamentOptions } from '../../loadtest/tournament-options.ts';

describe('loadtest tournament options', () => {
  it('when --tournament is on the command line then it is a tournament run, else a cash run', () => {
    assert.equal(asksForTournament(['--tournament', 'sng']), true);
    assert.equal(asksForTournament(['--tournament=mtt']), true);
    assert.equal(asksForTournament(['--tables', '3']), false);
  });

  it('when an sng of 18 is asked with --spawn then the defaults play instantly at nine-handed tables', () => {
    const options = parseTournamentOptions(['--tournament', 'sng', '--entrants', '18', '--spawn'], {});
    assert.equal(options.kind, 'sng');
    assert.equal(options.entrants, 18);
    assert.equal(options.thinkMs, 0);
    assert.equal(options.tableSize, 9);
    assert.equal(options.levelSeconds, 60);
    assert.equal(options.spawn, true);
  });

  it('when the kind is neither sng nor mtt then the usage error names the flag', () => {
    assert.throws(() => parseTournamentOptions(['--tournament', 'freezeout', '--spawn'], {}), (error: Error) => error instanceof UsageError && /--tournament must be sng or mtt/.test(error.message));
  });

  it('when there is no admin for a server that is not spawned then the error says how to give one', () => {
    assert.throws(() => parseTournamentOptions(['--tournament', 'mtt'], {}), /FELT_ADMIN_USERNAME/);
    const options = parseTournamentOptions(['--tournament', 'mtt'], { FELT_ADMIN_USERNAME: 'a', FELT_ADMIN_PASSWORD: 'b' });
    assert.deepEqual(options.admin, { username: 'a', password: 'b' });
  });

  it('when a count is not a whole number in range then the error names the flag', () => {
    assert.throws(() => parseTournamentOptions(['--tournament', 'sng', '--entrants', '1', '--spawn'], {}), /--entrants must be a whole number of at least 2/);
    assert.throws(() => parseTournamentOptions(['--tournament', 'sng', '--table-size', '12', '--spawn'], {}), /--table-size must be at most 10/);
  });

  it('when --variant names a stud or draw game then it is played, at tables no larger than the game seats', () => {
    assert.equal(parseTournamentOptions(['--tournament', 'sng', '--spawn'], {}).variant, 'NT');
    const stud = parseTournamentOptions(['--tournament', 'sng', '--variant', 'F7S', '--spawn'], {});
    assert.deepEqual([stud.variant, stud.tableSize], ['F7S', 8]);
    const draw = parseTournamentOptions(['--tournament', 'sng', '--variant', 'F2L3D', '--table-size', '5', '--spawn'], {});
    assert.deepEqual([draw.variant, draw.tableSize], ['F2L3D', 5]);
    assert.throws(() => parseTournamentOptions(['--tournament', 'sng', '--variant', 'FB', '--table-size', '7', '--spawn'], {}), (error: Error) => error instanceof UsageError && /--table-size must be at most 6 for FB/.test(error.message));
    assert.throws(() => parseTournamentOptions(['--tournament', 'sng', '--variant', 'XX', '--spawn'], {}), (error: Error) => error instanceof UsageError && /--variant must be one of NT/.test(error.message));
  });

  it('when levels are made then the blinds rise every level, the small blind is half the big, and antes start at level four', () => {
    const levels = levelsFor(60, 12);
    assert.equal(levels.length, 12);
    for (let i = 1; i < levels.length; i++) assert.ok(levels[i].bigBlind > levels[i - 1].bigBlind, `level ${i + 1} rises`);
    for (const level of levels) {
      assert.equal(level.smallBlind, Math.floor(level.bigBlind / 2));
      assert.equal(level.seconds, 60);
    }
    assert.deepEqual(levels.slice(0, 3).map((level) => level.ante), [0, 0, 0]);
    assert.ok(levels[3].ante > 0);
  });
});
