import assert from 'node:assert/strict';
import cron from 'node-cron';
import { onJobRun, type JobRunEvent } from '../../src/jobs/job-events.ts';
import { Scheduler, slotOf } from '../../src/jobs/scheduler.ts';
import type { JobContext } from '../../src/jobs/types.ts';
import { describeEachBackend, useFreshDatabase } from '../persistence/databases.ts';
import { silentLog } from './helpers.ts';

/** A job that remembers the contexts it ran with. */
function recorder(name: string, expression: string) {
  const runs: JobContext[] = [];
  return { runs, job: { name, cron: expression, run: async (ctx: JobContext) => { runs.push(ctx); return runs.length; } } };
}

describeEachBackend('jobs: scheduler', (backend) => {
  const db = useFreshDatabase(backend);
  let clock: Date;
  const scheduler = (processId = 'proc-a') => new Scheduler({ db: db(), processId, log: silentLog, now: () => clock });

  it('when the fake clock reaches a minute then exactly the jobs whose expressions match it run, with that minute as now and slot', async () => {
    clock = new Date('2026-12-07T10:05:42.123Z');
    const everyMinute = recorder('sched-every-minute', '* * * * *');
    const pastHour = recorder('sched-past-hour', '5 * * * *');
    const quarterly = recorder('sched-quarterly', '*/15 * * * *');
    const s = scheduler().register(everyMinute.job).register(pastHour.job).register(quarterly.job);

    const outcomes = await s.runDue();

    assert.deepEqual([...outcomes.entries()].map(([name, outcome]) => [name, outcome.status]), [['sched-every-minute', 'ok'], ['sched-past-hour', 'ok']]);
    assert.equal(quarterly.runs.length, 0);
    for (const ctx of [...everyMinute.runs, ...pastHour.runs]) {
      assert.equal(ctx.now.toISOString(), '2026-12-07T10:05:00.000Z');
      assert.equal(ctx.slot, '2026-12-07T10:05:00.000Z');
      assert.equal(ctx.processId, 'proc-a');
      assert.equal(ctx.db, db());
    }
  });

  it('when the same minute is run again, here or by another process, then nothing runs twice', async () => {
    clock = new Date('2026-12-07T11:00:10.000Z');
    const here = recorder('sched-once', '0 * * * *');
    const there = recorder('sched-once', '0 * * * *');
    const a = scheduler('proc-a').register(here.job);
    const b = scheduler('proc-b').register(there.job);

    await a.runDue();
    clock = new Date('2026-12-07T11:00:50.000Z');
    const again = await a.runDue();
    const elsewhere = await b.runDue();
    clock = new Date('2026-12-07T12:00:00.000Z');
    await b.runDue();

    assert.equal(again.get('sched-once')?.status, 'skipped');
    assert.equal(elsewhere.get('sched-once')?.status, 'skipped');
    assert.deepEqual(here.runs.map((ctx) => ctx.slot), ['2026-12-07T11:00:00.000Z']);
    assert.deepEqual(there.runs.map((ctx) => ctx.slot), ['2026-12-07T12:00:00.000Z']);
  });

  it('when a job is still running from an earlier slot then the next slot is not stacked on it here', async () => {
    clock = new Date('2026-12-07T13:00:00.000Z');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let started = 0;
    const s = scheduler().register({ name: 'sched-slow', cron: '* * * * *', run: async () => { started += 1; await gate; } });
    const heard: JobRunEvent[] = [];
    const stop = onJobRun((event) => { if (event.jobName === 'sched-slow') heard.push(event); });

    const first = s.runDue();
    await waitUntil(() => started === 1);
    clock = new Date('2026-12-07T13:01:00.000Z');
    const second = await s.runDue();
    release();
    await first;
    stop();

    assert.equal(second.get('sched-slow')?.status, 'skipped');
    assert.equal(started, 1);
    assert.deepEqual(heard.map((event) => [event.slot, event.status]), [['2026-12-07T13:01:00.000Z', 'busy'], ['2026-12-07T13:00:00.000Z', 'ok']]);
  });

  it('when stopped while a job runs then stop waits for it to finish', async () => {
    clock = new Date('2026-12-07T14:00:00.000Z');
    let finished = false;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const s = scheduler().register({ name: 'sched-stop', cron: '* * * * *', run: async () => { await gate; finished = true; } });
    s.start();
    const running = s.runDue();
    await waitUntil(async () => (await db().jobRuns.list({ jobName: 'sched-stop', limit: 1, offset: 0 })).total === 1);

    const stopping = s.stop();
    setImmediate(release);
    await stopping;

    assert.equal(finished, true);
    assert.equal((await running).get('sched-stop')?.status, 'ok');
    assert.equal([...cron.getTasks().values()].some((task) => task.name === 'felt-jobs-proc-a'), false, 'the cron task is gone');
    assert.equal((await s.runDue()).get('sched-stop')?.status, 'skipped', 'a stopped scheduler runs nothing');
  });
});

describe('jobs: scheduler registration', () => {
  it('when a job has a bad or six-field expression, or a taken name, then it is refused with a reason', () => {
    const s = new Scheduler({ db: { jobRuns: {} } as never, processId: 'p', log: silentLog });
    s.register({ name: 'fine', cron: '*/5 * * * *', run: async () => 0 });

    assert.throws(() => s.register({ name: 'fine', cron: '* * * * *', run: async () => 0 }), /registered already/);
    assert.throws(() => s.register({ name: 'seconds', cron: '*/10 * * * * *', run: async () => 0 }), /five-field cron expression/);
    assert.throws(() => s.register({ name: 'nonsense', cron: 'every minute', run: async () => 0 }), /five-field cron expression/);
  });

  it('when the database cannot take the claim then nothing runs, runDue still resolves, and the job is free for the next slot', async () => {
    let claims = 0;
    const jobRuns = { claim: async () => { claims += 1; throw new Error('connection refused'); } };
    let ran = 0;
    const s = new Scheduler({ db: { jobRuns } as never, processId: 'p', log: silentLog })
      .register({ name: 'unreachable', cron: '* * * * *', run: async () => ++ran });

    const first = await s.runDue(new Date('2026-12-07T10:00:00Z'));
    const second = await s.runDue(new Date('2026-12-07T10:01:00Z'));

    assert.equal(first.get('unreachable')?.status, 'failed');
    assert.equal(second.get('unreachable')?.status, 'failed');
    assert.equal(claims, 2, 'the failed slot left the job free, not busy');
    assert.equal(ran, 0);
  });

  it('when asked what is due then day, month and weekday fields are read in UTC', () => {
    const s = new Scheduler({ db: { jobRuns: {} } as never, processId: 'p', log: silentLog })
      .register({ name: 'monday-3am', cron: '0 3 * * 1', run: async () => 0 })
      .register({ name: 'first-of-month', cron: '30 0 1 * *', run: async () => 0 });

    assert.deepEqual(s.due(new Date('2026-12-07T03:00:59.000Z')), ['monday-3am']);
    assert.deepEqual(s.due(new Date('2026-12-08T03:00:00.000Z')), []);
    assert.deepEqual(s.due(new Date('2026-12-01T00:30:00.000Z')), ['first-of-month']);
    assert.equal(slotOf(new Date('2026-12-01T00:30:59.999Z')).toISOString(), '2026-12-01T00:30:00.000Z');
  });
});

async function waitUntil(test: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
