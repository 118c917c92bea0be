import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { describeCluster, startCluster, type TestCluster } from '../support/cluster.ts';
import { webhookReceiver } from './receiver.ts';
import { openSse, type SseClient } from './sse-client.ts';
import { headsUpHand } from './support.ts';

const ADMIN = { username: 'pit_boss', password: 'insights-are-fun' };

describeCluster('insights across a cluster', function () {
  this.timeout(120_000);
  let cluster: TestCluster;
  let db: Database;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  const feeds: SseClient[] = [];

  before(async () => {
    receiver = await webhookReceiver([204]);
    cluster = await startCluster(2, { env: { FELT_ADMIN_USERNAME: ADMIN.username, FELT_ADMIN_PASSWORD: ADMIN.password, FELT_INSIGHTS_WEBHOOK_URL: receiver.url } });
    db = await openDatabase({ databaseUrl: cluster.databaseUrl });
  });

  after(async () => {
    for (const feed of feeds) feed.close();
    await db?.close();
    await cluster?.close();
    await receiver?.close();
  });

  it('when the rules run on one process then admins connected to every process hear the insight, and the webhook gets it once', async () => {
    const [first, second] = cluster.nodes;
    const login = await fetch(`${first.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const token = ((await login.json()) as { token: string }).token;
    const [ann, bob] = [await db.players.createGuest('Ann', 0), await db.players.createGuest('Bob', 0)];
    const tableId = `planted-${randomUUID()}`;
    for (let i = 0; i < 12; i++) {
      const hand = headsUpHand({ tableId, loser: ann.id, winner: bob.id, endedAt: new Date(Date.now() - (60 - i) * 60_000), openTo: i % 2 === 0 ? 60 : 0, raiseTo: 200, handNumber: i + 1 });
      await db.completion.complete({ hand, snapshot: { tableId, version: i + 1, state: { planted: true } } });
    }
    for (const node of [first, second]) {
      const feed = await openSse(`${node.url}/api/admin/insights/feed?token=${encodeURIComponent(token)}`);
      feeds.push(feed);
      await feed.next((event) => event.event === 'ready');
    }

    const run = await fetch(`${first.url}/api/admin/insights/run`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    assert.equal(run.status, 200);
    const dumping = ((await run.json()) as { stored: { id: string; kind: string }[] }).stored.find((insight) => insight.kind === 'chipDumping');
    assert.ok(dumping, 'the run stored a chip-dumping insight');

    for (const feed of feeds) {
      const event = await feed.next((candidate) => candidate.event === 'insight' && candidate.id === dumping.id);
      assert.equal(JSON.parse(event.data).subject.fromPlayerId, ann.id);
    }
    assert.equal(receiver.received.filter((request) => request.body.insight.id === dumping.id).length, 1);
  });
});
