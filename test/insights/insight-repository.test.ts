import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { InsightInput } from '../../src/persistence/insight-types.ts';
import { describeEachBackend, useFreshDatabase } from '../persistence/databases.ts';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.UTC(2026, 10, 30, 12) + hours * HOUR);
const finding = (dedupeKey: string, kind = 'idleTable'): InsightInput => ({
  kind, severity: 'info', subject: { tableId: dedupeKey }, summary: `Table ${dedupeKey} is idle.`, recommendation: 'Close it.', evidence: { idleMinutes: 180, nested: { ok: true } }, dedupeKey,
});
const window = () => 6 * HOUR;

describeEachBackend('insight repository', (backend) => {
  const db = useFreshDatabase(backend);

  it('when a finding is stored then it reads back whole, and again within the window it is not stored twice', async () => {
    const key = `idle:${randomUUID()}`;
    const [stored] = await db().insights.storeNew([finding(key)], { now: at(0), windowMs: window });
    assert.equal(stored.dedupeKey, key);
    assert.deepEqual(await db().insights.get(stored.id), stored);
    assert.deepEqual(stored.evidence, { idleMinutes: 180, nested: { ok: true } });
    assert.equal(stored.acknowledgedAt, null);

    assert.deepEqual(await db().insights.storeNew([finding(key)], { now: at(5), windowMs: window }), []);
    const later = await db().insights.storeNew([finding(key)], { now: at(6.5), windowMs: window });
    assert.equal(later.length, 1);
    assert.notEqual(later[0].id, stored.id);
  });

  it('when two runs store the same findings at once then each key is stored once', async () => {
    const keys = [`idle:${randomUUID()}`, `idle:${randomUUID()}`];
    const runs = await Promise.all([1, 2, 3].map(() => db().insights.storeNew(keys.map((key) => finding(key)), { now: at(0), windowMs: window })));
    assert.deepEqual(runs.flat().map((insight) => insight.dedupeKey).sort(), [...keys].sort());
  });

  it('when listed then newest come first, filtered by kind and by acknowledgement, with the total', async () => {
    const kind = `test${randomUUID().slice(0, 8)}`;
    const stored = [];
    for (let i = 0; i < 3; i++) stored.push(...await db().insights.storeNew([finding(randomUUID(), kind)], { now: at(10 + i), windowMs: window }));
    const all = await db().insights.list({ kind, limit: 2, offset: 0 });
    assert.equal(all.total, 3);
    assert.deepEqual(all.items.map((insight) => insight.id), [stored[2].id, stored[1].id]);
    assert.deepEqual((await db().insights.list({ kind, limit: 2, offset: 2 })).items.map((insight) => insight.id), [stored[0].id]);

    await db().insights.acknowledge(stored[1].id, randomUUID(), at(20));
    const open = await db().insights.list({ kind, unacknowledged: true, limit: 10, offset: 0 });
    assert.deepEqual(open.items.map((insight) => insight.id), [stored[2].id, stored[0].id]);
    assert.equal(open.total, 2);
  });

  it('when acknowledged twice then the second is told who came first, and an unknown id is not found', async () => {
    const [insight] = await db().insights.storeNew([finding(randomUUID())], { now: at(0), windowMs: window });
    const admin = randomUUID();
    const first = await db().insights.acknowledge(insight.id, admin, at(1));
    assert.equal(first.outcome, 'acknowledged');
    assert.ok(first.outcome === 'acknowledged' && first.insight.acknowledgedAt?.getTime() === at(1).getTime() && first.insight.acknowledgedBy === admin);
    const second = await db().insights.acknowledge(insight.id, randomUUID(), at(2));
    assert.equal(second.outcome, 'alreadyAcknowledged');
    assert.ok(second.outcome === 'alreadyAcknowledged' && second.insight.acknowledgedBy === admin);
    assert.deepEqual(await db().insights.acknowledge(randomUUID(), admin, at(3)), { outcome: 'notFound' });
    assert.deepEqual(await db().insights.acknowledge('not-a-uuid', admin, at(3)), { outcome: 'notFound' });
    assert.equal(await db().insights.get('not-a-uuid'), null);
  });

  it('when asked for player names then it answers the known ones', async () => {
    const ann = await db().players.createGuest('Ann', 0);
    const names = await db().insights.playerNames([ann.id, ann.id, randomUUID(), 'nobody', '']);
    assert.deepEqual([...names], [[ann.id, 'Ann']]);
  });
});
