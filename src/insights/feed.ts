import type { Presence } from '@colyseus/core';
import type { Logger } from '../log.ts';
import { insightViewSchema, type InsightView } from './view.ts';

/** The presence channel new insights travel on to every process of the cluster. */
export const INSIGHT_TOPIC = 'felt:insights';

/** One admin's live connection: it gets each insight, and is told when the process shuts down. */
export type FeedListener = { send(insight: InsightView): void; close(): void };

type Channel = Pick<Presence, 'publish' | 'subscribe' | 'unsubscribe'>;

/**
 * The live admin feed of one process. The insights job runs on one process
 * of the cluster but admins may be connected to any, so a new insight is
 * published on presence (Redis in a cluster, in-process alone) and every
 * process passes what it hears to its own listeners (the SSE connections of
 * `GET /api/admin/insights/feed`).
 */
export class InsightFeed {
  private readonly listeners = new Set<FeedListener>();
  private channel: Channel | null = null;
  private readonly log: Logger | undefined;
  private readonly onMessage = (message: unknown): void => {
    const parsed = insightViewSchema.safeParse(message);
    if (!parsed.success) {
      this.log?.warn({ topic: INSIGHT_TOPIC }, 'ignored a malformed insight on presence');
      return;
    }
    for (const listener of this.listeners) listener.send(parsed.data);
  };

  constructor(options: { log?: Logger } = {}) {
    this.log = options.log;
  }

  /** Starts hearing the cluster's insights on `channel` (the process's presence). */
  async attach(channel: Channel): Promise<void> {
    this.channel = channel;
    await channel.subscribe(INSIGHT_TOPIC, this.onMessage);
  }

  /** Tells every process's admins. Before `attach`, only this process's. */
  async publish(insight: InsightView): Promise<void> {
    if (this.channel) await this.channel.publish(INSIGHT_TOPIC, insight);
    else this.onMessage(insight);
  }

  /** Adds a listener; returns the function that removes it. */
  listen(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** How many admins are listening on this process. */
  get size(): number {
    return this.listeners.size;
  }

  /** Stops hearing presence and closes every listener (at shutdown, so open streams do not hold the server up). */
  close(): void {
    this.channel?.unsubscribe(INSIGHT_TOPIC, this.onMessage);
    this.channel = null;
    for (const listener of [...this.listeners]) listener.close();
    this.listeners.clear();
  }
}
