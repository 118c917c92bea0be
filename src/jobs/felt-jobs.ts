import type { TableControl } from '../tables/manage.ts';
import { analyticsSnapshotJob } from './analytics-snapshot.ts';
import { cleanupJob, type CleanupDeps } from './cleanup.ts';
import { insightsJob } from './insights.ts';
import type { LiveTables } from './live-tables.ts';
import { templateHourlyJob } from './template-hourly.ts';
import { tournamentTemplatesJob } from './tournament-templates.ts';
import type { JobDefinition } from './types.ts';

export type FeltJobsDeps = CleanupDeps & {
  /** One run of the insight rules at `now`. */
  insights(now: Date): Promise<unknown>;
};

/**
 * Felt's background jobs and their schedules (UTC):
 *
 * | job | when | does |
 * |---|---|---|
 * | `analytics-snapshot` | every minute | tables, seats, watchers, the minute's hands and rake, connections per process |
 * | `cleanup` | every minute | closes idle tables, keeps minimums, opens a table for waiting players, prunes past retention |
 * | `insights` | every 5 minutes | the insight rules; findings go to the admin feed and the webhook |
 * | `template-hourly` | 5 past each hour | the previous hour's sums per template and its tournament money (and missed hours of the last day) |
 * | `tournament-templates` | every minute | opens the scheduled tournaments whose minute it is, and a sit-and-go for each refilled template with none registering |
 */
export function feltJobs(deps: FeltJobsDeps): JobDefinition[] {
  return [
    analyticsSnapshotJob({ liveTables: deps.liveTables }),
    cleanupJob(deps),
    insightsJob(deps.insights),
    templateHourlyJob(),
    tournamentTemplatesJob(),
  ];
}

/** The live tables of every process, as the admin table control lists them. */
export function liveTablesOf(control: Pick<TableControl, 'list'>): LiveTables {
  return async () => (await control.list()).map((table) => ({
    tableId: table.tableId, processId: table.processId, clients: table.clients, seated: table.seated,
    waiting: table.waiting, maxSeats: table.maxSeats, closing: table.status === 'closing',
  }));
}
