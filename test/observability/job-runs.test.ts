import assert from 'node:assert/strict';
import { emitJobRun } from '../../src/jobs/job-events.ts';
import { countJobRuns } from '../../src/observability/job-runs.ts';
import { createMetrics } from '../../src/observability/metrics.ts';
import { parseSamples, valueOf } from './scrape.ts';

describe('observability: job runs', () => {
  it('when jobs of this process run then they are counted by job and status, and other processes\' runs are not', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const stop = countJobRuns(metrics, 'proc-a');

    emitJobRun({ jobName: 'cleanup', slot: 's1', processId: 'proc-a', status: 'ok', durationMs: 3 });
    emitJobRun({ jobName: 'cleanup', slot: 's2', processId: 'proc-a', status: 'ok', durationMs: 2 });
    emitJobRun({ jobName: 'insights', slot: 's1', processId: 'proc-a', status: 'failed', error: 'boom' });
    emitJobRun({ jobName: 'cleanup', slot: 's1', processId: 'proc-b', status: 'ok' });
    stop();
    emitJobRun({ jobName: 'cleanup', slot: 's3', processId: 'proc-a', status: 'ok' });

    const s = parseSamples(await metrics.registry.metrics());
    assert.equal(valueOf(s, 'felt_job_runs_total', { job: 'cleanup', status: 'ok' }), 2);
    assert.equal(valueOf(s, 'felt_job_runs_total', { job: 'insights', status: 'failed' }), 1);
  });
});
