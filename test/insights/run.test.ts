import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { runInsights, type LiveTable } from '../../src/insights/run.ts';
import type { Database } from '../../src/persistence/database.ts';
import type { InsightRecord } from '../../src/persistence/insight-types.ts';
import { DEFAULT_TEMPLATES } from '../../src/tables/default-templates.ts';
import { describeEachBackend, useFreshDatabase } from '../persistence/databases.ts';
import { headsUpHand } from './support.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Tables open at `opened` on the repository's clock; the runs look from three hours later.
const opened = new Date('2026-11-30T09:00:00Z');
const now = new Date('2026-11-30T12:00:00Z');

/**
 * Ann passes chips to Bob at a heads-up table: six times she opens to 30 big
 * blinds and folds to his raise, and six times she folds her small blind.
 */
async function plantDumping(db: Database, tableId: string): Promise<{ ann: string; bob: string }> {
  const ann = (await db.players.createGuest('Ann', 0)).id;
  const bob = (await db.players.createGuest('Bob', 0)).id;
  for (let i = 0; i < 12; i++) {
    const hand = headsUpHand({ tableId, loser: ann, winner: bob, endedAt: new Date(now.getTime() - (60 - i) * MINUTE), openTo: i % 2 === 0 ? 60 : 0, raiseTo: 200, handNumber: i + 1 });
    await db.completion.complete({ hand, snapshot: { tableId, version: i + 1, state: { planted: true } } });
  }
  return { ann, bob };
}

describeEachBackend('runInsights', (backend) => {
  const db = useFreshDatabase(backend, { now: () => opened });

  it('when the rooms hold planted patterns then each rule finds its own, stored with evidence and delivered once', async () => {
    const busy = await db().templates.create({ ...DEFAULT_TEMPLATES[0], name: 'Busy 1/2' });
    const quiet = await db().templates.create({ ...DEFAULT_TEMPLATES[2], name: 'Quiet PLO' });
    const busyTables = ['busy-1', 'busy-2'];
    for (const id of busyTables) await db().tables.create({ id, templateId: busy.id, name: id });
    await db().tables.create({ id: 'quiet-1', templateId: quiet.id, name: 'Quiet PLO #1' });
    // The dumping table is busy too: its last hand ended a minute before the run, so it is not idle.
    const { ann, bob } = await plantDumping(db(), 'busy-1');
    const [cat, dan] = [(await db().players.createGuest('Cat', 0)).id, (await db().players.createGuest('Dan', 0)).id];
    const other = headsUpHand({ tableId: 'busy-2', loser: cat, winner: dan, endedAt: new Date(now.getTime() - 2 * MINUTE), openTo: 0 });
    await db().completion.complete({ hand: other, snapshot: { tableId: 'busy-2', version: 1, state: { planted: true } } });
    const live: LiveTable[] = [
      { tableId: 'busy-1', seated: 6, maxSeats: 6, waiting: 2 },
      { tableId: 'busy-2', seated: 6, maxSeats: 6, waiting: 1 },
      { tableId: 'quiet-1', seated: 0, maxSeats: 6, waiting: 0 },
    ];
    const delivered: InsightRecord[] = [];
    const run = (at: Date) => runInsights({ db: db(), now: at, liveTables: async () => live, deliver: async (insight) => void delivered.push(insight) });

    const first = await run(now);
    assert.equal(first.handsRead, 13);
    assert.equal(first.truncated, false);
    const byKind = new Map(first.stored.map((insight) => [insight.kind, insight]));
    assert.deepEqual([...byKind.keys()].sort(), ['chipDumping', 'demandAboveSupply', 'idleTable']);
    assert.equal(first.stored.length, 3);

    assert.deepEqual(byKind.get('demandAboveSupply')!.subject, { templateId: busy.id });
    assert.equal(byKind.get('demandAboveSupply')!.evidence.waiting, 3);
    assert.deepEqual(byKind.get('idleTable')!.subject, { tableId: 'quiet-1', templateId: quiet.id });
    assert.equal(byKind.get('idleTable')!.evidence.idleMinutes, 180);
    const dumping = byKind.get('chipDumping')!;
    assert.deepEqual(dumping.subject, { fromPlayerId: ann, toPlayerId: bob });
    assert.equal(dumping.evidence.netFlowBb, 183);
    assert.equal(dumping.evidence.foldsToLargeBets, 6);
    assert.match(dumping.summary, /^Ann lost 183 big blinds net to Bob/);

    assert.deepEqual(await db().insights.get(dumping.id), dumping);
    assert.deepEqual(delivered.map((insight) => insight.id).sort(), first.stored.map((insight) => insight.id).sort());

    // Five minutes on, the same conditions hold: nothing is stored or delivered again.
    const second = await run(new Date(now.getTime() + 5 * MINUTE));
    assert.equal(second.found, 3);
    assert.deepEqual(second.stored, []);
    assert.equal(delivered.length, 3);
  });

  it('when a delivery fails then the others still go out and the failure is counted', async () => {
    const template = await db().templates.create({ ...DEFAULT_TEMPLATES[0], name: `Idle ${randomUUID().slice(0, 6)}` });
    await db().tables.create({ id: `idle-a-${template.id}`, templateId: template.id, name: 'Idle A' });
    await db().tables.create({ id: `idle-b-${template.id}`, templateId: template.id, name: 'Idle B' });
    const delivered: string[] = [];
    const result = await runInsights({
      db: db(), now: new Date(now.getTime() + 10 * HOUR), liveTables: async () => [],
      deliver: async (insight) => {
        if (insight.subject.tableId === `idle-a-${template.id}`) throw new Error('the feed is down');
        delivered.push(insight.subject.tableId as string);
      },
    });
    assert.equal(result.deliveryFailures, 1);
    assert.ok(delivered.includes(`idle-b-${template.id}`));
    assert.ok(result.stored.some((insight) => insight.subject.tableId === `idle-a-${template.id}`), 'stored although not delivered');
  });

  it('when the window holds more hands than a run may read then it reads the newest and says so', async () => {
    await plantDumping(db(), `capped-${randomUUID()}`);
    const result = await runInsights({ db: db(), now, liveTables: async () => [], deliver: async () => {}, options: { maxHands: 5 } });
    assert.equal(result.handsRead, 5);
    assert.equal(result.truncated, true);
  });
});
