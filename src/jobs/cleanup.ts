import type { TableRecord, TemplateRecord } from '../persistence/types.ts';
import type { LiveTableLoad, LiveTables } from './live-tables.ts';
import type { JobContext, JobDefinition } from './types.ts';

export const CLEANUP_JOB = 'cleanup';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type CleanupDeps = {
  liveTables: LiveTables;
  /** Opens a table from the template and its room (the admin table control in the server). */
  openTable(templateId: string): Promise<unknown>;
  /** Closes a table gracefully: after the current hand, stacks back to wallets. */
  closeTable(tableId: string): Promise<void>;
  /** Hand records older than this many days are deleted (`FELT_HAND_RETENTION_DAYS`). */
  handRetentionDays: number;
  /** Snapshots of closed tables older than this many days are deleted (`FELT_SNAPSHOT_RETENTION_DAYS`). */
  snapshotRetentionDays: number;
  /** Minute analytics snapshots and finished job runs older than this many days are deleted (`FELT_ANALYTICS_RETENTION_DAYS`). */
  analyticsRetentionDays: number;
};

export type CleanupResult = {
  closed: string[];
  opened: { templateId: string; reason: 'minimum' | 'demand' }[];
  prunedHands: number;
  prunedSnapshots: number;
  prunedAnalytics: { snapshots: number; jobRuns: number };
};

/** What to do with one template's tables: which to close, and how many to open for what reason. */
export type TemplatePlan = { close: string[]; openForMinimum: number; openForDemand: boolean };

/**
 * The decision for one template, pure so it can be read and tested alone.
 *
 * - A table is idle when nobody sits or waits at it and nothing has happened
 *   there (no hand ended, no snapshot saved — every sit, stand and action
 *   saves one) for the template's `idleMinutes`; idle tables close, most idle
 *   first, down to the template's `minTables`.
 * - Below `minTables`, the missing tables open.
 * - When every table of the template is live and full and someone waits at
 *   any of them, one more opens (the next run opens another if still needed).
 * - A retired template keeps no minimum and gets no new tables; its idle tables close.
 *
 * A table whose room is not running right now (its process died and nobody
 * has claimed it yet) counts toward the minimum but is neither closed nor
 * counted as full.
 */
export function planTemplate(
  template: TemplateRecord,
  tables: TableRecord[],
  live: ReadonlyMap<string, LiveTableLoad>,
  lastActivity: ReadonlyMap<string, Date | null>,
  now: Date,
): TemplatePlan {
  const retired = template.retiredAt !== null;
  const minimum = retired ? 0 : template.minTables;
  const idleSince = (table: TableRecord): number => (lastActivity.get(table.id) ?? table.createdAt).getTime();
  const idle = tables
    .filter((table) => {
      const load = live.get(table.id);
      return load !== undefined && !load.closing && load.seated === 0 && load.waiting === 0
        && idleSince(table) + template.idleMinutes * MINUTE_MS <= now.getTime();
    })
    .sort((a, b) => idleSince(a) - idleSince(b) || a.id.localeCompare(b.id));
  const close = idle.slice(0, Math.max(0, tables.length - minimum)).map((table) => table.id);
  const remaining = tables.filter((table) => !close.includes(table.id));
  const openForMinimum = Math.max(0, minimum - remaining.length);
  const loads = remaining.map((table) => live.get(table.id));
  const openForDemand = !retired && openForMinimum === 0 && loads.length > 0
    && loads.every((load) => load !== undefined && !load.closing && load.seated >= load.maxSeats)
    && loads.some((load) => (load?.waiting ?? 0) > 0);
  return { close, openForMinimum, openForDemand };
}

/**
 * Keeps the tables matched to play — closes idle ones, keeps each template's
 * minimum, opens one more where every table is full and players wait — and
 * prunes hand records, closed tables' snapshots, minute analytics and job runs past their retention.
 * One template's failure does not stop the others; the run then fails with
 * every error listed, after doing all it could.
 */
export async function runCleanup(ctx: JobContext, deps: CleanupDeps): Promise<CleanupResult> {
  const { db, now } = ctx;
  const [templates, open, loads] = await Promise.all([db.templates.list(true), db.tables.listOpen(), deps.liveTables()]);
  const live = new Map(loads.map((load) => [load.tableId, load]));
  const lastActivity = await db.housekeeping.lastActivity(open.map((table) => table.id));
  const result: CleanupResult = { closed: [], opened: [], prunedHands: 0, prunedSnapshots: 0, prunedAnalytics: { snapshots: 0, jobRuns: 0 } };
  const failures: string[] = [];
  const attempt = async (what: string, step: () => Promise<void>): Promise<void> => {
    try {
      await step();
    } catch (error) {
      failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      ctx.log.warn({ err: error }, `cleanup could not ${what}`);
    }
  };

  for (const template of templates) {
    const plan = planTemplate(template, open.filter((table) => table.templateId === template.id), live, lastActivity, now);
    for (const tableId of plan.close) {
      await attempt(`close idle table ${tableId}`, async () => {
        await deps.closeTable(tableId);
        result.closed.push(tableId);
      });
    }
    const openings = [
      ...Array.from({ length: plan.openForMinimum }, () => 'minimum' as const),
      ...(plan.openForDemand ? ['demand' as const] : []),
    ];
    for (const reason of openings) {
      await attempt(`open a table of template ${template.name} (${reason})`, async () => {
        await deps.openTable(template.id);
        result.opened.push({ templateId: template.id, reason });
      });
    }
  }

  await attempt('prune old hands', async () => {
    result.prunedHands = await db.housekeeping.pruneHands(new Date(now.getTime() - deps.handRetentionDays * DAY_MS));
  });
  await attempt('prune closed tables\' snapshots', async () => {
    result.prunedSnapshots = await db.housekeeping.pruneClosedTableSnapshots(new Date(now.getTime() - deps.snapshotRetentionDays * DAY_MS));
  });
  await attempt('prune old analytics', async () => {
    result.prunedAnalytics = await db.housekeeping.pruneAnalytics(new Date(now.getTime() - deps.analyticsRetentionDays * DAY_MS));
  });
  if (failures.length > 0) {
    throw new Error(`Cleanup did what it could, but ${failures.length} step(s) failed: ${failures.join('; ')}. Done: ${JSON.stringify(result)}`);
  }
  return result;
}

/** Every minute: idle tables close within a minute of their expiry, and waiting players get a table as soon. */
export function cleanupJob(deps: CleanupDeps): JobDefinition {
  return { name: CLEANUP_JOB, cron: '* * * * *', run: (ctx) => runCleanup(ctx, deps) };
}
