/**
 * The tournament as a whole: its start (the opening seating), a scheduled
 * start or cancellation, the operator's pause and resume, and cancellation.
 */
import { pauseClock, resumeClock } from './rules/clock.ts';
import { verifyCancel, verifyPause, verifyResume, verifyStart, type LifecycleState } from './rules/lifecycle.ts';
import { StartDecision, scheduledStart } from './rules/registration.ts';
import { initialSeating } from './rules/seating.ts';
import { refundEverything } from './entries.ts';
import { seatEntry } from './moves.ts';
import { closeAll, openTable } from './tables.ts';
import { announceClock } from './timeline.ts';
import { emit, refuse, type Context } from './context.ts';

function lifecycle(ctx: Context): LifecycleState {
  const { state } = ctx;
  return { status: state.status, entries: state.entrants, paused: state.paused };
}

export function verifyStartNow(ctx: Context): void {
  verifyStart(ctx.state.definition, lifecycle(ctx));
}

/** Starts play: the clock runs from now, every entry gets its stack and a seat (`initialSeating`), every table opens. */
export function start(ctx: Context): void {
  verifyStartNow(ctx);
  const { state } = ctx;
  const def = state.definition;
  state.status = 'running';
  state.startedAt = ctx.now;
  state.clock = { startedAt: ctx.now, pausedMs: 0, pausedAt: null };
  state.registrationClosed = !(def.kind === 'mtt' && (def.lateRegistrationLevels ?? 0) > 0);
  emit(ctx, { type: 'started', startedAt: ctx.now, entrants: state.entrants });
  announceClock(ctx);
  for (const player of state.players) player.stack = def.startingStack;
  const seating = initialSeating(state.players.map((p) => p.playerId), def.tableSize, ctx.random);
  for (const opening of seating) {
    const table = openTable(ctx, opening.table);
    opening.seats.forEach((playerId, seat) => {
      if (playerId !== null) seatEntry(ctx, ctx.players.get(playerId)!, table, seat);
    });
  }
  ctx.needsBalance = true;
}

/** A scheduled tournament whose time has come starts, or is cancelled when too few registered. */
export function startOnSchedule(ctx: Context): void {
  const { state } = ctx;
  const decision = scheduledStart(state.definition, { status: state.status, entries: state.entrants, players: state.players }, ctx.now);
  if (decision === StartDecision.start) start(ctx);
  else if (decision === StartDecision.cancel) cancel(ctx);
}

/**
 * Refuses a cancellation: `tournament_finished`, `tournament_cancelled`,
 * `prizes_decided` (a prize has been decided: the tournament is played out).
 */
export function verifyCancelNow(ctx: Context): void {
  verifyCancel(lifecycle(ctx));
  if (ctx.state.results.some((r) => r.prize > 0)) {
    refuse('prizes_decided', 'Prizes have been decided: the tournament is in the money and is played out, not cancelled.');
  }
}

/** Cancels: every sale is refunded (`refund`), every table closes, the moves under way are dropped. */
export function cancel(ctx: Context): void {
  verifyCancelNow(ctx);
  const { state } = ctx;
  state.status = 'cancelled';
  state.endedAt = ctx.now;
  refundEverything(ctx);
  closeAll(ctx);
  state.moves = [];
  ctx.moves.clear();
  state.adds = [];
  state.handForHand = null;
  emit(ctx, { type: 'cancelled', at: ctx.now });
}

export function verifyPauseNow(ctx: Context): void {
  verifyPause(lifecycle(ctx));
}

/** Stops the clock; tables finish the hand in play and get no new `deal` until `resume`. */
export function pause(ctx: Context): void {
  verifyPauseNow(ctx);
  const { state } = ctx;
  state.clock = pauseClock(state.clock!, ctx.now);
  state.paused = true;
  emit(ctx, { type: 'paused', at: ctx.now });
}

export function verifyResumeNow(ctx: Context): void {
  verifyResume(lifecycle(ctx));
}

/** Starts the clock again: the time paused is not charged to the level or break that was running. */
export function resume(ctx: Context): void {
  verifyResumeNow(ctx);
  const { state } = ctx;
  state.clock = resumeClock(state.clock!, ctx.now);
  state.paused = false;
  emit(ctx, { type: 'resumed', at: ctx.now });
}

/** After a crash: the time since the state was last alive was downtime, not play (unless the operator had paused anyway). */
export function forgiveDowntime(ctx: Context): void {
  const { state } = ctx;
  if (state.status !== 'running' || state.paused || !state.clock) return;
  state.clock = { ...state.clock, pausedMs: state.clock.pausedMs + Math.max(0, ctx.now - state.aliveAt) };
}
