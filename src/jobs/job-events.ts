import { EventEmitter } from 'node:events';

/**
 * What happened to one job at one slot in this process: it ran (`ok` or
 * `failed`), or another process had claimed the slot first (`skipped`), or it
 * was still busy with an earlier slot here (`busy`).
 */
export type JobRunEvent = {
  jobName: string;
  slot: string;
  processId: string;
  status: 'ok' | 'failed' | 'skipped' | 'busy';
  /** Wall-clock milliseconds the job took (ran only). */
  durationMs?: number;
  /** The error's message (failed only). */
  error?: string;
};

const events = new EventEmitter();
// Every scheduler and metrics registry in a process (tests start several) may listen.
events.setMaxListeners(0);

/**
 * Subscribes to every job outcome of every scheduler in this process; the
 * metrics count job runs from it. Returns the function that unsubscribes.
 * A listener that throws is ignored: metrics must never fail a job.
 */
export function onJobRun(listener: (event: JobRunEvent) => void): () => void {
  const safe = (event: JobRunEvent): void => {
    try {
      listener(event);
    } catch {
      // See above: observers cannot break the run.
    }
  };
  events.on('run', safe);
  return () => {
    events.off('run', safe);
  };
}

/** For the coordinator and scheduler: tells the listeners. */
export function emitJobRun(event: JobRunEvent): void {
  events.emit('run', event);
}
