import assert from 'node:assert/strict';
import { SnapshotWriter } from '../../src/persistence/snapshot-writer.ts';
import type { SnapshotRepository } from '../../src/persistence/types.ts';
import { createMetrics } from '../../src/observability/metrics.ts';
import { snapshotWritesObserver } from '../../src/observability/server-metrics.ts';
import { parseSamples, valueOf } from './scrape.ts';

/** A repository that only remembers what it was asked to save, failing while `failing` says so. */
function fakeRepository(): { repository: SnapshotRepository; saved: string[][]; failing: { value: boolean } } {
  const saved: string[][] = [];
  const failing = { value: false };
  const repository = {
    async saveMany(batch: { tableId: string }[]) {
      if (failing.value) throw new Error('database down');
      saved.push(batch.map((s) => s.tableId));
    },
  } as unknown as SnapshotRepository;
  return { repository, saved, failing };
}

const source = (version: number) => () => ({ version, state: { version } });

describe('observability: snapshot lag and writes', () => {
  it('when marked tables are written then each write and its lag since the first mark are reported', async () => {
    const { repository, saved } = fakeRepository();
    const reports: number[][] = [];
    const writer = new SnapshotWriter(repository, 10_000, () => {}, (lags) => reports.push(lags));

    writer.mark('t1', source(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    writer.mark('t1', source(2));
    writer.mark('t2', source(1));
    await writer.flush();

    assert.deepEqual(saved, [['t1', 't2']]);
    assert.equal(reports.length, 1);
    const [t1, t2] = reports[0];
    assert.ok(t1 >= 19, `t1's lag starts at its first mark (${t1} ms)`);
    assert.ok(t2 < t1, 't2 was marked later');
  });

  it('when a write fails then nothing is reported and the retry measures from the first mark', async () => {
    const { repository, failing } = fakeRepository();
    const reports: number[][] = [];
    const errors: unknown[] = [];
    const writer = new SnapshotWriter(repository, 10_000, (error) => errors.push(error), (lags) => reports.push(lags));
    failing.value = true;

    writer.mark('t1', source(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writer.flush();
    assert.equal(errors.length, 1);
    assert.deepEqual(reports, []);

    failing.value = false;
    await writer.flush();
    assert.equal(reports.length, 1);
    assert.ok(reports[0][0] >= 19, `the lag includes the failed attempt (${reports[0][0]} ms)`);
  });

  it('when the observer gets a batch then the writes are counted and the lags observed in seconds', async () => {
    const metrics = createMetrics({ defaultMetrics: false });

    snapshotWritesObserver(metrics)([40, 80, 200]);

    const s = parseSamples(await metrics.registry.metrics());
    assert.equal(valueOf(s, 'felt_snapshot_writes_total'), 3);
    assert.equal(valueOf(s, 'felt_snapshot_lag_seconds_count'), 3);
    assert.equal(valueOf(s, 'felt_snapshot_lag_seconds_bucket', { le: '0.1' }), 2);
    assert.ok(Math.abs(valueOf(s, 'felt_snapshot_lag_seconds_sum') - 0.32) < 1e-9);
  });
});
