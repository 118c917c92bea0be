import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { runInsights } from '../../src/insights/run.ts';
import { describeEachBackend } from '../persistence/databases.ts';
import { startFelt, type Felt } from '../support/felt.ts';
import { webhookReceiver } from './receiver.ts';
import { openSse, type SseClient } from './sse-client.ts';
import { headsUpHand } from './support.ts';

const MINUTE = 60_000;
const ADMIN = { username: 'pit_boss', password: 'insights-are-fun' };

async function call(felt: Felt, method: string, path: string, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(felt.url + path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describeEachBackend('insights end to end', (backend) => {
  let felt: Felt;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  let adminToken: string;
  const feeds: SseClient[] = [];

  before(async function () {
    // A whole server on a busy machine can take a while to start.
    this.timeout(60_000);
    receiver = await webhookReceiver([204]);
    felt = await startFelt(backend, { FELT_ADMIN_USERNAME: ADMIN.username, FELT_ADMIN_PASSWORD: ADMIN.password, FELT_INSIGHTS_WEBHOOK_URL: receiver.url });
    const login = await fetch(`${felt.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    adminToken = ((await login.json()) as { token: string }).token;
  });

  // The server closes with feeds still open: their streams must not hold it up.
  after(async () => {
    await felt?.close();
    for (const feed of feeds) feed.close();
    await receiver?.close();
  });

  const feed = async (query: string, headers: Record<string, string> = {}): Promise<SseClient> => {
    const client = await openSse(`${felt.url}/api/admin/insights/feed${query}`, headers);
    feeds.push(client);
    return client;
  };

  it('when planted hands show chip dumping then a run stores it with its evidence, posts it to the webhook and streams it to admins', async () => {
    const db = felt.server.db;
    const ann = await felt.guest('Ann');
    const bob = await felt.guest('Bob');
    const now = new Date(Date.now() + MINUTE);
    const tableId = `planted-${randomUUID()}`;
    for (let i = 0; i < 12; i++) {
      const hand = headsUpHand({ tableId, loser: ann.id, winner: bob.id, endedAt: new Date(now.getTime() - (60 - i) * MINUTE), openTo: i % 2 === 0 ? 60 : 0, raiseTo: 200, handNumber: i + 1 });
      await db.completion.complete({ hand, snapshot: { tableId, version: i + 1, state: { planted: true } } });
    }
    const byQuery = await feed(`?token=${encodeURIComponent(adminToken)}`);
    const byHeader = await feed('', { authorization: `Bearer ${adminToken}` });
    for (const client of [byQuery, byHeader]) {
      assert.equal(client.status, 200);
      assert.match(client.headers.get('content-type') ?? '', /^text\/event-stream/);
      await client.next((event) => event.event === 'ready');
    }

    const webhookCall = receiver.next();
    const result = await runInsights({ db, now, liveTables: felt.server.insights.liveTables, deliver: felt.server.insights.deliver });
    const dumping = result.stored.find((insight) => insight.kind === 'chipDumping');
    assert.ok(dumping, `no chip dumping among ${JSON.stringify(result.stored.map((insight) => insight.kind))}`);
    assert.deepEqual(dumping.subject, { fromPlayerId: ann.id, toPlayerId: bob.id });

    const stored = await call(felt, 'GET', `/api/admin/insights/${dumping.id}`, adminToken);
    assert.equal(stored.status, 200);
    assert.equal(stored.body.kind, 'chipDumping');
    assert.equal(stored.body.severity, 'critical');
    assert.equal(stored.body.evidence.netFlowBb, 183);
    assert.equal(stored.body.evidence.handsTogether, 12);
    assert.equal(stored.body.evidence.foldsToLargeBets, 6);
    assert.equal(stored.body.acknowledgedAt, null);

    const posted = await webhookCall;
    assert.equal(posted.body.type, 'felt.insight');
    assert.deepEqual(posted.body.insight, stored.body);

    for (const client of [byQuery, byHeader]) {
      const event = await client.next((candidate) => candidate.event === 'insight' && candidate.id === dumping.id);
      assert.deepEqual(JSON.parse(event.data), stored.body);
    }

    // The next run, five minutes on, finds it again but neither stores nor sends it twice.
    const again = await runInsights({ db, now: new Date(now.getTime() + 5 * MINUTE), liveTables: felt.server.insights.liveTables, deliver: felt.server.insights.deliver });
    assert.equal(again.stored.filter((insight) => insight.kind === 'chipDumping').length, 0);
    assert.equal(receiver.received.filter((request) => request.body.insight.id === dumping.id).length, 1);
  });

  it('when admins list, read and acknowledge insights then each answers as documented, 404 and 409 included', async () => {
    const [insight] = await felt.server.db.insights.storeNew([{
      kind: 'idleTable', severity: 'info', subject: { tableId: 't' }, summary: 'Idle.', recommendation: 'Close it.', evidence: { idleMinutes: 200 }, dedupeKey: `idleTable:${randomUUID()}`,
    }], { now: new Date(), windowMs: () => MINUTE });

    const list = await call(felt, 'GET', '/api/admin/insights?kind=idleTable&unacknowledged=true&limit=5', adminToken);
    assert.equal(list.status, 200);
    assert.equal(list.body.limit, 5);
    assert.ok(list.body.items.some((item: { id: string }) => item.id === insight.id));
    assert.ok(list.body.items.every((item: { kind: string }) => item.kind === 'idleTable'));

    const acknowledged = await call(felt, 'POST', `/api/admin/insights/${insight.id}/acknowledge`, adminToken);
    assert.equal(acknowledged.status, 200);
    assert.ok(acknowledged.body.acknowledgedAt);
    const again = await call(felt, 'POST', `/api/admin/insights/${insight.id}/acknowledge`, adminToken);
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'already_acknowledged');
    const open = await call(felt, 'GET', '/api/admin/insights?unacknowledged=true&limit=200', adminToken);
    assert.ok(!open.body.items.some((item: { id: string }) => item.id === insight.id));

    assert.equal((await call(felt, 'GET', `/api/admin/insights/${randomUUID()}`, adminToken)).body.code, 'not_found');
    assert.equal((await call(felt, 'POST', `/api/admin/insights/${randomUUID()}/acknowledge`, adminToken)).status, 404);
    assert.equal((await call(felt, 'GET', '/api/admin/insights?kind=weather', adminToken)).body.code, 'invalid_request');
  });

  it('when someone who is not an admin asks then the list, the run and the feed refuse, a token in the query included', async () => {
    const guest = await felt.guest('Nosy');
    assert.equal((await call(felt, 'GET', '/api/admin/insights')).status, 401);
    assert.equal((await call(felt, 'GET', '/api/admin/insights', guest.token)).status, 403);
    assert.equal((await call(felt, 'POST', '/api/admin/insights/run', guest.token)).status, 403);
    const noToken = await feed('');
    assert.equal(noToken.status, 401);
    const guestFeed = await feed(`?token=${encodeURIComponent(guest.token)}`);
    assert.equal(guestFeed.status, 403);
    assert.equal(JSON.parse(await guestFeed.body()).code, 'admin_only');
    const forged = await feed(`?token=${encodeURIComponent(adminToken.slice(0, -4))}AAAA`);
    assert.equal(forged.status, 401);
    const problem = await forged.body();
    assert.equal(JSON.parse(problem).instance, '/api/admin/insights/feed');
    assert.ok(!problem.includes(adminToken.slice(0, 20)));
  });

  it('when an admin runs the rules by hand then the answer lists what was found and stored', async () => {
    const run = await call(felt, 'POST', '/api/admin/insights/run', adminToken);
    assert.equal(run.status, 200);
    assert.equal(typeof run.body.found, 'number');
    assert.ok(Array.isArray(run.body.stored));
    assert.equal(run.body.truncated, false);
  });
});
