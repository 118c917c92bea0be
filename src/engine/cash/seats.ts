import { illegal, requireSeat, seatOf, touch, type CashContext } from './table-context.ts';
import type { CashTableEvent, SeatInfo } from './state.ts';
import { offerSeats } from './waiting-list.ts';

/** Seats: sitting down (by the waiting list's order), sitting out and in, standing up, and connection. */

/** Checks a request to sit and returns the seat it would take. */
export function verifySit(t: CashContext, playerId: string, seat: number | undefined, buyIn: number): number {
  const s = t.state;
  const { minBuyIn, maxBuyIn } = s.settings;
  if (s.closing) illegal('table_closing', 'This table is closing.');
  if (seatOf(t, playerId) >= 0) illegal('already_seated', 'You already have a seat at this table.');
  if (!Number.isSafeInteger(buyIn) || buyIn < minBuyIn || buyIn > maxBuyIn) {
    illegal('bad_buy_in', `Buy in for between ${minBuyIn} and ${maxBuyIn} chips.`);
  }
  const offer = s.offer;
  const offered = offer?.playerId === playerId;
  // While players wait, seats go to them in order, one offer at a time.
  if (!offered && s.waiting.length > 0) illegal('waitlist_first', 'Players are waiting for a seat; join the waiting list.');
  const free = (i: number): boolean => s.info[i] === null && (!offer || offer.seat !== i || offered);
  if (seat !== undefined) {
    if (!Number.isSafeInteger(seat) || seat < 0 || seat >= s.settings.maxSeats) illegal('bad_seat', `Seats are numbered 0 to ${s.settings.maxSeats - 1}.`);
    if (!free(seat)) illegal('seat_taken', `Seat ${seat} is taken.`);
  }
  const chosen = seat ?? (offered && offer ? offer.seat : s.info.findIndex((_, i) => free(i)));
  if (chosen < 0) illegal('table_full', 'The table is full; join the waiting list.');
  return chosen;
}

/** Seats the player with `buyIn` chips (already moved from their wallet to the table). */
export function sit(t: CashContext, playerId: string, name: string, seat: number | undefined, buyIn: number): number {
  const chosen = verifySit(t, playerId, seat, buyIn);
  const s = t.state;
  const info: SeatInfo = {
    playerId, name, connected: true, disconnectedAt: 0, timeBankMs: s.settings.timeBankMs, timeouts: 0,
    leaveAfterHand: false, pendingTopUp: 0, showdownChoice: null, lastAction: '',
  };
  t.dealer.seat(chosen, playerId, buyIn, info);
  s.waiting = s.waiting.filter((w) => w.playerId !== playerId);
  if (s.offer?.playerId === playerId) s.offer = null;
  touch(t);
  return chosen;
}

export function sitOut(t: CashContext, playerId: string): void {
  t.dealer.sitOut(requireSeat(t, playerId));
  touch(t);
}

export function verifySitIn(t: CashContext, playerId: string): void {
  t.dealer.verifySitIn(requireSeat(t, playerId));
}

export function sitIn(t: CashContext, playerId: string): void {
  verifySitIn(t, playerId);
  t.dealer.sitIn(seatOf(t, playerId));
  touch(t);
}

/** Stands the player up now, or after the hand they are playing. Returns the cash-out when it happens now. */
export function leave(t: CashContext, playerId: string, now: number): CashTableEvent[] {
  const seat = requireSeat(t, playerId);
  const s = t.state;
  if (t.dealer.handIndexOf(seat) >= 0) {
    (s.info[seat] as SeatInfo).leaveAfterHand = true;
    touch(t);
    return [];
  }
  const events = [standUpSeat(t, seat)];
  offerSeats(t, now, events);
  touch(t);
  return events;
}

/** Takes the player off a seat that is not in the hand in play; their chips wait to go back to their wallet. */
export function standUpSeat(t: CashContext, seat: number): CashTableEvent {
  const s = t.state;
  const info = s.info[seat] as SeatInfo;
  const { chips: amount } = t.dealer.remove(seat);
  const key = `cashout:${s.tableId}:${s.version}:${seat}:${info.playerId}`;
  s.pendingMoney.push({ key, kind: 'cashOut', playerId: info.playerId, name: info.name, seat, amount });
  return { type: 'cashOut', playerId: info.playerId, seat, amount, key };
}

export function setConnected(t: CashContext, playerId: string, connected: boolean, now: number): void {
  const seat = seatOf(t, playerId);
  if (seat < 0) return;
  const info = t.state.info[seat] as SeatInfo;
  info.connected = connected;
  info.disconnectedAt = connected ? 0 : now;
  touch(t);
}
