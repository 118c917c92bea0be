import cron, { type ScheduledTask } from 'node-cron';
import { parseSchedule, scheduleMatches, scheduleProblem, type Schedule } from './cron-schedule.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../persistence/database.ts';
import { JobCoordinator, type JobOutcome } from './coordinator.ts';
import { emitJobRun } from './job-events.ts';
import type { JobDefinition } from './types.ts';

const MINUTE_MS = 60_000;

/** A tick that comes this late (a blocked event loop) still runs its slot; node-cron's default drops it after 1 s. */
const LATE_TICK_TOLERANCE_MS = 30_000;

export type SchedulerOptions = {
  db: Database;
  /** Names this process in `job_runs` (`FELT_PROCESS_ID`). */
  processId: string;
  log: Logger;
  /** The clock: `runDue()` without a date reads it, and runs are stamped with it. Tests pass a fake one. */
  now?: () => Date;
};

/** The scheduled minute of `at`: the slot a run is keyed by, the same on every process. */
export function slotOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);
}


/**
 * Runs registered jobs on their cron schedules, each slot once per cluster
 * (through `JobCoordinator`). Every process starts one: node-cron wakes it
 * each minute and it runs the jobs due that minute, and whichever process
 * claims a slot first runs it.
 *
 * `runDue(at)` is the whole schedule step, so tests drive it with a fake
 * clock and never wait for node-cron. Expressions are read in UTC and must
 * have five fields (no seconds): a slot is a minute.
 */
export class Scheduler {
  private readonly db: Database;
  private readonly processId: string;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly coordinator: JobCoordinator;
  private readonly jobs = new Map<string, { job: JobDefinition; fields: Schedule }>();
  // Jobs still running here from an earlier slot: a later slot is left to another process rather than stacked.
  private readonly busy = new Set<string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private task: ScheduledTask | null = null;
  private stopped = false;

  constructor(options: SchedulerOptions) {
    this.db = options.db;
    this.processId = options.processId;
    this.log = options.log;
    this.now = options.now ?? (() => new Date());
    this.coordinator = new JobCoordinator({ runs: options.db.jobRuns, processId: options.processId, now: this.now });
  }

  /** Adds a job. Throws on a duplicate name or an expression that is not a five-field cron expression. */
  register(job: JobDefinition): this {
    if (this.jobs.has(job.name)) throw new Error(`A job named ${job.name} is registered already; job names are run keys and must be unique.`);
    const problem = scheduleProblem(job.cron);
    if (problem) throw new Error(`Job ${job.name} has a bad schedule: ${problem}`);
    this.jobs.set(job.name, { job, fields: parseSchedule(job.cron) });
    return this;
  }

  /** The names of the jobs due in the minute of `at`. */
  due(at: Date): string[] {
    const slot = slotOf(at);
    return [...this.jobs.values()].filter(({ fields }) => scheduleMatches(fields, slot)).map(({ job }) => job.name);
  }

  /** Wakes every minute (node-cron, UTC) and runs what is due. */
  start(): void {
    if (this.task || this.stopped) return;
    this.task = cron.schedule('* * * * *', (context) => this.runDue(context.date).then(() => undefined), {
      name: `felt-jobs-${this.processId}`,
      timezone: 'Etc/UTC',
      missedExecutionTolerance: LATE_TICK_TOLERANCE_MS,
    });
  }

  /**
   * Runs every job due in the minute of `at` (default: the clock's now), each
   * claimed for that minute's slot, side by side. Resolves with each job's
   * outcome here: `skipped` where another process (or an earlier call) had
   * the slot.
   */
  async runDue(at: Date = this.now()): Promise<Map<string, JobOutcome>> {
    const names = this.due(at);
    const outcomes = await Promise.all(names.map((name) => this.runJob(name, at)));
    return new Map(names.map((name, i) => [name, outcomes[i]]));
  }

  /** Runs one job for the slot of `at` if this process claims it (what `runDue` does for each due job). */
  async runJob(name: string, at: Date = this.now()): Promise<JobOutcome> {
    const entry = this.jobs.get(name);
    if (!entry) throw new Error(`No job named ${name}; registered: ${[...this.jobs.keys()].join(', ') || 'none'}.`);
    const slotAt = slotOf(at);
    const slot = slotAt.toISOString();
    // Stopped: the database may be closing; another process takes the slot.
    if (this.stopped) return { status: 'skipped' };
    if (this.busy.has(name)) {
      emitJobRun({ jobName: name, slot, processId: this.processId, status: 'busy' });
      return { status: 'skipped' };
    }
    this.busy.add(name);
    const log = this.log.child({ job: name, slot });
    const running = this.coordinator
      .runOnce(name, slot, () => entry.job.run({ db: this.db, now: slotAt, slot, log, processId: this.processId }))
      .then((outcome) => {
        if (outcome.status === 'ok') log.info({ durationMs: Math.round(outcome.durationMs), result: outcome.result }, 'job ran');
        if (outcome.status === 'failed') log.error({ err: outcome.error, durationMs: Math.round(outcome.durationMs) }, 'job failed');
        return outcome;
      })
      .catch((error: unknown): JobOutcome => {
        // The database failed the claim (nothing ran) or the record of the outcome; the next slot runs as usual.
        log.error({ err: error }, 'job run could not be claimed or recorded');
        return { status: 'failed', error, durationMs: 0 };
      })
      .finally(() => {
        this.busy.delete(name);
        this.inFlight.delete(running);
      });
    this.inFlight.add(running);
    return running;
  }

  /** Stops waking up and waits for the runs in progress, so the database can close after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    const task = this.task;
    this.task = null;
    if (task) await task.destroy();
    await Promise.allSettled([...this.inFlight]);
  }
}
