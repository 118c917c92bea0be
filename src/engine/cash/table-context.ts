import { IllegalActionError } from '../errors.ts';
import type { Dealer } from '../table/Dealer.ts';
import type { CashTableState, SeatInfo } from './state.ts';

/** What every part of a cash table works on: its state, its dealer (over the same state), and whether dealing is paused. */
export type CashContext = {
  readonly state: CashTableState;
  readonly dealer: Dealer<SeatInfo>;
  /**
   * Dealing paused: the process running this table is shutting down and hands
   * it over. Not part of the state: the next owner restores and deals again.
   */
  dealingPaused: boolean;
};

export function illegal(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

/** Every change bumps the version; snapshots carry it so an older one never overwrites a newer. */
export function touch(t: CashContext): void {
  t.state.version++;
}

export function seatOf(t: CashContext, playerId: string): number {
  return t.state.info.findIndex((info) => info?.playerId === playerId);
}

export function requireSeat(t: CashContext, playerId: string): number {
  const seat = seatOf(t, playerId);
  if (seat < 0) illegal('not_seated', 'You do not have a seat at this table.');
  return seat;
}

export function seatedCount(t: CashContext): number {
  return t.state.info.filter(Boolean).length;
}
