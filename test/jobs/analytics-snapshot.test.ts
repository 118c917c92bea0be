import assert from 'node:assert/strict';
import { analyticsSnapshotJob, takeAnalyticsSnapshot } from '../../src/jobs/analytics-snapshot.ts';
import { describeEachBackend, useFreshDatabase } from '../persistence/databases.ts';
import { contextAt, freshHour, load, plantHand, plantTable, plantTemplate, plantTournamentMoney, playedHand } from './helpers.ts';

describeEachBackend('jobs: analytics snapshot', (backend) => {
  const db = useFreshDatabase(backend);

  it('when it runs then it stores the live tables, seats, watchers, connections per process and the last minute\'s hands and rake', async () => {
    const now = new Date(freshHour().getTime() + 30 * 60_000);
    const template = await plantTemplate(db());
    const table = await plantTable(db(), template.id);
    const raked = playedHand('headsUpFlop');
    const unraked = playedHand('noFlop');
    const at = (msBefore: number) => new Date(now.getTime() - msBefore);
    await plantHand(db(), { tableId: table.id, endedAt: at(60_000), playerIds: ['a', 'b', 'c'], ...raked });
    await plantHand(db(), { tableId: table.id, endedAt: at(1), playerIds: ['a', 'b', 'c'], ...raked });
    await plantHand(db(), { tableId: table.id, endedAt: at(30_000), playerIds: ['a', 'b', 'c'], ...unraked });
    await plantHand(db(), { tableId: table.id, endedAt: at(60_001), playerIds: ['a', 'b', 'c'], ...raked });
    await plantHand(db(), { tableId: table.id, endedAt: now, playerIds: ['a', 'b', 'c'], ...raked });
    const live = [
      load('t1', { processId: 'felt-1', seated: 3, clients: 5 }),
      // Two seated, one of them disconnected: one client, and no watcher.
      load('t2', { processId: 'felt-2', seated: 2, clients: 1 }),
      load('t3', { processId: null, seated: 0, clients: 2 }),
    ];

    const { snapshot, saved } = await takeAnalyticsSnapshot(contextAt(db(), now), { liveTables: async () => live });

    assert.equal(saved, true);
    const expected = {
      takenAt: now, openTables: 3, seatedPlayers: 5, watchers: 4, hands: 3, rake: 2 * raked.rake + unraked.rake,
      tournamentEntries: 0, tournamentFees: 0, tournamentPrizes: 0, connections: { 'felt-1': 5, 'felt-2': 1, unknown: 2 },
    };
    assert.equal(raked.rake, 4);
    assert.deepEqual(snapshot, expected);
    assert.deepEqual((await db().analytics.listSnapshots({ from: now, limit: 10, offset: 0 })).items, [expected]);
  });

  it('when tournament money moved in the minute then its entries, net fees and prizes are in the snapshot, and money outside it is not', async () => {
    const now = new Date(freshHour().getTime() + 10 * 60_000);
    const { expected } = await plantTournamentMoney(db(), new Date(now.getTime() - 30_000));
    await plantTournamentMoney(db(), now);
    await plantTournamentMoney(db(), new Date(now.getTime() - 60_001));

    const { snapshot } = await takeAnalyticsSnapshot(contextAt(db(), now), { liveTables: async () => [] });

    assert.deepEqual(
      [snapshot.tournamentEntries, snapshot.tournamentFees, snapshot.tournamentPrizes],
      [expected.entries, expected.fees, expected.prizes],
    );
    assert.deepEqual(expected, { entries: 3, refunds: 1, rebuys: 1, addOns: 1, buyIns: 300, purchases: 150, fees: 20, prizes: 150 });
    const [stored] = (await db().analytics.listSnapshots({ from: now, to: new Date(now.getTime() + 1), limit: 1, offset: 0 })).items;
    assert.deepEqual([stored.tournamentEntries, stored.tournamentFees, stored.tournamentPrizes], [3, 20, 150]);
  });

  it('when the same minute is snapshotted twice then only the first is kept', async () => {
    const now = freshHour();
    const job = analyticsSnapshotJob({ liveTables: async () => [load('t1', { seated: 1, clients: 1 })] });
    const later = analyticsSnapshotJob({ liveTables: async () => [load('t1', { seated: 6, clients: 6 })] });

    const first = await job.run(contextAt(db(), now));
    const second = await later.run(contextAt(db(), now));

    assert.deepEqual(first, { saved: true, openTables: 1, seatedPlayers: 1, hands: 0 });
    assert.deepEqual(second, { saved: false, openTables: 1, seatedPlayers: 6, hands: 0 });
    const { items } = await db().analytics.listSnapshots({ from: now, to: new Date(now.getTime() + 60_000), limit: 10, offset: 0 });
    assert.deepEqual(items.map((item) => item.seatedPlayers), [1]);
  });

  it('when snapshots are listed by range then those from `from` up to before `to` come, newest first, a page at a time', async () => {
    const start = freshHour();
    const minute = (n: number) => new Date(start.getTime() + n * 60_000);
    for (const n of [0, 1, 2, 3]) {
      await takeAnalyticsSnapshot(contextAt(db(), minute(n)), { liveTables: async () => Array.from({ length: n }, (_, i) => load(`t${i}`)) });
    }

    const page = await db().analytics.listSnapshots({ from: minute(1), to: minute(3), limit: 1, offset: 0 });
    const next = await db().analytics.listSnapshots({ from: minute(1), to: minute(3), limit: 1, offset: 1 });

    assert.equal(page.total, 2);
    assert.deepEqual([...page.items, ...next.items].map((item) => [item.takenAt.toISOString(), item.openTables]), [
      [minute(2).toISOString(), 2], [minute(1).toISOString(), 1],
    ]);
  });
});
