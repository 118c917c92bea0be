import assert from 'node:assert/strict';
import { breakCount, breakFollows, pauseClock, readClock, resumeClock, type ClockSettings } from '../../../src/tournaments/rules/clock.ts';
import { refused } from './helpers.ts';

const T0 = 1_000_000;
const MIN = 60_000;
// Three ten-minute levels and a five-minute break after every two levels.
const SETTINGS: ClockSettings = {
  levels: [
    { smallBlind: 10, bigBlind: 20, ante: 0, seconds: 600 },
    { smallBlind: 20, bigBlind: 40, ante: 0, seconds: 600 },
    { smallBlind: 30, bigBlind: 60, ante: 5, seconds: 600 },
  ],
  breakEvery: 2,
  breakSeconds: 300,
};
const running = { startedAt: T0, pausedMs: 0 };

describe('readClock', () => {
  it('when play has just started then level 1 runs and ends after its duration', () => {
    const r = readClock(SETTINGS, running, T0);
    assert.equal(r.level, 1);
    assert.equal(r.blinds.bigBlind, 20);
    assert.equal(r.levelEndsAt, T0 + 10 * MIN);
    assert.equal(r.onBreak, false);
    assert.deepEqual(r.nextLevel, { number: 2, blinds: SETTINGS.levels[1] });
    assert.equal(r.mayDeal, true);
  });

  it('when a level\'s time is up then the next level runs at once', () => {
    const r = readClock(SETTINGS, running, T0 + 10 * MIN);
    assert.equal(r.level, 2);
    assert.equal(r.levelEndsAt, T0 + 20 * MIN);
  });

  it('when the levels before a break are over then the break runs, no table may deal, and level 3 follows it', () => {
    const r = readClock(SETTINGS, running, T0 + 21 * MIN);
    assert.equal(r.onBreak, true);
    assert.equal(r.breakNumber, 1);
    assert.equal(r.breakEndsAt, T0 + 25 * MIN);
    assert.equal(r.level, 2, 'on a break the level is the one just ended');
    assert.equal(r.levelEndsAt, null);
    assert.equal(r.nextLevel?.number, 3);
    assert.equal(r.mayDeal, false);
  });

  it('when the break is over then the next level runs, its duration counted from the break\'s end', () => {
    const r = readClock(SETTINGS, running, T0 + 25 * MIN);
    assert.equal(r.onBreak, false);
    assert.equal(r.level, 3);
    assert.equal(r.mayDeal, true);
  });

  it('when the last level is running then it never ends and nothing follows it, with no break after it', () => {
    const r = readClock(SETTINGS, running, T0 + 500 * MIN);
    assert.equal(r.level, 3);
    assert.equal(r.levelEndsAt, null);
    assert.equal(r.nextLevel, null);
    assert.equal(r.onBreak, false);
  });

  it('when the clock has been paused then the paused time is not charged to the level', () => {
    const r = readClock(SETTINGS, { startedAt: T0, pausedMs: 4 * MIN }, T0 + 12 * MIN);
    assert.equal(r.level, 1);
    assert.equal(r.playedMs, 8 * MIN);
    assert.equal(r.levelEndsAt, T0 + 14 * MIN);
  });

  it('when the clock is paused now then it is frozen, no table may deal, and the ends are as if play resumed now', () => {
    const times = { startedAt: T0, pausedMs: 0, pausedAt: T0 + 5 * MIN };
    const early = readClock(SETTINGS, times, T0 + 6 * MIN);
    const late = readClock(SETTINGS, times, T0 + 60 * MIN);
    assert.equal(late.level, 1);
    assert.equal(late.playedMs, 5 * MIN);
    assert.equal(late.paused, true);
    assert.equal(late.mayDeal, false);
    assert.equal(early.levelEndsAt, T0 + 11 * MIN);
    assert.equal(late.levelEndsAt, T0 + 65 * MIN);
  });

  it('when the clock is paused and resumed then the time down joins pausedMs and the level goes on where it stopped', () => {
    const paused = pauseClock(running, T0 + 5 * MIN);
    const resumed = resumeClock(paused, T0 + 35 * MIN);
    assert.deepEqual(resumed, { startedAt: T0, pausedMs: 30 * MIN, pausedAt: null });
    const r = readClock(SETTINGS, resumed, T0 + 36 * MIN);
    assert.equal(r.level, 1);
    assert.equal(r.playedMs, 6 * MIN);
  });

  it('when pausing a paused clock or resuming a running one then it is refused', () => {
    assert.throws(() => pauseClock({ ...running, pausedAt: T0 }, T0 + 1), refused('already_paused'));
    assert.throws(() => resumeClock(running, T0 + 1), refused('not_paused'));
  });

  it('when read a little before the start then it reads as the start of level 1', () => {
    const r = readClock(SETTINGS, running, T0 - 500);
    assert.equal(r.level, 1);
    assert.equal(r.playedMs, 0);
  });

  it('when the structure has no breaks then the levels follow each other directly', () => {
    const r = readClock({ levels: SETTINGS.levels }, running, T0 + 21 * MIN);
    assert.equal(r.onBreak, false);
    assert.equal(r.level, 3);
  });

  it('when a break every level is set then breaks come after each level but the last', () => {
    const settings = { ...SETTINGS, breakEvery: 1, breakSeconds: 60 };
    assert.equal(breakCount(3, 1), 2);
    assert.deepEqual([1, 2, 3].map((n) => breakFollows(settings, n)), [true, true, false]);
    const second = readClock(settings, running, T0 + 21 * MIN + 30_000);
    assert.equal(second.breakNumber, 2);
    assert.equal(second.level, 2);
  });
});
