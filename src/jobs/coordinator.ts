import { performance } from 'node:perf_hooks';
import type { JobRunRepository } from '../persistence/analytics-types.ts';
import { emitJobRun } from './job-events.ts';

/** How one process's attempt at one slot ended. */
export type JobOutcome<R = unknown> =
  | { status: 'skipped' }
  | { status: 'ok'; result: R; durationMs: number }
  | { status: 'failed'; error: unknown; durationMs: number };

export type JobCoordinatorOptions = {
  runs: JobRunRepository;
  processId: string;
  /** The clock `startedAt`/`finishedAt` are stamped with; durations are measured on the real monotonic clock. */
  now?: () => Date;
};

/**
 * Makes each (job, slot) run once per cluster. Every process's cron fires for
 * the same slot — the scheduled minute, the same ISO string everywhere — and
 * tries to insert the `job_runs` row for it; the database's unique key lets
 * exactly one insert land, and only that process runs the job. The row then
 * records how it ended (status, error, duration, process).
 *
 * Why not a lock alone (a PostgreSQL advisory lock or a Redis lock)? A lock
 * only says "nobody else is running it right now". Two processes' ticks for
 * the same minute arrive milliseconds to seconds apart (timers, clock skew, a
 * busy event loop): if the first finishes before the second asks, the second
 * gets the lock too and runs the slot again. Remembering which slots were
 * claimed is what prevents that, and a unique row does it durably, on
 * PostgreSQL across processes and on PGlite within one, with no extra
 * infrastructure. A process that dies mid-run leaves its row `running`; the
 * slot is not retried (the next slot runs as usual), which suits jobs that
 * each pick up where the last left off.
 */
export class JobCoordinator {
  private readonly runs: JobRunRepository;
  private readonly processId: string;
  private readonly now: () => Date;

  constructor(options: JobCoordinatorOptions) {
    this.runs = options.runs;
    this.processId = options.processId;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Claims `slot` of `jobName` and, if this process won it, runs `run` and
   * records the outcome. Never throws for the job's own failure: that is the
   * `failed` outcome (the claim's own database errors do propagate).
   */
  async runOnce<R>(jobName: string, slot: string, run: () => Promise<R>): Promise<JobOutcome<R>> {
    const claimed = await this.runs.claim({ jobName, slot, processId: this.processId, startedAt: this.now() });
    if (!claimed) {
      emitJobRun({ jobName, slot, processId: this.processId, status: 'skipped' });
      return { status: 'skipped' };
    }
    const started = performance.now();
    let outcome: JobOutcome<R>;
    try {
      const result = await run();
      outcome = { status: 'ok', result, durationMs: performance.now() - started };
    } catch (error) {
      outcome = { status: 'failed', error, durationMs: performance.now() - started };
    }
    const message = outcome.status === 'failed' ? errorText(outcome.error) : null;
    await this.runs.finish({
      jobName, slot, processId: this.processId, status: outcome.status, finishedAt: this.now(),
      durationMs: outcome.durationMs, error: message,
    });
    emitJobRun({
      jobName, slot, processId: this.processId, status: outcome.status, durationMs: outcome.durationMs,
      ...(message !== null ? { error: message } : {}),
    });
    return outcome;
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // The column is text, but a runaway message helps nobody in a listing.
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
