import assert from 'node:assert/strict';
import { cleanupJob, planTemplate, runCleanup, type CleanupDeps } from '../../src/jobs/cleanup.ts';
import type { LiveTableLoad } from '../../src/jobs/live-tables.ts';
import type { Database } from '../../src/persistence/database.ts';
import type { TableRecord, TemplateRecord } from '../../src/persistence/types.ts';
import { DEFAULT_TEMPLATES } from '../../src/tables/default-templates.ts';
import { describeEachBackend, withFreshDatabase } from '../persistence/databases.ts';
import { contextAt, load, plantHand, plantTable, plantTemplate, playedHand } from './helpers.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const NOW = new Date('2026-12-10T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const template = (fields: Partial<TemplateRecord> = {}): TemplateRecord => ({ ...DEFAULT_TEMPLATES[0], id: 'tpl', retiredAt: null, idleMinutes: 60, minTables: 1, ...fields });
const table = (id: string, createdAt = ago(DAY)): TableRecord => ({ id, templateId: 'tpl', tournamentId: null, settings: null, name: id, status: 'open', ownerProcess: 'p1', leaseUntil: null, createdAt });
const liveMap = (...loads: LiveTableLoad[]) => new Map(loads.map((entry) => [entry.tableId, entry]));

describe('jobs: cleanup plan for one template', () => {
  it('when tables are idle past the template\'s minutes then the most idle close, down to the minimum', () => {
    const tables = [table('a'), table('b'), table('c')];
    const activity = new Map([['a', ago(61 * MINUTE)], ['b', ago(3 * 60 * MINUTE)], ['c', ago(2 * 60 * MINUTE)]]);

    const plan = planTemplate(template({ minTables: 1 }), tables, liveMap(load('a'), load('b'), load('c')), activity, NOW);

    assert.deepEqual(plan, { close: ['b', 'c'], openForMinimum: 0, openForDemand: false });
  });

  it('when a table has a seated or waiting player, or saw play within its idle minutes, then it stays open', () => {
    const tables = [table('seated'), table('waiting'), table('recent'), table('new', ago(10 * MINUTE))];
    const activity = new Map([['seated', ago(DAY)], ['waiting', ago(DAY)], ['recent', ago(59 * MINUTE)], ['new', null]]);
    const live = liveMap(load('seated', { seated: 1, clients: 1 }), load('waiting', { waiting: 1 }), load('recent'), load('new'));

    const plan = planTemplate(template({ minTables: 0 }), tables, live, activity, NOW);

    assert.deepEqual(plan.close, []);
  });

  it('when a table has no hand and no snapshot then its age counts as its idle time', () => {
    const plan = planTemplate(template({ minTables: 0 }), [table('old', ago(61 * MINUTE))], liveMap(load('old')), new Map([['old', null]]), NOW);

    assert.deepEqual(plan.close, ['old']);
  });

  it('when a template has fewer tables than its minimum then the missing ones open', () => {
    assert.deepEqual(planTemplate(template({ minTables: 3 }), [table('a')], liveMap(load('a', { seated: 2 })), new Map(), NOW), { close: [], openForMinimum: 2, openForDemand: false });
  });

  it('when every table is full and someone waits then one more opens, and not otherwise', () => {
    const tables = [table('a'), table('b')];
    const full = (id: string, waiting: number) => load(id, { seated: 6, clients: 6, waiting });

    assert.equal(planTemplate(template(), tables, liveMap(full('a', 2), full('b', 0)), new Map(), NOW).openForDemand, true);
    assert.equal(planTemplate(template(), tables, liveMap(full('a', 0), full('b', 0)), new Map(), NOW).openForDemand, false, 'nobody waits');
    assert.equal(planTemplate(template(), tables, liveMap(full('a', 2), load('b', { seated: 5, waiting: 0 })), new Map(), NOW).openForDemand, false, 'a seat is free');
    assert.equal(planTemplate(template(), tables, liveMap(full('a', 2)), new Map(), NOW).openForDemand, false, 'b is not running: its seats are unknown');
    assert.equal(planTemplate(template(), tables, liveMap(full('a', 2), { ...full('b', 1), closing: true }), new Map(), NOW).openForDemand, false, 'b is closing');
  });

  it('when the template is retired then its idle tables all close and none opens', () => {
    const tables = [table('a'), table('b')];
    const live = liveMap(load('a'), load('b', { seated: 6, waiting: 3 }));

    const plan = planTemplate(template({ retiredAt: ago(DAY), minTables: 2 }), tables, live, new Map([['a', ago(DAY)], ['b', ago(DAY)]]), NOW);

    assert.deepEqual(plan, { close: ['a'], openForMinimum: 0, openForDemand: false });
  });

  it('when a table\'s room is not running then it counts toward the minimum but is not closed', () => {
    const plan = planTemplate(template({ minTables: 1 }), [table('orphan')], liveMap(), new Map([['orphan', ago(DAY)]]), NOW);

    assert.deepEqual(plan, { close: [], openForMinimum: 0, openForDemand: false });
  });
});

/** Fakes of the table control that record what the job asked for. */
function recordingControl(live: LiveTableLoad[], failClose: string[] = []) {
  const calls: string[] = [];
  const deps: CleanupDeps = {
    liveTables: async () => live,
    openTable: async (templateId) => { calls.push(`open ${templateId}`); },
    closeTable: async (tableId) => {
      if (failClose.includes(tableId)) throw new Error(`table ${tableId} did not answer`);
      calls.push(`close ${tableId}`);
    },
    handRetentionDays: 365,
    snapshotRetentionDays: 7,
    analyticsRetentionDays: 90,
  };
  return { calls, deps };
}

async function plantSnapshot(db: Database, tableId: string, savedAt: Date): Promise<void> {
  await db.orm.em.fork().execute('insert into "snapshot" ("table_id", "version", "state", "saved_at") values (?, 1, ?, ?)', [tableId, '{}', savedAt]);
}

async function snapshotIds(db: Database): Promise<string[]> {
  const rows = await db.orm.em.fork().execute<{ table_id: string }[]>('select "table_id" from "snapshot" order by "table_id"');
  return rows.map((row) => row.table_id);
}

describeEachBackend('jobs: cleanup', (backend) => {
  it('when it runs then idle tables close, minimums and demand open tables, and hands and closed tables\' snapshots past retention go', async () => {
    await withFreshDatabase(backend, async (db) => {
      const a = await plantTemplate(db, { minTables: 1, idleMinutes: 60 });
      const b = await plantTemplate(db, { minTables: 2 });
      const c = await plantTemplate(db, { minTables: 1 });
      const d = await plantTemplate(db, { minTables: 1 });
      const [idle, recent, busy] = [await plantTable(db, a.id), await plantTable(db, a.id), await plantTable(db, a.id)];
      const b1 = await plantTable(db, b.id);
      const [c1, c2] = [await plantTable(db, c.id), await plantTable(db, c.id)];
      const d1 = await plantTable(db, d.id);
      await db.templates.retire(d.id);
      const [oldClosed, newClosed] = [await plantTable(db, a.id), await plantTable(db, a.id)];
      for (const closed of [oldClosed, newClosed]) await db.tables.setStatus(closed.id, 'closed');
      await plantSnapshot(db, idle.id, ago(2 * 60 * MINUTE));
      await plantSnapshot(db, busy.id, ago(30 * DAY));
      await plantSnapshot(db, oldClosed.id, ago(8 * DAY));
      await plantSnapshot(db, newClosed.id, ago(6 * DAY));
      const hand = playedHand('headsUpFlop');
      await plantHand(db, { tableId: recent.id, endedAt: ago(30 * MINUTE), playerIds: ['p1', 'p2', 'p3'], ...hand });
      const expired = await plantHand(db, { tableId: busy.id, endedAt: ago(366 * DAY), playerIds: ['p1', 'p2', 'p3'], ...hand });
      const kept = await plantHand(db, { tableId: busy.id, endedAt: ago(364 * DAY), playerIds: ['p1', 'p2', 'p3'], ...hand });
      const { calls, deps } = recordingControl([
        load(idle.id), load(recent.id), load(busy.id, { seated: 2, clients: 3 }),
        load(b1.id, { seated: 6, clients: 6, waiting: 2 }),
        load(c1.id, { seated: 6, clients: 6, waiting: 1 }), load(c2.id, { seated: 6, clients: 7 }),
        load(d1.id),
      ]);

      const result = await cleanupJob(deps).run(contextAt(db, NOW));

      assert.deepEqual([...calls].sort(), [`close ${d1.id}`, `close ${idle.id}`, `open ${b.id}`, `open ${c.id}`].sort());
      assert.deepEqual(result, {
        closed: [idle.id, d1.id],
        opened: [{ templateId: b.id, reason: 'minimum' }, { templateId: c.id, reason: 'demand' }],
        prunedHands: 1,
        prunedSnapshots: 1,
        prunedAnalytics: { snapshots: 0, jobRuns: 0 },
      });
      assert.equal(await db.hands.get(expired), null);
      assert.notEqual(await db.hands.get(kept), null);
      assert.deepEqual(await snapshotIds(db), [busy.id, idle.id, newClosed.id].sort());
    });
  });

  it('when closing one table fails then the rest is still done and the run fails naming what went wrong', async () => {
    await withFreshDatabase(backend, async (db) => {
      const a = await plantTemplate(db, { minTables: 0, idleMinutes: 5 });
      const b = await plantTemplate(db, { minTables: 1 });
      const [stuck, fine] = [await plantTable(db, a.id), await plantTable(db, a.id)];
      const oldHand = await plantHand(db, { tableId: fine.id, endedAt: ago(400 * DAY), playerIds: ['p1', 'p2', 'p3'], ...playedHand('noFlop') });
      const { calls, deps } = recordingControl([load(stuck.id), load(fine.id)], [stuck.id]);

      await assert.rejects(runCleanup(contextAt(db, NOW), deps), (error: Error) => {
        assert.match(error.message, new RegExp(`1 step\\(s\\) failed: close idle table ${stuck.id}: table ${stuck.id} did not answer`));
        return true;
      });

      assert.deepEqual(calls, [`close ${fine.id}`, `open ${b.id}`]);
      assert.equal(await db.hands.get(oldHand), null);
    });
  });

  it('when minute analytics and job runs are past retention then they go, but a run still claimed stays', async () => {
    await withFreshDatabase(backend, async (db) => {
      const em = db.orm.em.fork();
      for (const takenAt of [ago(91 * DAY), ago(89 * DAY)]) {
        await em.execute('insert into "analytics_snapshots" ("taken_at", "open_tables", "seated_players", "watchers", "hands", "rake", "connections") values (?, 0, 0, 0, 0, 0, ?)', [takenAt, '{}']);
      }
      const run = (slot: string, startedAt: Date, status: string) =>
        em.execute('insert into "job_runs" ("job_name", "slot", "process_id", "status", "started_at") values (?, ?, ?, ?, ?)', ['probe', slot, 'p', status, startedAt]);
      await run('old-ok', ago(91 * DAY), 'ok');
      await run('old-failed', ago(92 * DAY), 'failed');
      await run('old-running', ago(91 * DAY), 'running');
      await run('recent-ok', ago(89 * DAY), 'ok');
      const { deps } = recordingControl([]);

      const result = await runCleanup(contextAt(db, NOW), deps);

      assert.deepEqual(result.prunedAnalytics, { snapshots: 1, jobRuns: 2 });
      const taken = await em.execute<{ taken_at: unknown }[]>('select "taken_at" from "analytics_snapshots"');
      assert.deepEqual(taken.map((row) => new Date(row.taken_at as string).getTime()), [ago(89 * DAY).getTime()]);
      const slots = await em.execute<{ slot: string }[]>('select "slot" from "job_runs" order by "slot"');
      assert.deepEqual(slots.map((row) => row.slot), ['old-running', 'recent-ok']);
    });
  });
});
