// Server figures for `npm run bench`: one Felt process pinned to core 0
// (`taskset`), the bots of this process on core 1, loopback only. Each figure
// starts its own server on fresh data: PostgreSQL when DATABASE_URL is set
// (a new database next to it), else PGlite in /tmp; the line says which.
import { cpus } from 'node:os';
import { rerunWithBotsFlags } from '../loadtest/bots-process.ts';
import { pinProcess } from '../loadtest/proc.ts';
import { spawnServer } from '../loadtest/server-process.ts';
import { LoadSession, type WindowResult } from '../loadtest/session.ts';
import type { ServerPauses } from '../loadtest/server-metrics.ts';
import { benchAbuseRatio } from './server-abuse.ts';
import { benchFailover } from './server-failover.ts';
import { benchTournament, mttEntrants, mttSeconds } from './tournament.ts';

/** A server figure: like `Figure`, plus what it was measured on; `value` is null when it could not be measured (`reason` says why). */
export type ServerFigure = { name: string; value: number | null; unit: string; [detail: string]: unknown };

const SERVER_CPUS = '0';
const BOT_CPUS = '1';
/** Every CPU of the machine; not `availableParallelism()`, which counts only those a pinned process may use. */
const ALL_CPUS = (): string => `0-${cpus().length - 1}`;
/** The human pace: one action every 2 s per table. */
const HUMAN_THINK_MS = 2_000;
const P99_LIMIT_MS = 100;
/** How long each players step is measured (see `benchPlayersAtP99`). */
const STEP_WINDOW_S = 24;
/**
 * How long a players step plays before it is measured. The tables a step adds
 * all deal their first hands at once, so their first actions come in bursts
 * until the bots' random think times spread them; at 4,800 players a 4 s
 * settle left that in the window (bots' CPU 25% against 16% one step before,
 * p99 200 ms while the server's own p99 stayed at most 25 ms).
 */
const STEP_SETTLE_S = 12;

const databaseUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

function details(window: WindowResult): Record<string, unknown> {
  return {
    actionsPerSecond: window.actionsPerSecond, p50Ms: window.latency.p50, p99Ms: window.latency.p99, serverP99AtMostMs: window.serverLatency?.p99AtMostMs ?? null, errors: window.errors,
    serverCpuPercent: window.server?.cpuPercent ?? null, serverPeakRssMb: window.server?.peakRssMb ?? null,
    botsCpuPercent: window.bots.cpuPercent, coreBusyPercent: window.coreBusyPercent,
  };
}

/**
 * CPU time per hand, in ms, of the server, the bots, PostgreSQL (when it runs
 * on this machine) and the whole machine (every process on every core):
 * steadier from run to run than hands per second, which moves with whatever
 * else the machine runs, and what to watch when the server's code changes.
 */
function cpuPerHand(window: WindowResult): Record<string, number | null> {
  const perHand = (percent: number | null | undefined): number | null =>
    percent == null || window.handsPerSecond <= 0 ? null : Math.round((1000 * percent) / window.handsPerSecond) / 100;
  const machinePercent = Object.values(window.coreBusyPercent).reduce((sum, busy) => sum + busy, 0);
  return {
    serverCpuMsPerHand: perHand(window.server?.cpuPercent), botsCpuMsPerHand: perHand(window.bots.cpuPercent),
    postgresCpuMsPerHand: perHand(window.postgres?.cpuPercent), machineCpuMsPerHand: perHand(machinePercent || null),
  };
}

/**
 * `server.hands_per_s`: instant bots (no think time, no pause between hands)
 * at enough six-max tables to keep one server process busy; complete hands
 * per second over the measured window.
 */
export async function benchHandsPerSecond(tables = 100, seconds = 15): Promise<ServerFigure> {
  const server = await spawnServer({ tables, pauseMs: 0, cpus: SERVER_CPUS, databaseUrl: databaseUrl() });
  try {
    const session = await LoadSession.open({ url: server.url, thinkMs: 0, tables, connectConcurrency: 64 });
    try {
      const { seated } = await session.addBots(6 * tables);
      await session.measure(3, server.pid); // warm-up: every table deals
      const window = await session.measure(seconds, server.pid);
      return {
        name: 'server.hands_per_s', value: window.handsPerSecond, unit: 'hands/s',
        database: server.database, tables, players: seated, thinkMs: 0, pauseMs: 0, seconds, ...details(window),
        ...cpuPerHand(window),
      };
    } finally {
      await session.close();
    }
  } finally {
    await server.stop();
  }
}

/**
 * `server.players_at_p99_100ms`: tables of six bots at human pace are added
 * step by step to one server process until the p99 action-to-patch latency
 * exceeds 100 ms, the table cap is reached or the time budget runs out. The
 * figure is the most seated players of a step that stayed under 100 ms.
 *
 * Each step is measured over `STEP_WINDOW_S`: at 3,000 players a 12 s window
 * held about 3,000 actions, so one pause of 150 ms anywhere on the machine
 * (it delays some 40 actions) decided its p99 alone, and the same code gave
 * 5,700 players in one run and 2,100 in the next. Twice the window halves
 * that share; the steps below 2,100 players, never near the limit, are fewer.
 * Each step first plays for `STEP_SETTLE_S` unmeasured.
 */
export async function benchPlayersAtP99(capTables = 1_000, budgetS = 480): Promise<ServerFigure> {
  const steps = [50, 350, 650, 800, 850, 900, 950, capTables].filter((n) => n <= capTables);
  const server = await spawnServer({ tables: capTables, cpus: SERVER_CPUS, databaseUrl: databaseUrl(), readyTimeoutMs: 300_000 });
  const started = performance.now();
  const measured: {
    players: number; p99Ms: number; serverP99AtMostMs: number | null; cpu: number | null; botsCpu: number; cores: Record<string, number>;
    serverPauses: ServerPauses | null; botsLoopDelayP99Ms: number;
  }[] = [];
  let best: { players: number; window: WindowResult } | null = null;
  let stop = 'cap';
  try {
    const session = await LoadSession.open({ url: server.url, thinkMs: HUMAN_THINK_MS, tables: 0, connectConcurrency: 64 });
    try {
      for (const tables of steps) {
        if ((performance.now() - started) / 1000 > budgetS) {
          stop = 'time budget';
          break;
        }
        session.useTables(tables);
        await session.addBots(6 * tables - session.bots.length);
        await session.measure(STEP_SETTLE_S, server.pid);
        const window = await session.measure(STEP_WINDOW_S, server.pid);
        const pauses = window.serverPauses;
        console.error(`bench: ${session.seated} players, p99 ${window.latency.p99} ms (in the server ≤ ${window.serverLatency?.p99AtMostMs ?? '?'} ms), server CPU ${window.server?.cpuPercent ?? '?'}%, `
          + `its longest pause ${pauses?.loopLagMaxMs ?? '?'} ms (${pauses?.majorGcsOver100Ms ?? '?'} of ${pauses?.majorGcs ?? '?'} major GCs over 100 ms), bots' event-loop delay p99 ${window.bots.eventLoopDelayP99Ms} ms`);
        measured.push({
          players: session.seated, p99Ms: window.latency.p99, serverP99AtMostMs: window.serverLatency?.p99AtMostMs ?? null, cpu: window.server?.cpuPercent ?? null,
          botsCpu: window.bots.cpuPercent, cores: window.coreBusyPercent, serverPauses: pauses, botsLoopDelayP99Ms: window.bots.eventLoopDelayP99Ms,
        });
        if (window.latency.p99 > P99_LIMIT_MS || window.errors > 0) {
          stop = window.errors > 0 ? 'errors' : 'p99 over 100 ms';
          break;
        }
        best = { players: session.seated, window };
      }
    } finally {
      await session.close();
    }
  } finally {
    await server.stop();
  }
  return {
    name: 'server.players_at_p99_100ms', value: best?.players ?? 0, unit: 'players',
    database: server.database, thinkMs: HUMAN_THINK_MS, stoppedBy: stop, steps: measured,
    ...(best ? details(best.window) : {}),
  };
}

/** Every server figure, printed as a JSON line as soon as it is known. */
export async function benchServer(only?: string): Promise<void> {
  const pinned = pinProcess(process.pid, BOT_CPUS);
  if (!pinned) console.error('bench: taskset is unavailable; the server and the bots share the cores');
  try {
    if (!only || only === 'hands') print(await benchHandsPerSecond());
    if (!only || only === 'players') print(await benchPlayersAtP99());
    if (!only || only === 'failover') print(await benchFailover({ serverCpus: SERVER_CPUS }));
    if (!only || only === 'tournament') print(await benchTournament({ entrants: mttEntrants(), levelSeconds: mttSeconds('level'), timeoutS: mttSeconds('timeout'), serverCpus: SERVER_CPUS }));
    if (!only || only === 'abuse') print(await benchAbuseRatio({ serverCpus: SERVER_CPUS, botCpus: BOT_CPUS, databaseUrl: databaseUrl() }));
  } finally {
    if (pinned) pinProcess(process.pid, ALL_CPUS());
  }
}

function print(figure: ServerFigure): void {
  console.log(JSON.stringify(figure));
}

// `node bench/server.ts [hands|players|failover|tournament|abuse]` (`tournament --entrants N` for fewer than 1,000): one figure alone; `npm run bench` runs it this way too.
if (import.meta.main) {
  const code = rerunWithBotsFlags();
  if (code !== null) process.exit(code);
  await benchServer(process.argv[2]);
  process.exit(0);
}
