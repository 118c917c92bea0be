// `server.abuse_p99_ratio`: honest bots at a human pace on one server
// process, measured in windows without abusers and with them (guests with
// emptied wallets flooding refused buy-ins and junk, `loadtest/abuser.ts`):
// the p99 action-to-patch latency with them divided by the p99 without.
import { AbuseProcess, type AbuseReport } from '../loadtest/abuse-process.ts';
import { abusedTables, compareWindows, type SampledWindow } from '../loadtest/abuse-report.ts';
import { spawnServer } from '../loadtest/server-process.ts';
import { LoadSession, type WindowResult } from '../loadtest/session.ts';
import type { ServerFigure } from './server.ts';

export type AbuseBenchOptions = {
  serverCpus: string;
  botCpus: string;
  databaseUrl?: string;
  tables?: number;
  botsPerTable?: number;
  abusers?: number;
  ratePerS?: number;
};

const NAME = 'server.abuse_p99_ratio';
/** The issue's target: abusers may raise the honest bots' p99 by half at most. */
const TARGET = 1.5;
const THINK_MS = 2_000;
/** Five honest bots at each six-max table: a full table refuses a buy-in (`table_full`) before the wallet is asked. */
const BOTS_PER_TABLE = 5;
/** One table in ten has an abuser: both the tables they flood and the others are measured. */
const ABUSERS = 6;
const RATE_PER_S = 500;
const WINDOW_S = 24;
/** New tables deal their first hands together; let the bots' think times spread them first (see bench/server.ts). */
const SETTLE_S = 12;
/** The abusers flood this long before their window opens, so it measures the flood, not its onset. */
const LEAD_S = 3;
/** After the flood, how long to wait at most for the abused tables to answer what it left in their queues. */
const CATCH_UP_LIMIT_S = 30;

/**
 * The honest bots' p99 with abusers over their p99 without, on one server
 * with the same tables and bots: a window without abusers, then at once one
 * with them.
 *
 * Back to back rather than alternated: the server before the message
 * budget queued a flood for longer than a run lasts (6 abusers for 24 s at
 * 500 messages/s left the tables they flooded still answering it 180 s
 * later), so a window without abusers after one with them would have
 * measured the flood's backlog, not a server without abusers. After the
 * flood the bench waits up to `CATCH_UP_LIMIT_S` until every abuser's table
 * answers it again and reports how long that took (`caughtUpS`, null when
 * one had not). With the budget no table holds a backlog, so this is the
 * abusers' own penalty: the debt of a connected abuser being paid off (its
 * messages are dropped unanswered meanwhile), or the cool-off of one that
 * was cut (`FELT_COOL_OFF_S`).
 */
export async function benchAbuseRatio(options: AbuseBenchOptions): Promise<ServerFigure> {
  const tables = options.tables ?? 60;
  const bots = (options.botsPerTable ?? BOTS_PER_TABLE) * tables;
  const abusers = options.abusers ?? ABUSERS;
  const ratePerS = options.ratePerS ?? RATE_PER_S;
  const server = await spawnServer({ tables, cpus: options.serverCpus, databaseUrl: options.databaseUrl, admin: true });
  const sampled: SampledWindow[] = [];
  const windows: Record<string, unknown>[] = [];
  let flood: AbuseReport | null = null;
  let caughtUpS: number | null = null;
  let targets: string[] = [];
  let seated = 0;
  try {
    const session = await LoadSession.open({ url: server.url, thinkMs: THINK_MS, tables, connectConcurrency: 64 });
    try {
      seated = (await session.addBots(bots)).seated;
      const listings = abusedTables(session.tableListings(), abusers);
      targets = listings.map((table) => table.tableId);
      const theirs = new Set(targets);
      if (!server.admin) throw new Error('the spawned server has no admin');
      const abuse = await AbuseProcess.start({ url: server.url, tables: listings, ratePerS, admin: server.admin, cpus: options.botCpus });
      try {
        await session.measure(SETTLE_S, server.pid);
        for (const withAbuse of [false, true]) {
          if (withAbuse) {
            await abuse.flood();
            await sleep(LEAD_S * 1000);
          }
          const window = await session.measure(WINDOW_S, server.pid);
          sampled.push({ abuse: withAbuse, ...session.stats.samples() });
          const split = { atAbusedTablesP99Ms: session.stats.latencyAt((id) => theirs.has(id)).p99, elsewhereP99Ms: session.stats.latencyAt((id) => !theirs.has(id)).p99 };
          if (withAbuse) flood = await abuse.pause();
          windows.push({ ...describe(window, withAbuse, withAbuse ? flood : null), ...split });
          progress(window, withAbuse, withAbuse ? flood : null, split);
        }
        const caughtUp = await abuse.drain(CATCH_UP_LIMIT_S * 1000);
        caughtUpS = caughtUp.drained ? Math.round(caughtUp.drainMs / 100) / 10 : null;
        console.error(`bench: the abused tables ${caughtUpS === null ? `had not answered the flood ${CATCH_UP_LIMIT_S} s after it` : `answered the rest of the flood ${caughtUpS} s after it`}`);
      } finally {
        await abuse.close();
      }
    } finally {
      await session.close();
    }
  } finally {
    await server.stop();
  }
  const compared = compareWindows(sampled, new Set(targets));
  const serverCpu = (abuse: boolean): unknown => windows.find((w) => w.abuse === abuse)?.serverCpuPercent ?? null;
  return {
    name: NAME, value: compared.ratio, unit: 'ratio', target: TARGET,
    ...(compared.ratio === null ? { reason: 'no action was measured in one of the windows' } : {}),
    p99WithoutMs: compared.p99WithoutMs, p99WithMs: compared.p99WithMs,
    p99WithAtAbusedTablesMs: compared.p99WithAtAbusedTablesMs, p99WithElsewhereMs: compared.p99WithElsewhereMs,
    samplesWithout: compared.samplesWithout, samplesWith: compared.samplesWith,
    abusers, abusedTables: new Set(targets).size, abuseRatePerSAsked: ratePerS,
    abuseRatePerSAchieved: flood?.window.ratePerAbuserPerS ?? 0, abusersCpuPercent: flood?.cpuPercent ?? null,
    abuseAnswersByCode: flood?.window.answersByCode ?? {}, abuseDisconnectsByCode: flood?.window.disconnectsByCode ?? {},
    abuseRejoins: flood?.window.rejoins ?? 0, abuseJoinFailuresByReason: flood?.window.joinFailuresByReason ?? {},
    serverCpuPercentWithout: serverCpu(false), serverCpuPercentWith: serverCpu(true),
    database: server.database, tables, players: seated, thinkMs: THINK_MS, windowS: WINDOW_S, caughtUpS, windows,
  };
}

function describe(window: WindowResult, abuse: boolean, flood: AbuseReport | null): Record<string, unknown> {
  return {
    abuse, actions: window.actions, unfinished: window.actionsUnfinished, p50Ms: window.latency.p50, p99Ms: window.latency.p99,
    serverP99AtMostMs: window.serverLatency?.p99AtMostMs ?? null, errors: window.errors, errorCodes: window.errorCodes,
    serverCpuPercent: window.server?.cpuPercent ?? null, postgresCpuPercent: window.postgres?.cpuPercent ?? null,
    botsCpuPercent: window.bots.cpuPercent, coreBusyPercent: window.coreBusyPercent, serverLoopLagMaxMs: window.serverPauses?.loopLagMaxMs ?? null,
    ...(flood ? {
      abusersCpuPercent: flood.cpuPercent, abuseSent: flood.window.sent, abuseRatePerAbuserPerS: flood.window.ratePerAbuserPerS,
      abuseAnswersByCode: flood.window.answersByCode, abuseDisconnectsByCode: flood.window.disconnectsByCode, abuseUnsent: flood.window.unsent,
      abuseRejoins: flood.window.rejoins, abuseJoinFailuresByReason: flood.window.joinFailuresByReason,
    } : {}),
  };
}

function progress(window: WindowResult, abuse: boolean, flood: AbuseReport | null, split: { atAbusedTablesP99Ms: number; elsewhereP99Ms: number }): void {
  console.error(`bench: ${abuse ? 'with' : 'without'} abusers: p99 ${window.latency.p99} ms`
    + ` (at the abused tables ${split.atAbusedTablesP99Ms} ms, elsewhere ${split.elsewhereP99Ms} ms), ${window.actions} actions`
    + `${window.actionsUnfinished ? ` + ${window.actionsUnfinished} still waiting` : ''}; server CPU ${window.server?.cpuPercent ?? '?'}%, postgres ${window.postgres?.cpuPercent ?? '?'}%`
    + (flood ? `; abusers sent ${flood.window.sent} (${flood.window.ratePerAbuserPerS}/s each, their CPU ${flood.cpuPercent ?? '?'}%), answered ${flood.window.answers}, disconnected ${flood.window.disconnects}`
      + `, rejoined ${flood.window.rejoins}, refused ${flood.window.joinFailures} joins ${JSON.stringify(flood.window.joinFailuresByReason)}` : ''));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
