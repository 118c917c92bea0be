/**
 * The tournament clock: which level is running, and when breaks come.
 *
 * Playing time starts at `startedAt` and stops while the tournament is
 * paused: the time it was down is not charged to the level or the break that
 * was running. The timeline is level 1, level 2, …, with a break of
 * `breakSeconds` after every `breakEvery` levels (after level N, 2N, …), but
 * none after the last level, which then lasts until the tournament ends.
 * Breaks are on the tournament's clock, the same for every table: a table
 * finishes the hand in play when a break starts and deals no other until it
 * ends. A new level takes effect at each table's next hand.
 */
import { IllegalActionError } from '../../engine/errors.ts';
import type { Level } from './structure.ts';

export type ClockSettings = {
  levels: readonly Level[];
  breakEvery?: number;
  breakSeconds?: number;
};

/** The clock's record: when play started and how long it has been paused; `pausedAt` while it is paused now. */
export type ClockTimes = {
  startedAt: number;
  pausedMs: number;
  pausedAt?: number | null;
};

export type ClockReading = {
  /** Milliseconds of play since the start (pauses excluded). */
  playedMs: number;
  paused: boolean;
  /** The running level (1-based); on a break, the level that has just ended. */
  level: number;
  /** That level's blinds. */
  blinds: Level;
  /**
   * When the running level ends, in epoch ms; null for the last level and on
   * a break. While paused, the time it would end if play resumed now.
   */
  levelEndsAt: number | null;
  onBreak: boolean;
  /** 1-based number of the break in progress, or 0. */
  breakNumber: number;
  /** When the break in progress ends (while paused: if play resumed now), or null. */
  breakEndsAt: number | null;
  /** The level that comes next, or null after the last. */
  nextLevel: { number: number; blinds: Level } | null;
  /** Whether a table whose hand is over may deal a new one: not on a break and not paused. */
  mayDeal: boolean;
};

/** How many breaks a structure of `levelCount` levels has with a break every `breakEvery` levels (never after the last). */
export function breakCount(levelCount: number, breakEvery: number): number {
  if (!(breakEvery >= 1) || levelCount < 1) return 0;
  return Math.floor((levelCount - 1) / breakEvery);
}

/** Whether a break follows level `number` (1-based). */
export function breakFollows(settings: ClockSettings, number: number): boolean {
  const { breakEvery, breakSeconds, levels } = settings;
  if (!breakEvery || !breakSeconds) return false;
  return number % breakEvery === 0 && number < levels.length;
}

/**
 * Reads the clock at `now`: the running level or break, when it ends and
 * what comes next. Before `startedAt` (clocks of two machines a little
 * apart) it reads as the very start of level 1.
 */
export function readClock(settings: ClockSettings, times: ClockTimes, now: number): ClockReading {
  const { levels } = settings;
  const paused = times.pausedAt !== undefined && times.pausedAt !== null;
  const frozenAt = paused ? Math.min(times.pausedAt as number, now) : now;
  const playedMs = Math.max(0, frozenAt - times.startedAt - times.pausedMs);
  const at = (segmentEnd: number): number => now + (segmentEnd - playedMs);
  const next = (index: number): ClockReading['nextLevel'] =>
    index + 1 < levels.length ? { number: index + 2, blinds: levels[index + 1] } : null;
  let start = 0;
  for (let i = 0; i < levels.length; i++) {
    const last = i === levels.length - 1;
    const end = start + levels[i].seconds * 1000;
    const base = { playedMs, paused, level: i + 1, blinds: levels[i], nextLevel: next(i) };
    if (last || playedMs < end) {
      return {
        ...base,
        levelEndsAt: last ? null : at(end),
        onBreak: false,
        breakNumber: 0,
        breakEndsAt: null,
        mayDeal: !paused,
      };
    }
    start = end;
    if (breakFollows(settings, i + 1)) {
      const breakEnd = start + settings.breakSeconds! * 1000;
      if (playedMs < breakEnd) {
        return {
          ...base,
          levelEndsAt: null,
          onBreak: true,
          breakNumber: (i + 1) / settings.breakEvery!,
          breakEndsAt: at(breakEnd),
          mayDeal: false,
        };
      }
      start = breakEnd;
    }
  }
  throw new Error('unreachable: the last level never ends');
}

/** The clock's record once paused at `now`; refuses (`already_paused`) when it is. */
export function pauseClock(times: ClockTimes, now: number): ClockTimes {
  if (times.pausedAt !== undefined && times.pausedAt !== null) {
    throw new IllegalActionError('already_paused', 'The tournament is already paused.');
  }
  return { ...times, pausedAt: now };
}

/** The clock's record once resumed at `now`: the time it was down joins `pausedMs`. Refuses (`not_paused`) when it is running. */
export function resumeClock(times: ClockTimes, now: number): ClockTimes {
  if (times.pausedAt === undefined || times.pausedAt === null) {
    throw new IllegalActionError('not_paused', 'The tournament is not paused.');
  }
  return { startedAt: times.startedAt, pausedMs: times.pausedMs + Math.max(0, now - times.pausedAt), pausedAt: null };
}
