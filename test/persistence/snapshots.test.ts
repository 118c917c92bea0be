import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PersistenceError } from '../../src/persistence/types.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';
import { asStored, tableState } from './table-states.ts';

describeEachBackend('snapshots', (backend) => {
  const db = useFreshDatabase(backend);

  /** What the stored snapshot of a table is: its version and the name its state was saved with. */
  async function stored(tableId: string): Promise<[number, string] | null> {
    const loaded = await db().snapshots.load(tableId);
    return loaded && [loaded.version, loaded.state.name];
  }

  it('when a batch of snapshots is saved then each table loads its own state', async () => {
    const states = [randomUUID(), randomUUID(), randomUUID()].map((tableId, n) => tableState(tableId, `Table ${n}`));

    await db().snapshots.saveMany(states.map((state, n) => ({ tableId: state.tableId, version: n + 1, state })));

    for (const [n, state] of states.entries()) {
      const loaded = await db().snapshots.load(state.tableId);
      assert.equal(loaded?.version, n + 1);
      assert.deepEqual(loaded?.state, asStored(state));
      assert.ok(loaded?.savedAt instanceof Date);
    }
  });

  it('when the caller changes a state as soon as saveMany returns then the stored snapshot is the state as it was called with', async () => {
    const state = tableState(randomUUID(), 'Before');
    const before = asStored(state);

    const saving = db().snapshots.saveMany([{ tableId: state.tableId, version: 1, state }]);
    state.name = 'After';
    state.waiting.push({ playerId: 'cat', name: 'Cat' });
    await saving;

    assert.deepEqual((await db().snapshots.load(state.tableId))?.state, before);
  });

  it('when a newer version arrives then it replaces the snapshot, and when an older one arrives then it is ignored', async () => {
    const tableId = randomUUID();
    await db().snapshots.saveMany([{ tableId, version: 5, state: tableState(tableId, 'v5') }]);

    await db().snapshots.saveMany([{ tableId, version: 7, state: tableState(tableId, 'v7') }]);
    await db().snapshots.saveMany([{ tableId, version: 6, state: tableState(tableId, 'v6') }]);

    assert.deepEqual(await stored(tableId), [7, 'v7']);
  });

  it('when one batch holds several versions of a table then the newest is kept', async () => {
    const tableId = randomUUID();

    await db().snapshots.saveMany([2, 9, 4].map((version) => ({ tableId, version, state: tableState(tableId, `v${version}`) })));

    assert.deepEqual(await stored(tableId), [9, 'v9']);
  });

  it('when writers race with different versions then the newest wins whatever the order', async () => {
    const tableId = randomUUID();

    await Promise.all([3, 8, 1, 6, 2].map((version) => db().snapshots.saveMany([{ tableId, version, state: tableState(tableId, `v${version}`) }])));

    assert.deepEqual(await stored(tableId), [8, 'v8']);
  });

  it('when a snapshot is malformed then the whole batch is refused', async () => {
    const tableId = randomUUID();
    const other = randomUUID();

    await assert.rejects(
      db().snapshots.saveMany([{ tableId, version: 1, state: tableState(tableId) }, { tableId: other, version: -1, state: tableState(other) }]),
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
    await db().snapshots.saveMany([{ tableId: theirs, version: 1, state: tableState(theirs, 'their own') }]);

    const refused = await db().snapshots.saveMany(
      [mine, theirs, nobodys].map((tableId) => ({ tableId, version: 5, state: tableState(tableId, 'from p-mine') })),
      'p-mine',
    );

    assert.deepEqual(refused, [theirs, nobodys].sort());
    assert.deepEqual(await stored(mine), [5, 'from p-mine']);
    assert.deepEqual(await stored(theirs), [1, 'their own']);
    assert.equal(await db().snapshots.load(nobodys), null);
  });

  it('when the lease moves to another process then the old owner\'s fenced writes stop and the new owner\'s go through', async () => {
    const tableId = await leasedTable('p-old');
    assert.deepEqual(await db().snapshots.saveMany([{ tableId, version: 3, state: tableState(tableId, 'old owner') }], 'p-old'), []);
    await db().tables.release(tableId, 'p-old');
    assert.equal(await db().tables.claim(tableId, 'p-new', 60_000), true);

    const stale = await db().snapshots.saveMany([{ tableId, version: 9, state: tableState(tableId, 'stale') }], 'p-old');
    const fresh = await db().snapshots.saveMany([{ tableId, version: 4, state: tableState(tableId, 'new owner') }], 'p-new');

    assert.deepEqual([stale, fresh], [[tableId], []]);
    assert.deepEqual(await stored(tableId), [4, 'new owner']);
  });
});
