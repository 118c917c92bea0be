import assert from 'node:assert/strict';
import { postInsightWebhook } from '../../src/insights/webhook.ts';
import type { InsightView } from '../../src/insights/view.ts';
import { freePort } from '../support/felt.ts';
import { webhookReceiver } from './receiver.ts';

const insight: InsightView = {
  id: '5b0e1f3c-2d7a-4c39-9a57-0d0a8a0c4f11', kind: 'idleTable', severity: 'info', subject: { tableId: 't1' },
  summary: 'Table t1 is idle.', recommendation: 'Close it.', evidence: { idleMinutes: 180 }, dedupeKey: 'idleTable:t1',
  createdAt: '2026-11-30T12:00:00.000Z', acknowledgedAt: null, acknowledgedBy: null,
};
const quick = { timeoutMs: 300, backoffMs: 5 };

describe('insight webhook', () => {
  it('when the receiver accepts then one POST carries the insight as JSON with its id in a header', async () => {
    const receiver = await webhookReceiver([200]);
    try {
      assert.deepEqual(await postInsightWebhook(receiver.url, insight, quick), { delivered: true, attempts: 1, status: 200 });
      assert.equal(receiver.received.length, 1);
      const [request] = receiver.received;
      assert.deepEqual(request.body, { type: 'felt.insight', insight });
      assert.equal(request.headers['content-type'], 'application/json');
      assert.equal(request.headers['x-felt-insight-id'], insight.id);
    } finally {
      await receiver.close();
    }
  });

  it('when the receiver fails with 503 and then accepts then the retry delivers it', async () => {
    const receiver = await webhookReceiver([503, 204]);
    try {
      assert.deepEqual(await postInsightWebhook(receiver.url, insight, quick), { delivered: true, attempts: 2, status: 204 });
      assert.equal(receiver.received.length, 2);
    } finally {
      await receiver.close();
    }
  });

  it('when the receiver refuses with 400 then it is not retried', async () => {
    const receiver = await webhookReceiver([400]);
    try {
      assert.deepEqual(await postInsightWebhook(receiver.url, insight, quick), { delivered: false, attempts: 1, status: 400 });
    } finally {
      await receiver.close();
    }
  });

  it('when the receiver never answers then each attempt times out and it gives up after the retries, without throwing', async () => {
    const receiver = await webhookReceiver([0]);
    try {
      assert.deepEqual(await postInsightWebhook(receiver.url, insight, { ...quick, retries: 2 }), { delivered: false, attempts: 3 });
      assert.equal(receiver.received.length, 3);
    } finally {
      await receiver.close();
    }
  });

  it('when nothing listens at the address then it reports the failure, without throwing', async () => {
    const port = await freePort();
    assert.deepEqual(await postInsightWebhook(`http://127.0.0.1:${port}/`, insight, { ...quick, retries: 1 }), { delivered: false, attempts: 2 });
  });
});
