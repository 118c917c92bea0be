import { onJobRun } from '../jobs/job-events.ts';
import type { FeltMetrics } from './metrics.ts';

/**
 * Counts this process's job outcomes in `felt_job_runs_total{job, status}`
 * (`ok`, `failed`, `skipped` when another process had the slot, `busy`).
 * Job events are process-wide, so only those of `processId` count here.
 * Returns the function that stops counting.
 */
export function countJobRuns(metrics: FeltMetrics, processId: string): () => void {
  return onJobRun((event) => {
    if (event.processId === processId) metrics.jobRuns.inc({ job: event.jobName, status: event.status });
  });
}
