import { matchMaker } from '@colyseus/core';
import type { Database } from '../persistence/database.ts';
import { dbPoolStats } from './db-pool.ts';
import { createMetrics, type FeltMetrics } from './metrics.ts';

/**
 * The metrics of a running server: tables and connections counted from this
 * process's matchmaker, the pool from its database, process metrics on.
 */
export function createServerMetrics(db: Pick<Database, 'kind' | 'orm'>): FeltMetrics {
  return createMetrics({
    rooms: async () => (await matchMaker.query({ name: 'table', processId: matchMaker.processId })).length,
    connections: () => matchMaker.stats.local.ccu,
    dbPool: () => dbPoolStats(db),
  });
}

/** What the snapshot writer calls after each durable batch. */
export function snapshotWritesObserver(metrics: FeltMetrics): (lagsMs: number[]) => void {
  return (lagsMs) => {
    metrics.snapshotWrites.inc(lagsMs.length);
    for (const lag of lagsMs) metrics.snapshotLag.observe(lag / 1000);
  };
}
