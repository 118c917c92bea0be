import { JOB_RUN_STATUS, JobRun } from './entities/JobRun.ts';
import type { Orm } from './orm.ts';
import type { JobRunRecord, JobRunRepository } from './analytics-types.ts';

function toRecord(run: JobRun): JobRunRecord {
  return {
    jobName: run.jobName,
    slot: run.slot,
    processId: run.processId,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt ?? null,
    durationMs: run.durationMs ?? null,
    error: run.error ?? null,
  };
}

/**
 * Claimed runs of background jobs. A claim is one `insert … on conflict do
 * nothing` on the (job, slot) key, so the database picks the single winner
 * however many processes, connections or clocks ask at once.
 */
export function jobRunRepository(orm: Orm): JobRunRepository {
  return {
    async claim({ jobName, slot, processId, startedAt }) {
      const rows = await orm.em.fork().execute<{ job_name: string }[]>(
        `insert into "job_runs" ("job_name", "slot", "process_id", "status", "started_at") values (?, ?, ?, ?, ?)
         on conflict ("job_name", "slot") do nothing returning "job_name"`,
        [jobName, slot, processId, JOB_RUN_STATUS.running, startedAt],
      );
      return rows.length === 1;
    },

    async finish({ jobName, slot, processId, status, finishedAt, durationMs, error }) {
      await orm.em.fork().nativeUpdate(JobRun, { jobName, slot, processId }, { status, finishedAt, durationMs: Math.round(durationMs), error });
    },

    async list({ jobName, status, limit, offset }) {
      const where = { ...(jobName !== undefined ? { jobName } : {}), ...(status !== undefined ? { status } : {}) };
      const [runs, total] = await orm.em.fork().findAndCount(JobRun, where, {
        orderBy: { startedAt: 'desc', jobName: 'asc' }, limit, offset,
      });
      return { items: runs.map(toRecord), total };
    },
  };
}
