/**
 * The tournament's clock as events: each level and each break announced
 * once, late registration closed when its last level (and the break after
 * it) is over, and when the next of these comes.
 */
import { readClock } from './rules/clock.ts';
import { registrationOpen } from './rules/registration.ts';
import { ALIVE_EVERY_MS, type TournamentState } from './state.ts';
import { clockNow, emit, type Context } from './context.ts';

/** Announces what the clock has done since the last command: a break ended, a level began, a break began. */
export function announceClock(ctx: Context): void {
  const reading = clockNow(ctx);
  const { state } = ctx;
  if (!reading || state.status !== 'running') return;
  const last = state.announced;
  const breakNumber = reading.onBreak ? reading.breakNumber : 0;
  if (last.breakNumber !== 0 && breakNumber !== last.breakNumber) emit(ctx, { type: 'breakEnded', breakNumber: last.breakNumber });
  if (reading.level !== last.level) {
    const { smallBlind, bigBlind, ante } = reading.blinds;
    emit(ctx, { type: 'levelChanged', level: reading.level, smallBlind, bigBlind, ante, endsAt: reading.levelEndsAt });
  }
  if (breakNumber !== 0 && breakNumber !== last.breakNumber) emit(ctx, { type: 'breakStarted', breakNumber, endsAt: reading.breakEndsAt });
  state.announced = { level: reading.level, breakNumber };
}

/** Whether late registration has run out on the clock (registering and closed tournaments answer false). */
export function lateRegistrationOver(ctx: Context): boolean {
  const { state } = ctx;
  const reading = clockNow(ctx);
  if (state.status !== 'running' || state.registrationClosed || !reading) return false;
  return !registrationOpen(state.definition, { status: state.status, entries: state.entrants, players: [], clock: reading });
}

export function closeRegistration(ctx: Context): void {
  if (ctx.state.registrationClosed) return;
  ctx.state.registrationClosed = true;
  emit(ctx, { type: 'registrationClosed', entrants: ctx.state.entrants });
}

/**
 * When `tick` next has something to do, or 0: the scheduled start, the end
 * of the running level or break, and while play runs a beat every
 * `ALIVE_EVERY_MS` so that the state always knows when it was last alive.
 */
export function nextDeadline(state: TournamentState): number {
  const def = state.definition;
  if (state.status === 'registering') return def.kind === 'mtt' && def.startsAt !== undefined ? def.startsAt : 0;
  if (state.status !== 'running' || state.paused || !state.clock) return 0;
  const reading = readClock(def, state.clock, state.aliveAt);
  const times = [reading.levelEndsAt ?? 0, reading.breakEndsAt ?? 0, state.aliveAt + ALIVE_EVERY_MS];
  return Math.min(...times.filter((t) => t > 0));
}
