import type { HandState } from '../hand/state.ts';
import type { RakeRule } from '../rake.ts';
import type { RotationEntry, RotationPlace } from './rotation.ts';
import { createTable } from './seating.ts';
import type { Stakes, TableState } from './state.ts';

/**
 * What a dealer runs by. The game, stakes and bets may change between hands
 * (a tournament's levels); the hand in play keeps the ones it was dealt with.
 */
export type DealerSettings = {
  variant: string;
  stakes: Stakes;
  /** Fixed limit: the small and big bet. No and pot limit: the minimum bet is the big blind. */
  smallBet: number;
  bigBet: number;
  /** Stud: an open pair on fourth street lets a bet or raise there be the big bet (off by default, as in PokerKit). */
  openPairBigBet?: boolean;
  rake?: RakeRule;
  maxRunouts: number;
  actionMs: number;
  timeBankMs: number;
  /** Hands in a row a player may time out before being sat out. */
  maxTimeouts: number;
  /** Mixed games: the games dealt in turn, each with its stakes; `variant` and the stakes are then the game being dealt. */
  rotation?: RotationEntry[];
};

/** What the dealer keeps per seated player besides the chips in `seating`; a host's own seat record extends it. */
export type DealerSeat = {
  timeBankMs: number;
  /** Consecutive hands in which the player timed out. */
  timeouts: number;
  /** Chips added during a hand the player is in, joining the stack before the next deal. */
  pendingTopUp: number;
  /** What the player asked for at showdown this hand. */
  showdownChoice: 'show' | 'muck' | null;
  lastAction: string;
};

/**
 * A dealer's state as plain data: the seats and their chips between hands,
 * the hand in play, and the action clock. A host table's state contains these
 * fields (a cash table's does, with its own seat records in `info`).
 */
export type DealerState<S extends DealerSeat = DealerSeat> = {
  settings: DealerSettings;
  seating: TableState;
  /** One entry per seat, null when the seat is empty. */
  info: (S | null)[];
  hand: HandState | null;
  /** Table seats of the live hand's players, in hand order. */
  handSeats: number[];
  handNumber: number;
  handStartedAt: number;
  /** Epoch ms when the player to act times out; 0 when nobody is on the clock. */
  actionDeadline: number;
  /** When the player to act started thinking (time bank accounting). */
  actionStartedAt: number;
  usingTimeBank: boolean;
  /** Mixed games: the game dealt last and its hands still to come (absent before the first hand). */
  rotationPlace?: RotationPlace;
};

/** One player's part in a finished hand. */
export type SeatResult = {
  seat: number;
  playerId: string;
  /** The stack the hand was dealt with, and the one it left. */
  startStack: number;
  endStack: number;
  /** No chips left, counting chips added during the hand. */
  busted: boolean;
};

/** What the dealer did that its host must act on (records, seating, the next deal). */
export type DealerEvent =
  | { type: 'handStarted'; handNumber: number }
  | {
    type: 'handComplete'; handNumber: number; hand: HandState; seats: number[]; playerIds: string[];
    startedAt: number; endedAt: number; rake: number; results: SeatResult[];
  };

/** The state of a dealer with empty seats that has dealt no hand. */
export function emptyDealerState(settings: DealerSettings, maxSeats: number): DealerState {
  const seating = createTable(maxSeats);
  return {
    settings, seating, info: seating.seats.map(() => null), hand: null, handSeats: [], handNumber: 0, handStartedAt: 0,
    actionDeadline: 0, actionStartedAt: 0, usingTimeBank: false,
  };
}

/** A seat record for a player the dealer seats with nothing else to know. */
export function dealerSeat(settings: DealerSettings): DealerSeat {
  return { timeBankMs: settings.timeBankMs, timeouts: 0, pendingTopUp: 0, showdownChoice: null, lastAction: '' };
}
