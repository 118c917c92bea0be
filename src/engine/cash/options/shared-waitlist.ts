import { seatOf, touch, type CashContext } from '../table-context.ts';
import type { CashTableEvent } from '../state.ts';
import { tableOptions } from './option-context.ts';

/**
 * The table's side of a template's shared waiting list (the list itself is
 * the cluster's: see rooms/shared-waitlist.ts). A table with a free seat that
 * no player of its own list is offered may offer it to the first player of
 * the template's list, as it offers seats to its own: one offer at a time,
 * `offerMs` to take it, and `sit` lets only that player take the seat.
 */

/** The seat this table could offer a player of the template's list now, or -1. */
export function seatForSharedList(t: CashContext): number {
  const s = t.state;
  if (!tableOptions(t).sharedWaitlist || s.closing || s.offer || s.waiting.length > 0) return -1;
  return s.info.findIndex((info, seat) => info === null && !s.pendingMoney.some((m) => m.kind === 'buyIn' && m.seat === seat));
}

/** Holds the free seat for `playerId` (who is not seated here); the offer's event tells them. No seat, no offer. */
export function offerSharedSeat(t: CashContext, playerId: string, now: number): CashTableEvent[] {
  const seat = seatForSharedList(t);
  if (seat < 0 || seatOf(t, playerId) >= 0) return [];
  const s = t.state;
  s.offer = { playerId, seat, expiresAt: now + s.settings.offerMs };
  touch(t);
  return [{ type: 'seatOffered', ...s.offer }];
}
