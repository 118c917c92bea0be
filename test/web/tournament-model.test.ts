import assert from 'node:assert/strict';
import {
  clockView, formatCountdown, isEntered, myTable, ordinal, readTournamentState, resultText, standingRows, startsAtMs,
  type Standing, type TournamentDetail,
} from '../../web/src/shared/tournament-model.ts';

function detail(overrides: Partial<TournamentDetail> = {}): TournamentDetail {
  return {
    tournamentId: 't1', name: 'Friday SNG', kind: 'sng', variant: 'NT', status: 'running', buyIn: 100, fee: 10, startingStack: 1500,
    tableSize: 6, entrants: 6, minEntrants: 2, maxEntrants: 6, startsAt: null,
    level: { number: 2, smallBlind: 15, bigBlind: 30, ante: 0, endsAt: 120_000 }, onBreak: false, breakEndsAt: null,
    prizePool: 600, payouts: [{ place: 1, amount: 390 }, { place: 2, amount: 210 }], remaining: 5, standings: [], tables: [],
    ...overrides,
  };
}

const standing = (name: string, fields: Partial<Standing> = {}): Standing => ({ playerId: `p-${name}`, name, stack: null, tableId: null, place: null, prize: null, ...fields });

describe('web: a tournament as its pages show it', () => {
  it('when only the detail is known then the clock shows its level, the time it ends and the next level from the structure', () => {
    const clock = clockView(detail({ structure: { levels: [{ smallBlind: 10, bigBlind: 20, ante: 0, seconds: 300 }, { smallBlind: 15, bigBlind: 30, ante: 0, seconds: 300 }, { smallBlind: 25, bigBlind: 50, ante: 5, seconds: 300 }], breakEvery: 3, breakSeconds: 300 } }), null);
    assert.deepEqual(clock, { level: 2, smallBlind: 15, bigBlind: 30, ante: 0, onBreak: false, paused: false, endsAt: 120_000, next: { smallBlind: 25, bigBlind: 50, ante: 5 }, levelsToBreak: 2 });
  });

  it('when the tournament room is joined then its live level wins over the detail read earlier, and a break counts down to its end', () => {
    const live = readTournamentState({ tournamentId: 't1', level: 4, smallBlind: 50, bigBlind: 100, ante: 10, levelEndsAt: 500_000, onBreak: true, breakEndsAt: 200_000 });
    const clock = clockView(detail(), live);
    assert.equal(clock?.level, 4);
    assert.equal(clock?.bigBlind, 100);
    assert.equal(clock?.onBreak, true);
    assert.equal(clock?.endsAt, 200_000);
    assert.equal(clock?.next, null, 'no structure, no next level');
    const before = readTournamentState({ tournamentId: 't1', level: 1, status: 'registering' });
    assert.equal(clockView(detail({ status: 'registering' }), before)?.bigBlind, 30, 'a room without blinds yet leaves the detail\'s level');
    assert.equal(clockView(detail(), readTournamentState({ level: 2, smallBlind: 15, bigBlind: 30, paused: true }))?.paused, true);
  });

  it('when no level is in play then there is no clock; before the start the first level shows without a countdown', () => {
    assert.equal(clockView(detail({ level: null, status: 'finished' }), null), null);
    assert.equal(clockView(detail({ status: 'registering', level: { number: 1, smallBlind: 10, bigBlind: 20, ante: 0, endsAt: null } }), null)?.endsAt, null);
  });

  it('when the standings are shown then players still in come first by stack, then players out by place, with the viewer marked', () => {
    const rows = standingRows([
      standing('Out2', { place: 5, stack: 0 }), standing('Small', { stack: 500, tableId: 'a' }), standing('Big', { stack: 4000, tableId: 'b' }),
      standing('Out1', { place: 6, stack: 0 }), standing('Me', { stack: 1200, tableId: 'a' }),
    ], 'p-Me');
    assert.deepEqual(rows.map((r) => [r.name, r.rank, r.isMe, r.out]), [
      ['Big', 1, false, false], ['Me', 2, true, false], ['Small', 3, false, false], ['Out2', 5, false, true], ['Out1', 6, false, true],
    ]);
  });

  it('when the viewer is in the standings then they are entered and their table is the one listed until they are out', () => {
    const d = detail({ standings: [standing('Me', { stack: 1500, tableId: 'tab-1' }), standing('You', { place: 6, stack: 0 })] });
    assert.equal(isEntered(d, 'p-Me'), true);
    assert.equal(isEntered(d, 'p-Other'), false);
    assert.equal(myTable(d, 'p-Me'), 'tab-1');
    assert.equal(myTable(d, 'p-You'), null);
  });

  it('when times, places and results are written then they read as people say them', () => {
    assert.equal(formatCountdown(125_000), '2:05');
    assert.equal(formatCountdown(3_725_000), '1:02:05');
    assert.equal(formatCountdown(-5), '0:00');
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']);
    assert.equal(resultText(2, 210, String), 'You finished 2nd and won 210.');
    assert.equal(resultText(5, 0, String), 'You finished 5th.');
    assert.equal(startsAtMs({ startsAt: null }), null);
    assert.equal(startsAtMs({ startsAt: 1_700_000_000_000 }), 1_700_000_000_000);
    assert.equal(startsAtMs({ startsAt: '2026-12-24T20:00:00Z' }), Date.parse('2026-12-24T20:00:00Z'));
  });

  it('when the room\'s state is partial (schema numbers start undefined) then it reads with zeros and false', () => {
    assert.deepEqual(readTournamentState({ tournamentId: 't1', name: 'X' }), {
      tournamentId: 't1', name: 'X', status: '', level: 0, smallBlind: 0, bigBlind: 0, ante: 0, levelEndsAt: 0,
      onBreak: false, breakEndsAt: 0, entrants: 0, remaining: 0, prizePool: 0, paused: false,
    });
  });
});
