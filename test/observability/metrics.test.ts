import assert from 'node:assert/strict';
import { createMetrics } from '../../src/observability/metrics.ts';
import { metricNames, parseSamples, valueOf } from './scrape.ts';

const FELT_METRICS = [
  'felt_rooms', 'felt_connections', 'felt_hands_total', 'felt_actions_total', 'felt_action_to_patch_seconds',
  'felt_snapshot_lag_seconds', 'felt_snapshot_writes_total', 'felt_db_pool', 'felt_job_runs_total',
];

describe('observability: createMetrics', () => {
  it('when a registry is made then it declares every Felt metric and the process metrics', async () => {
    const metrics = createMetrics();

    const names = metricNames(await metrics.registry.metrics());

    for (const name of FELT_METRICS) assert.ok(names.has(name), `${name} is declared`);
    assert.ok(names.has('process_cpu_user_seconds_total'), 'default process metrics are collected');
    assert.ok(names.has('nodejs_eventloop_lag_seconds'));
  });

  it('when two registries are made in one process then they neither collide nor share values', async () => {
    const first = createMetrics({ defaultMetrics: false });
    const second = createMetrics({ defaultMetrics: false });

    first.hands.inc({ variant: 'NT' });
    first.hands.inc({ variant: 'NT' });
    first.actions.inc({ action: 'fold' });

    const a = parseSamples(await first.registry.metrics());
    const b = parseSamples(await second.registry.metrics());
    assert.equal(valueOf(a, 'felt_hands_total', { variant: 'NT' }), 2);
    assert.equal(valueOf(a, 'felt_actions_total', { action: 'fold' }), 1);
    assert.equal(b.filter((s) => s.name === 'felt_hands_total' || s.name === 'felt_actions_total').length, 0);
  });

  it('when defaults are turned off then only Felt metrics are on the registry', async () => {
    const names = metricNames(await createMetrics({ defaultMetrics: false }).registry.metrics());

    assert.deepEqual([...names].sort(), [...FELT_METRICS].sort());
  });

  it('when scraped then rooms, connections and the pool are read from their sources at that moment', async () => {
    let rooms = 2;
    let connections = 5;
    const metrics = createMetrics({
      defaultMetrics: false,
      rooms: async () => rooms,
      connections: () => connections,
      dbPool: async () => ({ max: 10, open: 3, idle: 1, waiting: 0 }),
    });

    const before = parseSamples(await metrics.registry.metrics());
    rooms = 4;
    connections = 7;
    const after = parseSamples(await metrics.registry.metrics());

    assert.equal(valueOf(before, 'felt_rooms'), 2);
    assert.equal(valueOf(before, 'felt_connections'), 5);
    assert.equal(valueOf(after, 'felt_rooms'), 4);
    assert.equal(valueOf(after, 'felt_connections'), 7);
    assert.deepEqual(
      after.filter((s) => s.name === 'felt_db_pool').map((s) => [s.labels.state, s.value]).sort(),
      [['idle', 1], ['max', 10], ['open', 3], ['waiting', 0]],
    );
  });

  it('when the pool source knows only its size then only max and open are reported', async () => {
    const metrics = createMetrics({ defaultMetrics: false, dbPool: async () => ({ max: 1, open: 1 }) });

    const pool = parseSamples(await metrics.registry.metrics()).filter((s) => s.name === 'felt_db_pool');

    assert.deepEqual(pool.map((s) => [s.labels.state, s.value]).sort(), [['max', 1], ['open', 1]]);
  });

  it('when latencies are observed then they fall into the millisecond-to-second buckets', async () => {
    const metrics = createMetrics({ defaultMetrics: false });

    metrics.actionToPatch.observe(0.0004);
    metrics.actionToPatch.observe(0.03);
    metrics.actionToPatch.observe(2);

    const samples = parseSamples(await metrics.registry.metrics());
    assert.equal(valueOf(samples, 'felt_action_to_patch_seconds_bucket', { le: '0.001' }), 1);
    assert.equal(valueOf(samples, 'felt_action_to_patch_seconds_bucket', { le: '0.05' }), 2);
    assert.equal(valueOf(samples, 'felt_action_to_patch_seconds_bucket', { le: '1' }), 2);
    assert.equal(valueOf(samples, 'felt_action_to_patch_seconds_count'), 3);
  });

  it('when a job run is counted then it is labelled by job and status', async () => {
    const metrics = createMetrics({ defaultMetrics: false });

    metrics.jobRuns.inc({ job: 'cleanup', status: 'ok' });
    metrics.jobRuns.inc({ job: 'cleanup', status: 'failed' });
    metrics.jobRuns.inc({ job: 'cleanup', status: 'ok' });

    const samples = parseSamples(await metrics.registry.metrics());
    assert.equal(valueOf(samples, 'felt_job_runs_total', { job: 'cleanup', status: 'ok' }), 2);
    assert.equal(valueOf(samples, 'felt_job_runs_total', { job: 'cleanup', status: 'failed' }), 1);
  });
});
