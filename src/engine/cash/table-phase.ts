import type { DealerEvent } from '../table/dealer-state.ts';
import { afterHand, dealOptions } from './options/hand-options.ts';
import { standUpSeat } from './seats.ts';
import { seatedCount, touch, type CashContext } from './table-context.ts';
import type { CashTableEvent } from './state.ts';
import { offerSeats } from './waiting-list.ts';

/** Where a cash table is in its life; read from its state, changed only by `advance`. */
export const TablePhase = {
  /** Too few players to deal, or dealing paused. */
  waiting: 'waiting',
  /** The next hand is scheduled (`nextHandAt`). */
  betweenHands: 'betweenHands',
  hand: 'hand',
  /** No new hands; players stand up once no hand is in play. */
  closing: 'closing',
  /** Closing, and nothing is left on the table: no hand, no player, no money in flight. */
  closed: 'closed',
} as const;
export type TablePhase = (typeof TablePhase)[keyof typeof TablePhase];

export function isClosed(t: CashContext): boolean {
  const s = t.state;
  return s.closing && !s.hand && seatedCount(t) === 0 && s.pendingMoney.length === 0;
}

export function tablePhase(t: CashContext): TablePhase {
  const s = t.state;
  if (s.closing) return isClosed(t) ? TablePhase.closed : TablePhase.closing;
  if (s.hand) return TablePhase.hand;
  return s.nextHandAt > 0 ? TablePhase.betweenHands : TablePhase.waiting;
}

/**
 * The one place the table changes phase, called at the end of every command.
 * `reported` are the events the dealer has just returned: a hand that ended
 * lets the players leaving after it (everyone, when closing) stand up and
 * their seats be offered. A table that may deal (no hand in play, not
 * closing, dealing not paused) and can schedules the next hand `pauseMs`
 * from now, and deals it once `dueBy` (the time `tick` has reached; 0 for
 * every other command) passes that; one that may not deals nothing.
 */
export function advance(t: CashContext, now: number, events: CashTableEvent[], reported: readonly DealerEvent[] = [], dueBy = 0): void {
  const s = t.state;
  for (const event of reported) {
    events.push(event);
    if (event.type === 'handComplete') afterHand(t, event.handNumber);
  }
  if (!s.hand) {
    s.info.forEach((info, seat) => {
      if (info && (info.leaveAfterHand || s.closing)) events.push(standUpSeat(t, seat));
    });
  }
  if (reported.some((event) => event.type === 'handComplete')) offerSeats(t, now, events);
  if (s.hand || s.closing || t.dealingPaused) {
    s.nextHandAt = 0;
    return;
  }
  if (s.nextHandAt === 0) {
    if (t.dealer.canStartHand()) s.nextHandAt = now + s.settings.pauseMs;
    return;
  }
  if (dueBy < s.nextHandAt) return;
  // Due: deal if the seats still allow a hand (else wait for a change that schedules one).
  s.nextHandAt = 0;
  const dealt = t.dealer.canStartHand() ? t.dealer.startHand(now, dealOptions(t)) : [];
  touch(t);
  advance(t, now, events, dealt, dueBy);
}
