import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PersistenceError } from '../../src/persistence/types.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';

describeEachBackend('snapshots', (backend) => {
  const db = useFreshDatabase(backend);

  it('when a batch of snapshots is saved then each table loads its own state', async () => {
    const tables = [randomUUID(), randomUUID(), randomUUID()];

    await db().snapshots.saveMany(tables.map((tableId, n) => ({ tableId, version: n + 1, state: { tableId, stacks: [n, 100 - n], deck: ['As', 'Kd'] } })));

    for (const [n, tableId] of tables.entries()) {
      const loaded = await db().snapshots.load(tableId);
      assert.equal(loaded?.version, n + 1);
      assert.deepEqual(loaded?.state, { tableId, stacks: [n, 100 - n], deck: ['As', 'Kd'] });
      assert.ok(loaded?.savedAt instanceof Date);
    }
  });

  it('when the caller changes a state as soon as saveMany returns then the stored snapshot is the state as it was called with', async () => {
    const tableId = randomUUID();
    const state = { seats: ['ann', 'bob'], pot: 10 };

    const saving = db().snapshots.saveMany([{ tableId, version: 1, state }]);
    state.seats.push('cat');
    state.pot = 99;
    await saving;

    assert.deepEqual((await db().snapshots.load(tableId))?.state, { seats: ['ann', 'bob'], pot: 10 });
  });

  it('when a newer version arrives then it replaces the snapshot, and when an older one arrives then it is ignored', async () => {
    const tableId = randomUUID();
    await db().snapshots.saveMany([{ tableId, version: 5, state: { v: 5 } }]);

    await db().snapshots.saveMany([{ tableId, version: 7, state: { v: 7 } }]);
    await db().snapshots.saveMany([{ tableId, version: 6, state: { v: 6 } }]);

    assert.deepEqual(await db().snapshots.load(tableId).then((loaded) => [loaded?.version, loaded?.state]), [7, { v: 7 }]);
  });

  it('when one batch holds several versions of a table then the newest is kept', async () => {
    const tableId = randomUUID();

    await db().snapshots.saveMany([{ tableId, version: 2, state: 'two' }, { tableId, version: 9, state: 'nine' }, { tableId, version: 4, state: 'four' }]);

    assert.deepEqual(await db().snapshots.load(tableId).then((loaded) => [loaded?.version, loaded?.state]), [9, 'nine']);
  });

  it('when writers race with different versions then the newest wins whatever the order', async () => {
    const tableId = randomUUID();

    await Promise.all([3, 8, 1, 6, 2].map((version) => db().snapshots.saveMany([{ tableId, version, state: { version } }])));

    assert.deepEqual((await db().snapshots.load(tableId))?.state, { version: 8 });
  });

  it('when a snapshot is malformed then the whole batch is refused', async () => {
    const tableId = randomUUID();

    await assert.rejects(
      db().snapshots.saveMany([{ tableId, version: 1, state: {} }, { tableId: randomUUID(), version: -1, state: {} }]),
      (error: unknown) => error instanceof PersistenceError && error.code === 'invalid_snapshot',
    );
    assert.equal(await db().snapshots.load(tableId), null);
  });

  it('when a table has no snapshot then load answers null', async () => {
    assert.equal(await db().snapshots.load(randomUUID()), null);
  });

  /** A table whose lease `owner` holds (or nobody, for null). */
  async function leasedTable(owner: string | null): Promise<string> {
    const id = randomUUID();
    await db().tables.create({ id, templateId: randomUUID(), name: `Table ${id.slice(0, 4)}` });
    if (owner) assert.equal(await db().tables.claim(id, owner, 60_000), true);
    return id;
  }

  it('when a fenced batch names tables another process holds or nobody holds then only the owner\'s tables are written and the others come back', async () => {
    const mine = await leasedTable('p-mine');
    const theirs = await leasedTable('p-theirs');
    const nobodys = await leasedTable(null);
    await db().snapshots.saveMany([{ tableId: theirs, version: 1, state: 'their own' }]);

    const refused = await db().snapshots.saveMany(
      [mine, theirs, nobodys].map((tableId) => ({ tableId, version: 5, state: 'from p-mine' })),
      'p-mine',
    );

    assert.deepEqual(refused, [theirs, nobodys].sort());
    assert.equal((await db().snapshots.load(mine))?.state, 'from p-mine');
    assert.deepEqual(await db().snapshots.load(theirs).then((loaded) => [loaded?.version, loaded?.state]), [1, 'their own']);
    assert.equal(await db().snapshots.load(nobodys), null);
  });

  it('when the lease moves to another process then the old owner\'s fenced writes stop and the new owner\'s go through', async () => {
    const tableId = await leasedTable('p-old');
    assert.deepEqual(await db().snapshots.saveMany([{ tableId, version: 3, state: 'old owner' }], 'p-old'), []);
    await db().tables.release(tableId, 'p-old');
    assert.equal(await db().tables.claim(tableId, 'p-new', 60_000), true);

    const stale = await db().snapshots.saveMany([{ tableId, version: 9, state: 'stale' }], 'p-old');
    const fresh = await db().snapshots.saveMany([{ tableId, version: 4, state: 'new owner' }], 'p-new');

    assert.deepEqual([stale, fresh], [[tableId], []]);
    assert.deepEqual(await db().snapshots.load(tableId).then((loaded) => [loaded?.version, loaded?.state]), [4, 'new owner']);
  });
});
