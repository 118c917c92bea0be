import type { DealerSeat, DealerState } from './dealer-state.ts';

/**
 * The action clock: the player to act has `actionMs`, then their time bank;
 * when both run out they time out. Times are epoch ms passed in by the caller.
 */

/** Puts the player in `seat` on the clock from `now`; -1 (nobody to act) stops it. */
export function startClock(s: DealerState, seat: number, now: number): void {
  s.usingTimeBank = false;
  s.actionStartedAt = seat >= 0 ? now : 0;
  s.actionDeadline = seat >= 0 ? now + s.settings.actionMs : 0;
}

/** Stops the clock: nobody is to act. */
export function stopClock(s: DealerState): void {
  s.actionDeadline = 0;
  s.actionStartedAt = 0;
  s.usingTimeBank = false;
}

/** A player acting on their time bank pays for the time they used from it. */
export function spendThinkingTime(s: DealerState, info: DealerSeat, now: number): void {
  if (!s.usingTimeBank) return;
  const bankStart = s.actionStartedAt + s.settings.actionMs;
  info.timeBankMs = Math.max(0, info.timeBankMs - Math.max(0, now - bankStart));
}

/**
 * The deadline has passed for the player to act. With time left in their bank
 * it starts running (true); otherwise they time out (false): the bank they
 * were using is spent and the timeout counts.
 */
export function runOutClock(s: DealerState, info: DealerSeat): boolean {
  if (!s.usingTimeBank && info.timeBankMs > 0) {
    s.usingTimeBank = true;
    s.actionDeadline = s.actionStartedAt + s.settings.actionMs + info.timeBankMs;
    return true;
  }
  info.timeBankMs = s.usingTimeBank ? 0 : info.timeBankMs;
  info.timeouts++;
  return false;
}
