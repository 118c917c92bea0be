import assert from 'node:assert/strict';
import { JobCoordinator } from '../../src/jobs/coordinator.ts';
import { onJobRun, type JobRunEvent } from '../../src/jobs/job-events.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { describeEachBackend, type Backend } from '../persistence/databases.ts';

/**
 * Two handles on one database, as two processes would have: on PostgreSQL two
 * separate ORMs and connection pools; PGlite lives inside one process, so
 * there both coordinators share its single handle.
 */
async function twoHandles(backend: Backend): Promise<{ a: Database; b: Database; close(): Promise<void> }> {
  const fresh = await backend.create();
  const a = await openDatabase(fresh.options);
  const b = backend.label === 'postgresql' ? await openDatabase(fresh.options) : a;
  return {
    a, b,
    async close() {
      if (b !== a) await b.close();
      await a.close();
      await fresh.drop();
    },
  };
}

describeEachBackend('jobs: coordinator', (backend) => {
  let handles: Awaited<ReturnType<typeof twoHandles>>;

  before(async () => {
    handles = await twoHandles(backend);
  });

  after(async () => {
    await handles.close();
  });

  it('when two processes claim the same slots at the same moment then each slot runs exactly once, recorded under its runner', async () => {
    const a = new JobCoordinator({ runs: handles.a.jobRuns, processId: 'proc-a' });
    const b = new JobCoordinator({ runs: handles.b.jobRuns, processId: 'proc-b' });
    const slots = Array.from({ length: 20 }, (_, i) => new Date(Date.UTC(2026, 10, 30, 1, i)).toISOString());
    const ran = new Map<string, string[]>();
    const job = (who: string, slot: string) => async () => {
      ran.set(slot, [...(ran.get(slot) ?? []), who]);
      return who;
    };

    const outcomes = await Promise.all(slots.flatMap((slot) => [a.runOnce('race', slot, job('proc-a', slot)), b.runOnce('race', slot, job('proc-b', slot))]));

    for (const slot of slots) assert.equal(ran.get(slot)?.length, 1, `slot ${slot} ran ${ran.get(slot)?.length ?? 0} times`);
    assert.equal(outcomes.filter((outcome) => outcome.status === 'ok').length, 20);
    assert.equal(outcomes.filter((outcome) => outcome.status === 'skipped').length, 20);
    const { items, total } = await handles.a.jobRuns.list({ jobName: 'race', limit: 100, offset: 0 });
    assert.equal(total, 20);
    for (const run of items) {
      assert.deepEqual(ran.get(run.slot), [run.processId]);
      assert.equal(run.status, 'ok');
      assert.ok(run.finishedAt instanceof Date && run.durationMs !== null && run.durationMs >= 0);
      assert.equal(run.error, null);
    }
  });

  it('when the second process asks after the first has finished the slot then it still does not run it', async () => {
    const slot = '2026-11-30T02:00:00.000Z';
    let runs = 0;
    const first = await new JobCoordinator({ runs: handles.a.jobRuns, processId: 'proc-a' }).runOnce('late', slot, async () => ++runs);

    const second = await new JobCoordinator({ runs: handles.b.jobRuns, processId: 'proc-b' }).runOnce('late', slot, async () => ++runs);

    assert.equal(first.status, 'ok');
    assert.equal(second.status, 'skipped');
    assert.equal(runs, 1);
  });

  it('when the job throws then the run is recorded as failed with the error, and the slot is not run again', async () => {
    const slot = '2026-11-30T03:00:00.000Z';
    const clock = () => new Date('2026-11-30T03:00:07.000Z');
    const coordinator = new JobCoordinator({ runs: handles.a.jobRuns, processId: 'proc-a', now: clock });

    const outcome = await coordinator.runOnce('breaks', slot, async () => {
      throw new RangeError('the sky fell');
    });
    const again = await coordinator.runOnce('breaks', slot, async () => 'fine');

    assert.equal(outcome.status, 'failed');
    assert.equal(again.status, 'skipped');
    const { items } = await handles.a.jobRuns.list({ jobName: 'breaks', limit: 10, offset: 0 });
    assert.equal(items.length, 1);
    assert.deepEqual(
      { status: items[0].status, error: items[0].error, processId: items[0].processId, startedAt: items[0].startedAt.toISOString(), finishedAt: items[0].finishedAt?.toISOString() },
      { status: 'failed', error: 'RangeError: the sky fell', processId: 'proc-a', startedAt: '2026-11-30T03:00:07.000Z', finishedAt: '2026-11-30T03:00:07.000Z' },
    );
  });

  it('when runs happen then listeners hear each outcome, and a listener that throws breaks nothing', async () => {
    const heard: JobRunEvent[] = [];
    const stopHearing = onJobRun((event) => heard.push(event));
    const stopThrowing = onJobRun(() => {
      throw new Error('a broken metrics listener');
    });
    const slot = '2026-11-30T04:00:00.000Z';
    try {
      await new JobCoordinator({ runs: handles.a.jobRuns, processId: 'proc-a' }).runOnce('heard', slot, async () => 1);
      await new JobCoordinator({ runs: handles.b.jobRuns, processId: 'proc-b' }).runOnce('heard', slot, async () => 2);
    } finally {
      stopHearing();
      stopThrowing();
    }
    await new JobCoordinator({ runs: handles.a.jobRuns, processId: 'proc-a' }).runOnce('heard', '2026-11-30T04:01:00.000Z', async () => 3);

    assert.deepEqual(heard.map(({ jobName, slot: at, processId, status }) => ({ jobName, slot: at, processId, status })), [
      { jobName: 'heard', slot, processId: 'proc-a', status: 'ok' },
      { jobName: 'heard', slot, processId: 'proc-b', status: 'skipped' },
    ]);
    assert.equal(typeof heard[0].durationMs, 'number');
  });

  it('when runs are listed by status then only those come, newest first, a page at a time', async () => {
    const coordinator = new JobCoordinator({ runs: handles.a.jobRuns, processId: 'proc-a', now: () => new Date('2026-11-30T05:00:00.000Z') });
    for (const minute of [1, 2, 3]) {
      const slot = new Date(Date.UTC(2026, 10, 30, 5, minute)).toISOString();
      await new JobCoordinator({ runs: handles.a.jobRuns, processId: 'proc-a', now: () => new Date(slot) }).runOnce('paged', slot, async () => minute);
    }
    await coordinator.runOnce('paged', '2026-11-30T05:09:00.000Z', async () => {
      throw new Error('no');
    });

    const ok = await handles.a.jobRuns.list({ jobName: 'paged', status: 'ok', limit: 2, offset: 0 });
    const rest = await handles.a.jobRuns.list({ jobName: 'paged', status: 'ok', limit: 2, offset: 2 });
    const failed = await handles.a.jobRuns.list({ jobName: 'paged', status: 'failed', limit: 10, offset: 0 });

    assert.equal(ok.total, 3);
    assert.deepEqual([...ok.items, ...rest.items].map((run) => run.slot), ['2026-11-30T05:03:00.000Z', '2026-11-30T05:02:00.000Z', '2026-11-30T05:01:00.000Z']);
    assert.deepEqual(failed.items.map((run) => run.slot), ['2026-11-30T05:09:00.000Z']);
  });
});
