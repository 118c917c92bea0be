import { standUpSeat } from './seats.ts';
import { advance } from './table-phase.ts';
import { touch, type CashContext } from './table-context.ts';
import type { CashTableEvent } from './state.ts';
import { expireOffer, offerSeats } from './waiting-list.ts';

/**
 * The table's deadlines: the action clock (the dealer's), seat offers,
 * reconnection and stand-up windows of dropped players, and the next deal.
 */

/** The next moment `tick` has something to do, or 0. */
export function nextDeadline(t: CashContext): number {
  const s = t.state;
  const times = [t.dealer.nextDeadline(), s.nextHandAt, s.offer?.expiresAt ?? 0];
  for (const info of s.info) {
    if (info && !info.connected) times.push(info.disconnectedAt + s.settings.reconnectMs, info.disconnectedAt + s.settings.standUpMs);
  }
  const future = times.filter((time) => time > 0);
  return future.length > 0 ? Math.min(...future) : 0;
}

/** Applies everything due by `now`: timeouts, expired offers, dropped players, the next deal. */
export function tick(t: CashContext, now: number): CashTableEvent[] {
  const s = t.state;
  const events: CashTableEvent[] = [];
  if (s.actionDeadline > 0 && now >= s.actionDeadline) {
    const onClock = t.dealer.actorSeat() >= 0;
    advance(t, now, events, t.dealer.tick(now));
    if (onClock) touch(t);
  }
  expireOffer(t, now, events);
  dropDisconnected(t, now, events);
  advance(t, now, events, [], now);
  return events;
}

/** A dropped player is sat out after `reconnectMs` and stood up (between their hands) after `standUpMs`. */
function dropDisconnected(t: CashContext, now: number, events: CashTableEvent[]): void {
  const s = t.state;
  s.info.forEach((info, seat) => {
    if (!info || info.connected) return;
    const current = s.seating.seats[seat];
    if (now - info.disconnectedAt >= s.settings.standUpMs && t.dealer.handIndexOf(seat) < 0) {
      events.push(standUpSeat(t, seat));
      offerSeats(t, now, events);
      touch(t);
    } else if (now - info.disconnectedAt >= s.settings.reconnectMs && current && !current.sittingOut) {
      t.dealer.sitOut(seat);
      touch(t);
    }
  });
}
