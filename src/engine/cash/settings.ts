import type { RakeRule } from '../rake.ts';
import type { Stakes } from '../table/state.ts';

/** Everything a cash table runs by, from its template; times in milliseconds. */
export type CashTableSettings = {
  variant: string;
  stakes: Stakes;
  /** Fixed limit: the small and big bet. No and pot limit: the minimum bet is the big blind. */
  smallBet: number;
  bigBet: number;
  minBuyIn: number;
  maxBuyIn: number;
  maxSeats: number;
  actionMs: number;
  timeBankMs: number;
  rake?: RakeRule;
  /** The pause between one hand's end and the next hand's deal. */
  pauseMs: number;
  /** How long a dropped player keeps acting on the clock before being sat out. */
  reconnectMs: number;
  /** How long a sat-out, disconnected player keeps the seat before standing up. */
  standUpMs: number;
  /** Hands in a row a player may time out before being sat out. */
  maxTimeouts: number;
  /** How long a waiting player has to take an offered seat. */
  offerMs: number;
  maxRunouts: number;
};

export const DEFAULT_TIMINGS = {
  actionMs: 20_000,
  timeBankMs: 30_000,
  pauseMs: 3_000,
  reconnectMs: 30_000,
  standUpMs: 300_000,
  maxTimeouts: 2,
  offerMs: 30_000,
  maxRunouts: 1,
} as const;
