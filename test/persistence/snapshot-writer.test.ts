import assert from 'node:assert/strict';
import { SnapshotWriter } from '../../src/persistence/snapshot-writer.ts';
import type { SnapshotRepository } from '../../src/persistence/types.ts';

/** A repository whose writes finish only when the test lets them, refusing the tables in `refuse` unless unfenced. */
function heldRepository(refuse: string[] = []): { repository: SnapshotRepository; owners: (string | undefined)[]; release(): void } {
  const owners: (string | undefined)[] = [];
  let release = (): void => {};
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const repository: SnapshotRepository = {
    async saveMany(batch, owner) {
      owners.push(owner);
      await gate;
      return owner === undefined ? [] : batch.map((s) => s.tableId).filter((id) => refuse.includes(id));
    },
    async load() {
      return null;
    },
  };
  return { repository, owners, release: () => release() };
}

const source = (version: number) => () => ({ version, state: { version } });

describe('snapshot writer', () => {
  it('when a batch is being written then its tables stay in the backlog until it is durable', async () => {
    const { repository, release } = heldRepository();
    const writer = new SnapshotWriter(repository, 10_000);
    writer.mark('t1', source(1));
    writer.mark('t2', source(1));
    assert.equal(writer.backlog, 2);

    const flushed = writer.flush();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual([writer.pending, writer.backlog], [0, 2]);
    release();
    await flushed;

    assert.equal(writer.backlog, 0);
  });

  it('when a fenced write is refused for a table then the writer names it and writes it no more', async () => {
    const { repository, owners, release } = heldRepository(['lost']);
    const refused: string[][] = [];
    const writer = new SnapshotWriter(repository, 10_000, () => {}, () => {}, { owner: 'p1', onRefused: (ids) => refused.push(ids) });
    writer.mark('kept', source(1));
    writer.mark('lost', source(1));
    release();

    await writer.flush();

    assert.deepEqual(owners, ['p1']);
    assert.deepEqual(refused, [['lost']]);
    assert.deepEqual([writer.pending, writer.backlog], [0, 0]);
  });

  it('when a table is forgotten then its unwritten changes are dropped', async () => {
    const { repository, owners, release } = heldRepository();
    const writer = new SnapshotWriter(repository, 10_000);
    writer.mark('gone', source(1));
    release();

    writer.forget('gone');
    await writer.flush();

    assert.deepEqual([owners.length, writer.backlog], [0, 0]);
  });

  it('when a version is durable elsewhere (a finished hand) then a mark still reading it is not written again, and a newer one is', async () => {
    const batches: string[][] = [];
    const repository: SnapshotRepository = {
      async saveMany(batch) {
        batches.push(batch.map((s) => `${s.tableId}@${s.version}`));
        return [];
      },
      async load() {
        return null;
      },
    };
    const writer = new SnapshotWriter(repository, 10_000);
    writer.durable('hand', 7);
    writer.mark('hand', source(7));
    writer.mark('other', source(7));
    await writer.flush();
    writer.durable('hand', 5);
    writer.mark('hand', source(8));
    await writer.flush();
    writer.mark('hand', source(8));
    writer.forget('hand');
    writer.mark('hand', source(7));
    await writer.flush();

    assert.deepEqual(batches, [['other@7'], ['hand@8'], ['hand@7']]);
    assert.equal(writer.backlog, 0);
  });
});
