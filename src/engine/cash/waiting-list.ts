import { illegal, seatedCount, seatOf, touch, type CashContext } from './table-context.ts';
import type { CashTableEvent } from './state.ts';

/** The waiting list of a full table: seats that free up are offered to the waiting players in order, one offer at a time. */

export function verifyWaitlist(t: CashContext, playerId: string, join: boolean): void {
  const s = t.state;
  const listed = s.waiting.some((w) => w.playerId === playerId);
  if (!join) {
    if (!listed) illegal('not_waiting', 'You are not on the waiting list.');
    return;
  }
  if (listed) illegal('already_waiting', 'You are already on the waiting list.');
  if (seatOf(t, playerId) >= 0) illegal('already_seated', 'You already have a seat at this table.');
  if (seatedCount(t) < s.settings.maxSeats && s.waiting.length === 0) illegal('seat_available', 'A seat is free; sit down instead.');
}

export function waitlist(t: CashContext, playerId: string, name: string, join: boolean, now: number, events: CashTableEvent[]): void {
  verifyWaitlist(t, playerId, join);
  const s = t.state;
  if (join) s.waiting.push({ playerId, name });
  else forget(t, playerId);
  offerSeats(t, now, events);
  touch(t);
}

/** Takes the player off the list, with any seat offered to them. */
export function forget(t: CashContext, playerId: string): void {
  const s = t.state;
  s.waiting = s.waiting.filter((w) => w.playerId !== playerId);
  if (s.offer?.playerId === playerId) s.offer = null;
}

/** Offers a free seat to the first waiting player, who has `offerMs` to take it. */
export function offerSeats(t: CashContext, now: number, events: CashTableEvent[]): void {
  const s = t.state;
  if (s.offer || s.waiting.length === 0 || s.closing) return;
  const seat = s.info.findIndex((info) => info === null);
  if (seat < 0) return;
  s.offer = { playerId: s.waiting[0].playerId, seat, expiresAt: now + s.settings.offerMs };
  events.push({ type: 'seatOffered', ...s.offer });
}

/** An offer not taken in time: its player leaves the list and the seat goes to the next. */
export function expireOffer(t: CashContext, now: number, events: CashTableEvent[]): void {
  const s = t.state;
  if (!s.offer || now < s.offer.expiresAt) return;
  forget(t, s.offer.playerId);
  offerSeats(t, now, events);
  touch(t);
}
