import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SnapshotRefusedError } from '../../src/persistence/snapshot-format.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';
import { asStored, tableInHand, tableState, undealtCards } from './table-states.ts';

describeEachBackend('snapshot formats', (backend) => {
  const db = useFreshDatabase(backend);

  /** A row as Felt wrote them before snapshots had a format: no `format` given, the live deck in the clear. */
  async function insertUnversioned(tableId: string, version: number, state: unknown): Promise<void> {
    await db().orm.em.fork().execute('insert into "snapshot" ("table_id", "version", "state", "saved_at") values (?, ?, ?::json, ?)',
      [tableId, version, JSON.stringify(state), new Date()]);
  }

  it('when a row has a format this Felt does not know then load refuses it with snapshot_version, naming the table, its format and the known ones', async () => {
    const state = tableState(randomUUID());
    await db().snapshots.saveMany([{ tableId: state.tableId, version: 4, state }]);
    await db().orm.em.fork().execute('update "snapshot" set "format" = 9 where "table_id" = ?', [state.tableId]);

    await assert.rejects(db().snapshots.load(state.tableId), (error: unknown) => {
      assert.ok(error instanceof SnapshotRefusedError);
      assert.equal(error.code, 'snapshot_version');
      assert.deepEqual([error.tableId, error.format, error.knownFormats], [state.tableId, 9, [1, 2]]);
      assert.match(error.message, new RegExp(`table ${state.tableId} has format 9.*knows formats 1, 2`));
      return true;
    });
  });

  it('when a row was written before snapshots had a format then it loads as format 1, its live deck as it was stored', async () => {
    const state = tableInHand(randomUUID()).state;
    await insertUnversioned(state.tableId, state.version, state);

    const loaded = await db().snapshots.load(state.tableId);

    assert.equal(loaded?.format, 1);
    assert.deepEqual(loaded?.state, asStored(state));
  });

  it('when an old row is loaded and saved again then it is written in the current format, its deck sealed', async () => {
    const state = tableInHand(randomUUID()).state;
    await insertUnversioned(state.tableId, state.version, state);
    const loaded = await db().snapshots.load(state.tableId);

    await db().snapshots.saveMany([{ tableId: state.tableId, version: state.version + 1, state: { ...loaded!.state, version: state.version + 1 } }]);

    const [row] = await db().orm.em.fork().execute<{ format: number; text: string }[]>('select "format", "state"::text as "text" from "snapshot" where "table_id" = ?', [state.tableId]);
    assert.equal(Number(row.format), 2);
    assert.ok(!row.text.includes(undealtCards(state).join(',')));
    assert.equal((await db().snapshots.load(state.tableId))?.state.hand?.deck?.next, state.hand?.deck?.next);
  });

  it('when a stored state is not a table\'s state then load refuses it with snapshot_invalid, saying where', async () => {
    const state = tableInHand(randomUUID()).state;
    const broken = asStored(state);
    (broken.hand!.stacks as unknown[])[1] = 'ninety';
    await insertUnversioned(state.tableId, 1, broken);

    await assert.rejects(db().snapshots.load(state.tableId), (error: unknown) =>
      error instanceof SnapshotRefusedError && error.code === 'snapshot_invalid' && error.format === 1 && /hand\.stacks\[1\]/.test(error.message));
  });

  it('when a row holds nothing like a table, another table\'s state, or a format 2 row its deck in the clear, then each is refused as snapshot_invalid', async () => {
    const cases: [string, unknown][] = [];
    const junk = randomUUID();
    cases.push([junk, { seats: ['ann'] }]);
    const misplaced = randomUUID();
    cases.push([misplaced, tableState(randomUUID())]);
    for (const [tableId, state] of cases) await insertUnversioned(tableId, 1, state);
    const clear = tableInHand(randomUUID()).state;
    await insertUnversioned(clear.tableId, 1, clear);
    await db().orm.em.fork().execute('update "snapshot" set "format" = 2 where "table_id" = ?', [clear.tableId]);

    for (const tableId of [junk, misplaced, clear.tableId]) {
      await assert.rejects(db().snapshots.load(tableId), (error: unknown) => error instanceof SnapshotRefusedError && error.code === 'snapshot_invalid', tableId);
    }
  });
});
