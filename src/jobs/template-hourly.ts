import type { TemplateHourlyRecord } from '../persistence/analytics-types.ts';
import type { JobContext, JobDefinition } from './types.ts';

export const TEMPLATE_HOURLY_JOB = 'template-hourly';

const HOUR_MS = 3_600_000;

/** How far back a run looks for hours that no run summed (the cluster was down at five past). */
export const BACKFILL_HOURS = 24;

/** The start of the hour before the one `at` falls in. */
export function previousHour(at: Date): Date {
  return new Date((Math.floor(at.getTime() / HOUR_MS) - 1) * HOUR_MS);
}

/**
 * Sums the hour before `ctx.now` per template: hands, unique players, rake,
 * pot total, and the flop counts behind "players per flop". Replaces that
 * hour's rows, so a second run (or a backfill) gives the same numbers.
 */
export async function aggregateTemplateHour(ctx: JobContext, hour: Date = previousHour(ctx.now)): Promise<TemplateHourlyRecord[]> {
  return ctx.db.analytics.aggregateHour(hour);
}

/**
 * The hours of the last `BACKFILL_HOURS` before `hour` that no successful
 * run of this job summed, oldest first. The job's own runs say which hours
 * were done, so finding them costs one small query, not a scan of the hands.
 */
export async function missedHours(ctx: JobContext, hour: Date): Promise<Date[]> {
  const { items } = await ctx.db.jobRuns.list({ jobName: TEMPLATE_HOURLY_JOB, status: 'ok', limit: 4 * BACKFILL_HOURS, offset: 0 });
  const done = new Set(items.map((run) => previousHour(new Date(run.slot)).getTime()));
  const missed: Date[] = [];
  for (let back = BACKFILL_HOURS; back >= 1; back--) {
    const earlier = hour.getTime() - back * HOUR_MS;
    if (!done.has(earlier)) missed.push(new Date(earlier));
  }
  return missed;
}

/**
 * Five minutes past every hour, so hands that ended in the last moments of
 * the hour have been written by the time it is summed: per template, and the
 * hour's tournament money (`aggregateTournamentHour`). It also sums any of
 * the day's earlier hours that no run did.
 */
export function templateHourlyJob(): JobDefinition {
  return {
    name: TEMPLATE_HOURLY_JOB,
    cron: '5 * * * *',
    run: async (ctx) => {
      const hour = previousHour(ctx.now);
      const backfilled = await missedHours(ctx, hour);
      for (const earlier of backfilled) {
        await aggregateTemplateHour(ctx, earlier);
        await ctx.db.analytics.aggregateTournamentHour(earlier);
      }
      const rows = await aggregateTemplateHour(ctx, hour);
      const tournaments = await ctx.db.analytics.aggregateTournamentHour(hour);
      return {
        hour: hour.toISOString(), templates: rows.length, hands: rows.reduce((sum, row) => sum + row.hands, 0),
        tournamentEntries: tournaments?.entries ?? 0, backfilled: backfilled.length,
      };
    },
  };
}
