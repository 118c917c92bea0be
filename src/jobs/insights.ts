import type { JobDefinition } from './types.ts';

export const INSIGHTS_JOB = 'insights';

/**
 * Every five minutes: the insight rules over the latest aggregates and hands
 * (`src/insights/`), whose findings are stored and delivered to admins.
 * `run` is the process's `InsightService.run`.
 */
export function insightsJob(run: (now: Date) => Promise<unknown>): JobDefinition {
  return { name: INSIGHTS_JOB, cron: '*/5 * * * *', run: (ctx) => run(ctx.now) };
}
