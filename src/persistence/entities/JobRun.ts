import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const JOB_RUN_STATUS = { running: 'running', ok: 'ok', failed: 'failed' } as const;
export type JobRunStatus = (typeof JOB_RUN_STATUS)[keyof typeof JOB_RUN_STATUS];

/**
 * One scheduled run of a background job. The key (job, slot) is what makes a
 * job run once per cluster: every process tries to insert the row for the
 * slot it was woken for, and only the one whose insert lands runs the job.
 */
export const JobRun = defineEntity({
  name: 'JobRun',
  tableName: 'job_runs',
  properties: {
    jobName: p.string().primary(),
    // The scheduled minute as an ISO string (`2026-11-30T06:05:00.000Z`): the same text on every process.
    slot: p.string().primary(),
    processId: p.string(),
    status: p.enum(Object.values(JOB_RUN_STATUS)).default(JOB_RUN_STATUS.running),
    startedAt: p.datetime().index(),
    finishedAt: p.datetime().nullable(),
    durationMs: p.integer().nullable(),
    error: p.text().nullable(),
  },
});

export type JobRun = InferEntity<typeof JobRun>;
