import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { LocalPresence } from '@colyseus/core';
import { RedisPresence } from '@colyseus/redis-presence';
import { Redis } from 'ioredis';
import { INSIGHT_TOPIC, InsightFeed } from '../../src/insights/feed.ts';
import type { InsightView } from '../../src/insights/view.ts';

const insight = (): InsightView => ({
  id: randomUUID(), kind: 'demandAboveSupply', severity: 'warning', subject: { templateId: 'nl2' },
  summary: 'NL 1/2 is full.', recommendation: 'Open another table.', evidence: { waiting: 3 }, dedupeKey: 'demandAboveSupply:nl2',
  createdAt: '2026-11-30T12:00:00.000Z', acknowledgedAt: null, acknowledgedBy: null,
});

/** The next insight a feed's listener hears. */
function heard(feed: InsightFeed): Promise<InsightView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no insight heard within 5 s')), 5_000);
    const stop = feed.listen({
      send: (view) => {
        clearTimeout(timer);
        stop();
        resolve(view);
      },
      close: () => {},
    });
  });
}

describe('insight feed', () => {
  it('when one process publishes then the listeners of every process on the presence hear it', async () => {
    const presence = new LocalPresence();
    const [job, other] = [new InsightFeed(), new InsightFeed()];
    await job.attach(presence);
    await other.attach(presence);
    const sent = insight();
    const [onJob, onOther] = [heard(job), heard(other)];
    await job.publish(sent);
    assert.deepEqual(await onJob, sent);
    assert.deepEqual(await onOther, sent);
    job.close();
    other.close();
  });

  it('when something else is published on the topic then listeners hear nothing of it', async () => {
    const presence = new LocalPresence();
    const feed = new InsightFeed();
    await feed.attach(presence);
    const views: InsightView[] = [];
    feed.listen({ send: (view) => views.push(view), close: () => {} });
    presence.publish(INSIGHT_TOPIC, { hello: 'world' });
    const sent = insight();
    await feed.publish(sent);
    assert.deepEqual(views, [sent]);
    feed.close();
  });

  it('when the feed closes then every listener is closed and later insights reach nobody', async () => {
    const presence = new LocalPresence();
    const feed = new InsightFeed();
    await feed.attach(presence);
    let closed = 0;
    const views: InsightView[] = [];
    feed.listen({ send: (view) => views.push(view), close: () => closed++ });
    feed.listen({ send: (view) => views.push(view), close: () => closed++ });
    assert.equal(feed.size, 2);
    feed.close();
    assert.equal(closed, 2);
    assert.equal(feed.size, 0);
    presence.publish(INSIGHT_TOPIC, insight());
    assert.deepEqual(views, []);
  });

  if (process.env.REDIS_URL) {
    it('when two processes share Redis then an insight published by one reaches the other [redis]', async () => {
      const prefix = `felt-test-${randomUUID().slice(0, 8)}:`;
      const presences = [0, 1].map(() => new RedisPresence(new Redis(process.env.REDIS_URL!, { keyPrefix: prefix })));
      const [job, other] = [new InsightFeed(), new InsightFeed()];
      try {
        await job.attach(presences[0]);
        await other.attach(presences[1]);
        const sent = insight();
        const onOther = heard(other);
        await job.publish(sent);
        assert.deepEqual(await onOther, sent);
      } finally {
        job.close();
        other.close();
        for (const presence of presences) presence.shutdown();
      }
    });
  }
});
