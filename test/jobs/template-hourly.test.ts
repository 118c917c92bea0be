import assert from 'node:assert/strict';
import { Scheduler } from '../../src/jobs/scheduler.ts';
import { aggregateTemplateHour, BACKFILL_HOURS, missedHours, previousHour, templateHourlyJob } from '../../src/jobs/template-hourly.ts';
import { describeEachBackend, useFreshDatabase } from '../persistence/databases.ts';
import {
  contextAt, freshHour, plantHand, plantTable, plantTemplate, plantTournamentMoney, plantTournamentTable, playedHand, silentLog,
} from './helpers.ts';

const HOUR = 3_600_000;

describeEachBackend('jobs: hourly aggregation per template', (backend) => {
  const db = useFreshDatabase(backend);

  /** Two templates' hands in one hour, and hands just outside it. */
  async function arrange() {
    const hour = freshHour();
    const [a, b] = [await plantTemplate(db()), await plantTemplate(db(), { variant: 'PO' })];
    const [a1, a2, b1] = [await plantTable(db(), a.id), await plantTable(db(), a.id), await plantTable(db(), b.id)];
    const at = (minutes: number) => new Date(hour.getTime() + minutes * 60_000);
    const headsUp = playedHand('headsUpFlop');
    const noFlop = playedHand('noFlop');
    const fourWay = playedHand('fourWayFlop');
    await plantHand(db(), { tableId: a1.id, endedAt: at(0), playerIds: ['p1', 'p2', 'p3'], ...headsUp });
    await plantHand(db(), { tableId: a2.id, endedAt: at(20), playerIds: ['p3', 'p4', 'p5'], ...noFlop });
    const last = await plantHand(db(), { tableId: a1.id, endedAt: new Date(hour.getTime() + HOUR - 1), playerIds: ['p1', 'p2', 'p6', 'p7'], ...fourWay });
    await plantHand(db(), { tableId: b1.id, endedAt: at(30), playerIds: ['p1', 'q2', 'q3', 'q4'], ...fourWay });
    // Either side of the hour: not counted.
    await plantHand(db(), { tableId: a1.id, endedAt: new Date(hour.getTime() - 1), playerIds: ['x1', 'x2', 'x3'], ...headsUp });
    await plantHand(db(), { tableId: b1.id, endedAt: new Date(hour.getTime() + HOUR), playerIds: ['x1', 'x2', 'x3'], ...headsUp });
    return { hour, a, b, a1, last, headsUp, noFlop, fourWay };
  }

  it('when the hour after is five minutes old then each template\'s hands, players, rake, pots and flops of that hour are summed', async () => {
    const { hour, a, b } = await arrange();
    const job = templateHourlyJob();

    const result = await job.run(contextAt(db(), new Date(hour.getTime() + HOUR + 5 * 60_000)));

    assert.deepEqual(result, { hour: hour.toISOString(), templates: 2, hands: 4, tournamentEntries: 0, backfilled: 24 });
    const { items } = await db().analytics.listHourly({ from: hour, to: new Date(hour.getTime() + HOUR), limit: 10, offset: 0 });
    const byTemplate = new Map(items.map((item) => [item.templateId, item]));
    assert.deepEqual(byTemplate.get(a.id), {
      templateId: a.id, hour, hands: 3, uniquePlayers: 7, rake: 4, potTotal: 40 + 5 + 8, flopHands: 2, flopPlayers: 2 + 4,
    });
    assert.deepEqual(byTemplate.get(b.id), {
      templateId: b.id, hour, hands: 1, uniquePlayers: 4, rake: 0, potTotal: 8, flopHands: 1, flopPlayers: 4,
    });
  });

  it('when the same hour is aggregated again then its rows are replaced, not added to, and follow the hands as they are now', async () => {
    const { hour, a, b, a1, last, headsUp } = await arrange();
    const ctx = contextAt(db(), new Date(hour.getTime() + HOUR + 5 * 60_000));
    await templateHourlyJob().run(ctx);
    const first = await db().analytics.listHourly({ from: hour, to: new Date(hour.getTime() + HOUR), limit: 10, offset: 0 });

    await templateHourlyJob().run(ctx);
    const same = await db().analytics.listHourly({ from: hour, to: new Date(hour.getTime() + HOUR), limit: 10, offset: 0 });
    // The four-way hand goes and another heads-up hand comes; template b's only hand goes too.
    await db().orm.em.fork().execute('delete from "hand" where "id" = ? or ("ended_at" = ? and "table_id" <> ?)', [last, new Date(hour.getTime() + 30 * 60_000), a1.id]);
    await plantHand(db(), { tableId: a1.id, endedAt: new Date(hour.getTime() + 40 * 60_000), playerIds: ['p1', 'p9', 'p3'], ...headsUp });
    await templateHourlyJob().run(ctx);
    const after = await db().analytics.listHourly({ from: hour, to: new Date(hour.getTime() + HOUR), limit: 10, offset: 0 });

    assert.deepEqual(same, first);
    assert.deepEqual(after.items, [{ templateId: a.id, hour, hands: 3, uniquePlayers: 6, rake: 8, potTotal: 40 + 5 + 40, flopHands: 2, flopPlayers: 4 }]);
    assert.equal(after.items.some((item) => item.templateId === b.id), false);
  });

  it('when hourly rows are listed by template and range then only those come, newest hour first', async () => {
    const { hour, a } = await arrange();
    const { hour: later, a: laterA } = await arrange();
    for (const h of [hour, later]) await aggregateTemplateHour(contextAt(db(), new Date(h.getTime() + HOUR)));

    const onlyA = await db().analytics.listHourly({ templateId: a.id, limit: 10, offset: 0 });
    const both = await db().analytics.listHourly({ from: hour, to: new Date(later.getTime() + HOUR), limit: 3, offset: 0 });

    assert.deepEqual(onlyA.items.map((item) => [item.templateId, item.hour.toISOString()]), [[a.id, hour.toISOString()]]);
    assert.equal(both.total, 4);
    assert.deepEqual(both.items.map((item) => item.hour.toISOString()), [later, later, hour].map((h) => h.toISOString()));
    assert.ok(both.items.some((item) => item.templateId === laterA.id));
  });

  it('when the scheduler missed an hour\'s run then the next run also sums that hour, and not the hours that ran', async () => {
    const { hour, a } = await arrange();
    let clock = new Date(hour.getTime() + 5 * 60_000);
    const scheduler = new Scheduler({ db: db(), processId: 'proc-a', log: silentLog, now: () => clock }).register(templateHourlyJob());
    // The hour before the planted one is summed on time; then the cluster is down at five past the next hour.
    await scheduler.runJob('template-hourly');
    clock = new Date(hour.getTime() + 2 * HOUR + 5 * 60_000);

    const missed = await missedHours(contextAt(db(), clock), previousHour(clock));
    const outcome = await scheduler.runJob('template-hourly');

    assert.equal(missed.length, BACKFILL_HOURS - 1, 'every hour of the day but the one that ran');
    assert.equal(missed.some((earlier) => earlier.getTime() === hour.getTime() - HOUR), false);
    assert.equal(missed.at(-1)?.toISOString(), hour.toISOString());
    assert.equal(outcome.status, 'ok');
    assert.deepEqual(outcome.status === 'ok' && outcome.result, { hour: new Date(hour.getTime() + HOUR).toISOString(), templates: 1, hands: 1, tournamentEntries: 0, backfilled: BACKFILL_HOURS - 1 });
    const summed = await db().analytics.listHourly({ templateId: a.id, limit: 10, offset: 0 });
    assert.deepEqual(summed.items.map((item) => [item.hour.toISOString(), item.hands]), [[hour.toISOString(), 3], [new Date(hour.getTime() - HOUR).toISOString(), 1]]);
  });

  it('when a time falls anywhere in an hour then the previous hour is the one before it', () => {
    assert.equal(previousHour(new Date('2026-12-01T00:05:00.000Z')).toISOString(), '2026-11-30T23:00:00.000Z');
    assert.equal(previousHour(new Date('2026-12-01T10:59:59.999Z')).toISOString(), '2026-12-01T09:00:00.000Z');
  });

  it('when a tournament table played hands in the hour then only the templates\' tables are summed per template', async () => {
    const { hour, a, b } = await arrange();
    const table = await plantTournamentTable(db());
    await plantHand(db(), { tableId: table.id, endedAt: new Date(hour.getTime() + 10 * 60_000), playerIds: ['t1', 't2', 't3'], ...playedHand('headsUpFlop') });

    const rows = await aggregateTemplateHour(contextAt(db(), new Date(hour.getTime() + HOUR + 5 * 60_000)), hour);

    assert.deepEqual(rows.map((row) => row.templateId).sort(), [a.id, b.id].sort());
    assert.equal(rows.reduce((sum, row) => sum + row.hands, 0), 4);
  });

  it('when tournament money moved in the hour then the hourly run sums it into one row for the hour, the same on every run', async () => {
    const hour = freshHour();
    const { expected } = await plantTournamentMoney(db(), new Date(hour.getTime() + 15 * 60_000));
    await plantTournamentMoney(db(), new Date(hour.getTime() + HOUR));
    const ctx = contextAt(db(), new Date(hour.getTime() + HOUR + 5 * 60_000));

    const result = await templateHourlyJob().run(ctx) as { tournamentEntries: number };
    await templateHourlyJob().run(ctx);

    assert.equal(result.tournamentEntries, 3);
    const { items, total } = await db().analytics.listTournamentHourly({ from: hour, to: new Date(hour.getTime() + HOUR), limit: 10, offset: 0 });
    assert.equal(total, 1);
    assert.deepEqual(items[0], { hour, ...expected });
    assert.equal(await db().analytics.aggregateTournamentHour(new Date(hour.getTime() - HOUR)), null);
  });
});
