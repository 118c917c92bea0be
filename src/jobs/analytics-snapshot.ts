import type { AnalyticsSnapshotRecord } from '../persistence/analytics-types.ts';
import type { LiveTables } from './live-tables.ts';
import type { JobContext, JobDefinition } from './types.ts';

export const ANALYTICS_SNAPSHOT_JOB = 'analytics-snapshot';

const MINUTE_MS = 60_000;

export type AnalyticsSnapshotDeps = { liveTables: LiveTables };

/**
 * The cluster at this minute: live tables, seated players, watchers (clients
 * of a table room beyond its seated players), the hands that ended in the
 * minute before and their rake (from the hand records), the minute's
 * tournament entries, fees and prizes (from the ledger), and connections per
 * process (clients of table rooms, by the process running the room; `unknown`
 * when no process holds the table's lease). Stored once per minute.
 */
export async function takeAnalyticsSnapshot(ctx: JobContext, deps: AnalyticsSnapshotDeps): Promise<{ snapshot: AnalyticsSnapshotRecord; saved: boolean }> {
  const tables = await deps.liveTables();
  const minuteAgo = new Date(ctx.now.getTime() - MINUTE_MS);
  const { hands, rake } = await ctx.db.analytics.handTotals(minuteAgo, ctx.now);
  const tournaments = await ctx.db.analytics.tournamentTotals(minuteAgo, ctx.now);
  const connections: Record<string, number> = {};
  let seatedPlayers = 0;
  let watchers = 0;
  for (const table of tables) {
    seatedPlayers += table.seated;
    // A seated player who dropped is not a client, so clients can be fewer than seats; that table has no watchers.
    watchers += Math.max(0, table.clients - table.seated);
    const process = table.processId ?? 'unknown';
    connections[process] = (connections[process] ?? 0) + table.clients;
  }
  const snapshot: AnalyticsSnapshotRecord = {
    takenAt: ctx.now, openTables: tables.length, seatedPlayers, watchers, hands, rake,
    tournamentEntries: tournaments.entries, tournamentFees: tournaments.fees, tournamentPrizes: tournaments.prizes, connections,
  };
  const saved = await ctx.db.analytics.saveSnapshot(snapshot);
  return { snapshot, saved };
}

/** Every minute. */
export function analyticsSnapshotJob(deps: AnalyticsSnapshotDeps): JobDefinition {
  return {
    name: ANALYTICS_SNAPSHOT_JOB,
    cron: '* * * * *',
    run: async (ctx) => {
      const { snapshot, saved } = await takeAnalyticsSnapshot(ctx, deps);
      return { saved, openTables: snapshot.openTables, seatedPlayers: snapshot.seatedPlayers, hands: snapshot.hands };
    },
  };
}
