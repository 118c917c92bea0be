import type { Logger } from '../log.ts';
import type { Database } from '../persistence/database.ts';

/** What every job gets when its slot comes up. */
export type JobContext = {
  db: Database;
  /** The scheduled minute this run is for (the fake clock's time in tests): jobs measure from it, never from Date.now(). */
  now: Date;
  /** `now` as an ISO string: the key of this run in `job_runs`. */
  slot: string;
  log: Logger;
  /** The Felt process running it (`FELT_PROCESS_ID`). */
  processId: string;
};

/** A job's body: a small function of its context that returns what it did (logged and kept for tests). */
export type JobFn<R = unknown> = (ctx: JobContext) => Promise<R>;

export type JobDefinition = {
  /** Stable: it is half of the run's key, so renaming a job lets one slot run twice. */
  name: string;
  /** A five-field cron expression (minute hour day-of-month month day-of-week), read in UTC. */
  cron: string;
  run: JobFn;
};
