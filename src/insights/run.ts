import type { Logger } from '../log.ts';
import type { Database } from '../persistence/database.ts';
import type { InsightInput, InsightRecord } from '../persistence/insight-types.ts';
import { handFlow, type HandFlow } from './hand-flows.ts';
import { chipDumping, type ChipDumpingThresholds } from './rules/chip-dumping.ts';
import { demandAboveSupply } from './rules/demand.ts';
import { DEFAULT_IDLE_THRESHOLD_MS, idleTables } from './rules/idle-tables.ts';
import { winRateOutliers, type WinRateThresholds } from './rules/win-rates.ts';
import { INSIGHT_KIND, type Finding, type InsightKind } from './types.ts';

/** A live table as the process's room listing gives it; the template comes from the table's record when absent. */
export type LiveTable = { tableId: string; seated: number; maxSeats: number; waiting: number; templateId?: string };

const HOUR = 60 * 60 * 1000;

export type InsightOptions = {
  /** How far back hands are read for the money rules. */
  windowMs: number;
  /** At most this many hands (the newest) per run, so a busy room's run stays bounded. */
  maxHands: number;
  idleThresholdMs: number;
  /** Per kind: a finding whose dedupe key was stored within this long is not stored (or delivered) again. */
  dedupeMs: Record<InsightKind, number>;
  chipDumping: Partial<ChipDumpingThresholds>;
  winRates: Partial<WinRateThresholds>;
};

export const DEFAULT_INSIGHT_OPTIONS: InsightOptions = {
  windowMs: 24 * HOUR,
  maxHands: 20_000,
  idleThresholdMs: DEFAULT_IDLE_THRESHOLD_MS,
  dedupeMs: {
    [INSIGHT_KIND.demandAboveSupply]: HOUR,
    [INSIGHT_KIND.idleTable]: 6 * HOUR,
    [INSIGHT_KIND.chipDumping]: 24 * HOUR,
    [INSIGHT_KIND.winRateOutlier]: 24 * HOUR,
  },
  chipDumping: {},
  winRates: {},
};

/** What a run needs: the database, the run's time, the live tables of the cluster, and where new insights go. */
export type InsightContext = {
  db: Database;
  /** The time of this run (the scheduled minute, or a fake clock in tests): windows are measured from it. */
  now: Date;
  liveTables(): Promise<LiveTable[]>;
  /** Sends one new insight to admins (feed, webhook); a failure is logged and does not stop the others. */
  deliver(insight: InsightRecord): Promise<void>;
  log?: Logger;
  options?: Partial<InsightOptions>;
};

export type InsightRunResult = {
  /** Everything the rules found this run, stored or not. */
  found: number;
  /** The new ones: stored and delivered. */
  stored: InsightRecord[];
  handsRead: number;
  /** True when the window held more than `maxHands` hands and the oldest were left out. */
  truncated: boolean;
  deliveryFailures: number;
};

// Hands are read a page at a time, so memory holds one page of states, not the window's.
const PAGE = 500;

/**
 * The insights job: reads the window's hands and the tables, runs every rule,
 * stores the findings not already stored within their dedupe window, and
 * delivers each new one. Scheduled every five minutes, once per cluster.
 */
export async function runInsights(ctx: InsightContext): Promise<InsightRunResult> {
  const options = { ...DEFAULT_INSIGHT_OPTIONS, ...ctx.options, dedupeMs: { ...DEFAULT_INSIGHT_OPTIONS.dedupeMs, ...ctx.options?.dedupeMs } };
  const { db, now } = ctx;
  const [templates, openTables, live] = await Promise.all([db.templates.list(true), db.tables.listOpen(), ctx.liveTables()]);
  const { hands, truncated } = await readHands(db, now, options);
  const names = await db.insights.playerNames(hands.flatMap((hand) => hand.playerIds));

  const templateOf = new Map(openTables.map((table) => [table.id, table.templateId]));
  const liveById = new Map(live.map((table) => [table.tableId, table]));
  const templateName = new Map(templates.map((template) => [template.id, template.name]));
  const lastHandAt = await db.hands.lastEndedAt(openTables.map((table) => table.id));

  const findings: Finding[] = [
    ...demandAboveSupply({
      templates: templates.filter((template) => template.retiredAt === null).map(({ id, name }) => ({ id, name })),
      tables: live.flatMap((table) => {
        const templateId = table.templateId ?? templateOf.get(table.tableId);
        return templateId ? [{ ...table, templateId }] : [];
      }),
    }),
    ...idleTables({
      now,
      thresholdMs: options.idleThresholdMs,
      // A tournament's tables are its own to open and close; only cash tables can sit idle.
      tables: openTables.flatMap(({ templateId, ...table }) => (templateId === null ? [] : [{ ...table, templateId }])).map((table) => ({
        tableId: table.id, name: table.name, templateId: table.templateId,
        templateName: templateName.get(table.templateId) ?? table.templateId,
        openedAt: table.createdAt, lastHandAt: lastHandAt.get(table.id) ?? null, seated: liveById.get(table.id)?.seated ?? 0,
      })),
    }),
    ...chipDumping({ hands, names, thresholds: options.chipDumping }),
    ...winRateOutliers({ hands, names, thresholds: options.winRates }),
  ];

  const stored = await db.insights.storeNew(findings, { now, windowMs: (finding: InsightInput) => options.dedupeMs[finding.kind as InsightKind] ?? HOUR });
  const deliveries = await Promise.allSettled(stored.map((insight) => ctx.deliver(insight)));
  deliveries.forEach((delivery, i) => {
    if (delivery.status === 'rejected') ctx.log?.error({ err: delivery.reason, insightId: stored[i].id }, 'insight delivery failed');
  });
  if (truncated) ctx.log?.warn({ maxHands: options.maxHands }, 'insights read only the newest hands of the window');
  return {
    found: findings.length, stored, handsRead: hands.length, truncated,
    deliveryFailures: deliveries.filter((delivery) => delivery.status === 'rejected').length,
  };
}

async function readHands(db: Database, now: Date, options: InsightOptions): Promise<{ hands: HandFlow[]; truncated: boolean }> {
  const from = new Date(now.getTime() - options.windowMs);
  const hands: HandFlow[] = [];
  let read = 0;
  // `to` is fixed at the run's time, so hands finishing while we page do not shift the offsets.
  for (;;) {
    const limit = Math.min(PAGE, options.maxHands - read);
    if (limit <= 0) {
      const more = await db.hands.list({ from, to: now, limit: 1, offset: read });
      return { hands, truncated: more.length > 0 };
    }
    const page = await db.hands.list({ from, to: now, limit, offset: read });
    for (const record of page) {
      const flow = handFlow(record);
      if (flow) hands.push(flow);
    }
    read += page.length;
    if (page.length < limit) return { hands, truncated: false };
  }
}
