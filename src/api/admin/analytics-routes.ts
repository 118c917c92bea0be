import { Router } from 'express';
import { z } from 'zod';
import type { AnalyticsSnapshotRecord, JobRunRecord, TemplateHourlyRecord, TournamentHourlyRecord } from '../../persistence/analytics-types.ts';
import { JOB_RUN_STATUS } from '../../persistence/entities/JobRun.ts';
import { defineRoute, page, pageOf, pageQuery } from '../openapi/route.ts';
import { ApiProblem } from '../problem.ts';
import type { ApiDeps } from '../types.ts';
import { ADMIN_PREFIX } from './index.ts';

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2026-11-30T06:00:00Z' })
  .transform((text) => new Date(text));

const rangeQuery = pageQuery.extend({
  from: instant.optional().describe('Inclusive start (ISO 8601).'),
  to: instant.optional().describe('Exclusive end (ISO 8601).'),
});

const hourlyQuery = rangeQuery.extend({ templateId: z.string().min(1).optional().describe('Only this template.') });

const runsQuery = pageQuery.extend({
  jobName: z.string().min(1).optional().describe('Only this job, e.g. analytics-snapshot, template-hourly, cleanup.'),
  status: z.enum(Object.values(JOB_RUN_STATUS)).optional(),
});

const snapshotView = z.object({
  takenAt: z.iso.datetime(),
  openTables: z.number().int(),
  seatedPlayers: z.number().int(),
  watchers: z.number().int().describe('Clients of table rooms who hold no seat.'),
  hands: z.number().int().describe('Hands that ended in the minute before takenAt.'),
  rake: z.number().int(),
  tournamentEntries: z.number().int().describe('Tournament entries bought in that minute (re-entries included).'),
  tournamentFees: z.number().int().describe('Tournament fees the house took in that minute, less fees refunded.'),
  tournamentPrizes: z.number().int().describe('Tournament prizes paid in that minute.'),
  connections: z.record(z.string(), z.number().int()).describe('Clients of table rooms, per process.'),
});

const tournamentHourlyView = z.object({
  hour: z.iso.datetime(),
  entries: z.number().int().describe('Entries bought, re-entries included.'),
  refunds: z.number().int().describe('Entries refunded (unregistered, or cancelled tournaments).'),
  rebuys: z.number().int(),
  addOns: z.number().int(),
  buyIns: z.number().int().describe('Buy-ins paid into prize pools (refunds not subtracted).'),
  purchases: z.number().int().describe('Rebuys and add-ons paid into prize pools.'),
  fees: z.number().int().describe('Fees the house kept: taken less refunded.'),
  prizes: z.number().int().describe('Prizes paid from the pools.'),
});

const hourlyView = z.object({
  templateId: z.string(),
  hour: z.iso.datetime(),
  hands: z.number().int(),
  uniquePlayers: z.number().int(),
  rake: z.number().int(),
  potTotal: z.number().int().describe('Chips in every pot, rake included.'),
  averagePot: z.number().describe('potTotal / hands.'),
  flopHands: z.number().int().describe('Hands that dealt a flop.'),
  flopPlayers: z.number().int().describe('Players still in when the flop came, summed over flopHands.'),
  flopShare: z.number().describe('flopHands / hands: the share of hands that saw a flop.'),
  playersPerFlop: z.number().nullable().describe('Players still in when the flop came, averaged over flopHands; null without flops.'),
});

const runView = z.object({
  jobName: z.string(),
  slot: z.iso.datetime().describe('The scheduled minute this run was for.'),
  processId: z.string().describe('The process that claimed and ran it.'),
  status: z.enum(Object.values(JOB_RUN_STATUS)),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
});

const ratio = (part: number, whole: number): number => Math.round((part / whole) * 100) / 100;

function snapshotOf(record: AnalyticsSnapshotRecord): z.output<typeof snapshotView> {
  return { ...record, takenAt: record.takenAt.toISOString() };
}

function hourlyOf(record: TemplateHourlyRecord): z.output<typeof hourlyView> {
  return {
    ...record,
    hour: record.hour.toISOString(),
    averagePot: record.hands > 0 ? ratio(record.potTotal, record.hands) : 0,
    flopShare: record.hands > 0 ? ratio(record.flopHands, record.hands) : 0,
    playersPerFlop: record.flopHands > 0 ? ratio(record.flopPlayers, record.flopHands) : null,
  };
}

function tournamentHourlyOf(record: TournamentHourlyRecord): z.output<typeof tournamentHourlyView> {
  return { ...record, hour: record.hour.toISOString() };
}

function runOf(record: JobRunRecord): z.output<typeof runView> {
  return { ...record, startedAt: record.startedAt.toISOString(), finishedAt: record.finishedAt?.toISOString() ?? null };
}

/** A range that ends before it starts is well-formed but cannot match anything: say so rather than answer an empty page. */
function checkRange({ from, to }: { from?: Date; to?: Date }): void {
  if (from && to && from.getTime() >= to.getTime()) {
    throw new ApiProblem(422, 'unprocessable', `from (${from.toISOString()}) must be before to (${to.toISOString()}).`);
  }
}

/**
 * What the background jobs collect and how they ran
 * (`/api/admin/analytics/…`, `/api/admin/jobs/runs`): minute snapshots of the
 * cluster, hourly sums per template, hourly tournament money, and the
 * claimed job runs, newest first.
 */
export function analyticsRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db } = deps;
  const tags = ['admin: analytics'];

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/analytics/snapshots', summary: 'Minute snapshots of the cluster, newest first', tags, auth: 'admin',
    query: rangeQuery, response: pageOf(snapshotView), errors: [422],
  }, async ({ query }) => {
    checkRange(query);
    const { items, total } = await db.analytics.listSnapshots(query);
    return page(items.map(snapshotOf), total, query);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/analytics/hourly', summary: 'Hourly play per template, newest hour first', tags, auth: 'admin',
    query: hourlyQuery, response: pageOf(hourlyView), errors: [422],
  }, async ({ query }) => {
    checkRange(query);
    const { items, total } = await db.analytics.listHourly(query);
    return page(items.map(hourlyOf), total, query);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/analytics/tournaments/hourly', summary: 'Hourly tournament money across the cluster, newest hour first', tags, auth: 'admin',
    query: rangeQuery, response: pageOf(tournamentHourlyView), errors: [422],
  }, async ({ query }) => {
    checkRange(query);
    const { items, total } = await db.analytics.listTournamentHourly(query);
    return page(items.map(tournamentHourlyOf), total, query);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/jobs/runs', summary: 'Background job runs (one per job and slot in the cluster), newest first', tags: ['admin: jobs'], auth: 'admin',
    query: runsQuery, response: pageOf(runView),
  }, async ({ query }) => {
    const { items, total } = await db.jobRuns.list(query);
    return page(items.map(runOf), total, query);
  });

  return router;
}
