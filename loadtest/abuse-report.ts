import type { AbuseReport } from './abuse-process.ts';
import { percentiles, type Latency } from './stats.ts';

/** The abuse part of a load test's report (`--abuse`). */
export type LoadAbuse = {
  abusers: number;
  /** Messages per second each abuser was asked to send. */
  ratePerSAsked: number;
  /** Distinct tables the abusers watched and flooded. */
  tables: number;
  /** Whether their process was pinned (to the bots' CPUs). */
  pinned: boolean;
  flood: AbuseReport;
  /** The honest bots' action-to-patch latency at the abusers' tables and at the others. */
  honestAtTheirTables: Latency;
  honestElsewhere: Latency;
};

/**
 * The table each of `count` abusers floods: spread evenly over `tables` (in
 * their order), one abuser per table while there are enough tables, else
 * round and round.
 */
export function abusedTables<T>(tables: readonly T[], count: number): T[] {
  if (tables.length === 0) return [];
  return Array.from({ length: count }, (_, i) => (count <= tables.length ? tables[Math.floor((i * tables.length) / count)] : tables[i % tables.length]));
}

/** `server.abuse_p99_ratio`'s arithmetic: the p99 of each pool of samples and their ratio (null without a baseline). */
export function abuseRatio(withoutMs: readonly number[], withMs: readonly number[]): { p99WithoutMs: number; p99WithMs: number; ratio: number | null } {
  const p99WithoutMs = percentiles(withoutMs).p99;
  const p99WithMs = percentiles(withMs).p99;
  return { p99WithoutMs, p99WithMs, ratio: p99WithoutMs > 0 && withMs.length > 0 ? Math.round((100 * p99WithMs) / p99WithoutMs) / 100 : null };
}

/** One measured window's latency samples (ms, and the table of each) and whether the abusers flooded during it. */
export type SampledWindow = { abuse: boolean; ms: readonly number[]; tableIds: readonly string[] };

/**
 * The windows with abusers against those without, each kind's samples
 * pooled: the ratio of their p99s, and where the p99 with abusers came from
 * — the abused tables (`abused`) or the others.
 */
export function compareWindows(windows: readonly SampledWindow[], abused: ReadonlySet<string>): ReturnType<typeof abuseRatio> & {
  samplesWithout: number; samplesWith: number; p99WithAtAbusedTablesMs: number; p99WithElsewhereMs: number;
} {
  const pool = (abuse: boolean, at: (tableId: string) => boolean = () => true): number[] =>
    windows.filter((w) => w.abuse === abuse).flatMap((w) => w.ms.filter((_, i) => at(w.tableIds[i])));
  const without = pool(false);
  const withAbuse = pool(true);
  return {
    ...abuseRatio(without, withAbuse),
    samplesWithout: without.length, samplesWith: withAbuse.length,
    p99WithAtAbusedTablesMs: percentiles(pool(true, (id) => abused.has(id))).p99,
    p99WithElsewhereMs: percentiles(pool(true, (id) => !abused.has(id))).p99,
  };
}

const byCount = (counts: Record<string, number>): string =>
  Object.entries(counts).sort(([, a], [, b]) => b - a).map(([key, n]) => `${key} ×${n}`).join(', ');

const latencyLine = (latency: Latency): string =>
  latency.count > 0 ? `p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms (${latency.count} actions)` : 'no actions';

/** The summary's lines about the abusers and what the honest bots saw at their tables and elsewhere. */
export function formatAbuseLines(abuse: LoadAbuse): string[] {
  const { window, cpuPercent } = abuse.flood;
  const unsent = byCount(window.unsent);
  const lines = [
    `  abusers          ${abuse.abusers} at ${abuse.tables} tables, asked ${abuse.ratePerSAsked} msg/s each: ${window.sent} sent in ${window.seconds} s (${window.ratePerS}/s, ${window.ratePerAbuserPerS}/s each)`,
    `    sent           ${byCount(window.sentByKind) || 'nothing'}${unsent ? `; not sent: ${unsent}` : ''}`,
    `    answers        ${window.answers}${window.answers > 0 ? ` (${byCount(window.answersByCode)})` : ''}`,
    `    disconnects    ${window.disconnects}${window.disconnects > 0 ? ` (close code ${byCount(window.disconnectsByCode)})` : ''}; rejoins ${window.rejoins}, failed joins ${window.joinFailures}${window.joinFailures > 0 ? ` (${byCount(window.joinFailuresByReason)})` : ''}`,
    `    their CPU      ${cpuPercent ?? '?'}% of a core${abuse.pinned ? ' (pinned with the bots)' : ''}`,
    `  honest bots      at the abusers' tables ${latencyLine(abuse.honestAtTheirTables)}`,
    `                   elsewhere ${latencyLine(abuse.honestElsewhere)}`,
  ];
  const codes = window.answersByCode;
  if ((codes.table_full ?? 0) > 0 && !codes.insufficient_funds) {
    lines.push("  warning: the abusers' tables had no free seat, so their buy-ins were refused table_full before reaching the wallet; seat fewer honest bots (--bots)");
  }
  if (window.ratePerAbuserPerS < 0.8 * abuse.ratePerSAsked) {
    lines.push('  warning: the abusers sent well under the rate asked (disconnected, backed up, or their core is saturated)');
  }
  return lines;
}
