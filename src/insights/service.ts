import type { Logger } from '../log.ts';
import type { Database } from '../persistence/database.ts';
import type { InsightRecord } from '../persistence/insight-types.ts';
import type { InsightFeed } from './feed.ts';
import { runInsights, type InsightOptions, type InsightRunResult, type LiveTable } from './run.ts';
import { insightView } from './view.ts';
import { postInsightWebhook, type WebhookOptions } from './webhook.ts';

/** What a process offers for insights: runs (scheduled or asked for by an admin) and the live feed. */
export type InsightService = {
  feed: InsightFeed;
  /** One run of the insights job at `now` (default: the current time). */
  run(now?: Date): Promise<InsightRunResult>;
  /** Sends one insight to the feed of every process and to the webhook. */
  deliver(insight: InsightRecord): Promise<void>;
  liveTables(): Promise<LiveTable[]>;
};

export type InsightServiceOptions = {
  db: Database;
  feed: InsightFeed;
  liveTables(): Promise<LiveTable[]>;
  /** `FELT_INSIGHTS_WEBHOOK_URL`; unset: the feed only. */
  webhookUrl: string | undefined;
  log?: Logger;
  webhook?: Omit<WebhookOptions, 'log'>;
  options?: Partial<InsightOptions>;
};

/**
 * Wires the insights job to a process: the live tables it sees, the feed it
 * publishes on and the webhook it posts to. The job scheduler calls `run`
 * (or `runInsights` with `deliver` and `liveTables` from here).
 */
export function insightService(options: InsightServiceOptions): InsightService {
  const { db, feed, log } = options;
  const deliver = async (insight: InsightRecord): Promise<void> => {
    const view = insightView(insight);
    const [published] = await Promise.allSettled([
      feed.publish(view),
      options.webhookUrl ? postInsightWebhook(options.webhookUrl, view, { ...options.webhook, log }) : null,
    ]);
    if (published.status === 'rejected') throw published.reason;
  };
  return {
    feed,
    deliver,
    liveTables: options.liveTables,
    run: (now = new Date()) => runInsights({ db, now, liveTables: options.liveTables, deliver, ...(log ? { log } : {}), ...(options.options ? { options: options.options } : {}) }),
  };
}
