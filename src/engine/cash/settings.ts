import type { DealerSettings } from '../table/dealer-state.ts';
import type { TableOptions } from './options/table-options.ts';

/** Everything a cash table runs by, from its template: its dealer's settings and its own; times in milliseconds. */
export type CashTableSettings = DealerSettings & {
  minBuyIn: number;
  maxBuyIn: number;
  maxSeats: number;
  /** The pause between one hand's end and the next hand's deal. */
  pauseMs: number;
  /** How long a dropped player keeps acting on the clock before being sat out. */
  reconnectMs: number;
  /** How long a sat-out, disconnected player keeps the seat before standing up. */
  standUpMs: number;
  /** How long a waiting player has to take an offered seat. */
  offerMs: number;
  /** The options players may ask for (`options/table-options.ts`); absent ones are off. */
  options?: Partial<TableOptions>;
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
