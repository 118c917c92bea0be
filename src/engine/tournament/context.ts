import { IllegalActionError } from '../errors.ts';
import type { Dealer } from '../table/Dealer.ts';
import type { TournamentSeatInfo, TournamentTableState } from './state.ts';

/** What every part of a tournament table works on: its state, its dealer (over the same state), and whether dealing is paused. */
export type TournamentContext = {
  readonly state: TournamentTableState;
  readonly dealer: Dealer<TournamentSeatInfo>;
  /** Dealing paused: the process running the table hands it over (not part of the state: the next owner deals). */
  dealingPaused: boolean;
};

export function illegal(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

/** What a cash table's player may ask and a tournament table's may not: the tournament seats, moves and pays. */
export function notAtTournamentTable(what: string): never {
  return illegal('tournament_table', `This is a tournament table: ${what}; the tournament seats and moves players and their chips.`);
}

/** Every change bumps the version; snapshots carry it so an older one never overwrites a newer. */
export function touch(t: TournamentContext): void {
  t.state.version++;
}

export function seatOf(t: TournamentContext, playerId: string): number {
  return t.state.info.findIndex((info) => info?.playerId === playerId);
}

export function requireSeat(t: TournamentContext, playerId: string): number {
  const seat = seatOf(t, playerId);
  if (seat < 0) illegal('not_seated', 'You do not have a seat at this table.');
  return seat;
}

export function seatedCount(t: TournamentContext): number {
  return t.state.info.filter(Boolean).length;
}

/**
 * Makes the seats' flags say what a tournament table means: nobody owes a
 * blind, and "sitting out" marks an away player for the views only (the
 * dealer is never asked to leave them out: see `withEveryoneReady`).
 */
export function markAway(t: TournamentContext): void {
  const s = t.state;
  s.seating = {
    ...s.seating,
    seats: s.seating.seats.map((seat, i) => seat && {
      ...seat, sittingOut: Boolean(s.info[i]?.away), isNew: false, missedSmallBlind: false, missedBigBlind: false, willPost: false,
    }),
  };
}
