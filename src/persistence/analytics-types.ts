/**
 * Records and repositories of the background jobs and of the analytics they
 * collect: claimed job runs, minute snapshots of the cluster, hourly sums per
 * template, and the queries the cleanup job needs. Plain records, as in
 * `types.ts`; amounts are integer chips.
 */

import type { JobRunStatus } from './entities/JobRun.ts';

export type { JobRunStatus } from './entities/JobRun.ts';

/** One page of a list and how many rows match in all. */
export type Paged<T> = { items: T[]; total: number };

export type JobRunRecord = {
  jobName: string;
  /** The scheduled minute as an ISO string. */
  slot: string;
  processId: string;
  status: JobRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  error: string | null;
};

export interface JobRunRepository {
  /**
   * Inserts the run of `jobName` for `slot` unless one exists. True for the
   * one caller whose row landed: that caller runs the job; everyone else skips.
   */
  claim(input: { jobName: string; slot: string; processId: string; startedAt: Date }): Promise<boolean>;
  /** Records how a claimed run ended (only the claiming process's row changes). */
  finish(input: { jobName: string; slot: string; processId: string; status: 'ok' | 'failed'; finishedAt: Date; durationMs: number; error: string | null }): Promise<void>;
  /** Newest first. */
  list(filter: { jobName?: string; status?: JobRunStatus; limit: number; offset: number }): Promise<Paged<JobRunRecord>>;
}

export type AnalyticsSnapshotRecord = {
  /** The minute the snapshot describes. */
  takenAt: Date;
  openTables: number;
  seatedPlayers: number;
  /** Clients in table rooms who hold no seat. */
  watchers: number;
  /** Hands that ended in the minute before `takenAt`. */
  hands: number;
  /** Rake of those hands. */
  rake: number;
  /** Tournament entries bought in that minute (re-entries included, refunds not subtracted). */
  tournamentEntries: number;
  /** Tournament fees the house took in that minute, less fees refunded in it. */
  tournamentFees: number;
  /** Tournament prizes paid in that minute. */
  tournamentPrizes: number;
  /** Clients connected to rooms, per Colyseus process id. */
  connections: Record<string, number>;
};

export type TemplateHourlyRecord = {
  templateId: string;
  /** The start of the hour. */
  hour: Date;
  hands: number;
  uniquePlayers: number;
  rake: number;
  /** Chips in every pot of every hand, rake included. */
  potTotal: number;
  /** Hands that dealt a flop. */
  flopHands: number;
  /** Players still in when the flop was dealt, summed over `flopHands`. */
  flopPlayers: number;
};

/**
 * Tournament money over a span, from the ledger's tournament transfers.
 * Counts are transfers: `entries` bought (re-entries included), `refunds` of
 * entries, `rebuys`, `addOns`. Amounts are wallet money: `buyIns` and
 * `purchases` (rebuys and add-ons) paid into prize pools, `fees` the house
 * kept (fees taken less fees refunded), `prizes` paid out.
 */
export type TournamentTotals = {
  entries: number;
  refunds: number;
  rebuys: number;
  addOns: number;
  buyIns: number;
  purchases: number;
  fees: number;
  prizes: number;
};

/** One hour's `TournamentTotals` across the cluster. */
export type TournamentHourlyRecord = TournamentTotals & { hour: Date };

export type TimeRange = { from?: Date; to?: Date };

export interface AnalyticsRepository {
  /** Stores a minute's snapshot; false (nothing written) when that minute already has one. */
  saveSnapshot(snapshot: AnalyticsSnapshotRecord): Promise<boolean>;
  /** Newest first; `from` inclusive, `to` exclusive. */
  listSnapshots(filter: TimeRange & { limit: number; offset: number }): Promise<Paged<AnalyticsSnapshotRecord>>;
  /** Hands that ended in [from, to) and their rake. */
  handTotals(from: Date, to: Date): Promise<{ hands: number; rake: number }>;
  /**
   * Sums the hands that ended in [hour, hour + 1h) per template and replaces
   * that hour's rows with the result, in one transaction: running it again
   * gives the same rows. Returns them.
   */
  aggregateHour(hour: Date): Promise<TemplateHourlyRecord[]>;
  /** Newest hour first, then by template; `from` inclusive, `to` exclusive. */
  listHourly(filter: TimeRange & { templateId?: string; limit: number; offset: number }): Promise<Paged<TemplateHourlyRecord>>;
  /** Tournament money moved in [from, to). */
  tournamentTotals(from: Date, to: Date): Promise<TournamentTotals>;
  /**
   * Sums the tournament money of [hour, hour + 1h) and replaces that hour's
   * row with it (no row for an hour without any): running it again gives the
   * same row. Returns it, or null for an hour without tournament money.
   */
  aggregateTournamentHour(hour: Date): Promise<TournamentHourlyRecord | null>;
  /** Newest hour first; `from` inclusive, `to` exclusive. */
  listTournamentHourly(filter: TimeRange & { limit: number; offset: number }): Promise<Paged<TournamentHourlyRecord>>;
}

export interface HousekeepingRepository {
  /**
   * When each table last saw anything happen: the latest of its last hand's
   * end and its last saved snapshot (written on every sit, stand or action).
   * Null for a table with neither.
   */
  lastActivity(tableIds: string[]): Promise<Map<string, Date | null>>;
  /** Deletes hand records (and their player rows) that ended before `before`; returns how many. */
  pruneHands(before: Date): Promise<number>;
  /** Deletes the snapshots of closed tables saved before `before`; returns how many. */
  pruneClosedTableSnapshots(before: Date): Promise<number>;
  /** Deletes minute analytics snapshots taken, and finished job runs scheduled, before `before`; returns how many rows of each. */
  pruneAnalytics(before: Date): Promise<{ snapshots: number; jobRuns: number }>;
}
