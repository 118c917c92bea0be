import { AbuseProcess } from './abuse-process.ts';
import { abusedTables, type LoadAbuse } from './abuse-report.ts';
import type { AdminCredentials } from './admin-api.ts';
import { pinProcess } from './proc.ts';
import { spawnServer } from './server-process.ts';
import { LoadSession, type WindowResult } from './session.ts';

export type LoadOptions = {
  tables: number;
  bots: number;
  /** Length of the measurement window, after every bot has sat down. */
  durationS: number;
  thinkMs: number;
  /** The server to load; ignored with `spawn`. */
  url: string;
  /** Start a server process of our own on fresh data (PGlite, or a new database on DATABASE_URL). */
  spawn: boolean;
  /** Pause between hands on a spawned server; unset keeps the production pause. */
  pauseMs?: number;
  /** CPU lists for the spawned server and for this (bot) process; null: no pinning. */
  serverCpus: string | null;
  botCpus: string | null;
  /** The pid of an already running server to read CPU and memory of. */
  serverPid?: number;
  databaseUrl?: string;
  /** Abusive clients besides the bots (`--abuse`), and the messages per second each sends. */
  abusers: number;
  abuseRatePerS: number;
  /** An admin of the server at `url`, to empty the abusers' wallets (a spawned server gets one of its own). */
  admin?: AdminCredentials;
  log?: (line: string) => void;
};

/** With abusers, they start flooding this long before the window, so it measures the flood and not its onset. */
const ABUSE_LEAD_S = 3;

export type LoadReport = WindowResult & {
  url: string;
  database: 'pglite' | 'postgresql' | 'unknown';
  thinkMs: number;
  pauseMs: number | null;
  botsAsked: number;
  tablesAsked: number;
  pinned: { server: boolean; bots: boolean };
  /** The CPUs the spawned server was pinned to, if any. */
  serverCpus: string | null;
  setupSeconds: number;
  /** The abusers and what the honest bots saw beside them; null without `--abuse`. */
  abuse: LoadAbuse | null;
};

/**
 * One load test: (optionally) a server of its own, `bots` bots seated at
 * `tables` tables, then `durationS` seconds measured. Always ends: the bots
 * leave and a spawned server is stopped and its data removed.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => undefined);
  const setupStart = performance.now();
  const botsPinned = options.botCpus !== null && pinProcess(process.pid, options.botCpus);
  log(`starting${options.spawn ? ' a server' : ''}: ${options.tables} tables, ${options.bots} bots, think ${options.thinkMs} ms`);
  const server = options.spawn
    ? await spawnServer({ tables: options.tables, pauseMs: options.pauseMs, cpus: options.serverCpus, databaseUrl: options.databaseUrl, admin: options.abusers > 0 })
    : null;
  const url = server?.url ?? options.url;
  try {
    const session = await LoadSession.open({ url, thinkMs: options.thinkMs, tables: options.tables });
    try {
      if (session.tableCount() < options.tables) log(`only ${session.tableCount()} tables are listed at ${url}; using those`);
      const { seated, unseated } = await session.addBots(options.bots);
      log(`${seated} bots seated${unseated ? `, ${unseated} found no seat` : ''} in ${Math.round((performance.now() - setupStart) / 1000)} s; measuring ${options.durationS} s`);
      const admin = server?.admin ?? options.admin;
      let abuse: AbuseProcess | null = null;
      let targets: string[] = [];
      try {
        if (options.abusers > 0) {
          if (!admin) throw new Error('the abusers need an admin of the server to empty their wallets');
          const tables = abusedTables(session.tableListings(), options.abusers);
          targets = tables.map((table) => table.tableId);
          abuse = await AbuseProcess.start({ url, tables, ratePerS: options.abuseRatePerS, admin, cpus: options.botCpus });
          log(`${options.abusers} abusers at ${new Set(targets).size} tables, ${options.abuseRatePerS} messages/s each; flooding from ${ABUSE_LEAD_S} s before the window`);
          await abuse.flood();
          await new Promise((resolve) => setTimeout(resolve, ABUSE_LEAD_S * 1000));
        }
        const setupSeconds = Math.round((performance.now() - setupStart) / 100) / 10;
        const window = await session.measure(options.durationS, server?.pid ?? options.serverPid);
        let abuseReport: LoadAbuse | null = null;
        if (abuse) {
          const flood = await abuse.pause();
          const theirs = new Set(targets);
          abuseReport = {
            abusers: options.abusers, ratePerSAsked: options.abuseRatePerS, tables: theirs.size, pinned: abuse.pinned, flood,
            honestAtTheirTables: session.stats.latencyAt((id) => theirs.has(id)),
            honestElsewhere: session.stats.latencyAt((id) => !theirs.has(id)),
          };
        }
        return {
          ...window, url, thinkMs: options.thinkMs, botsAsked: options.bots, tablesAsked: options.tables, setupSeconds,
          database: server?.database ?? 'unknown', pauseMs: options.spawn ? (options.pauseMs ?? null) : null,
          pinned: { server: server?.pinned ?? false, bots: botsPinned },
          serverCpus: server?.pinned ? options.serverCpus : null,
          abuse: abuseReport,
        };
      } finally {
        await abuse?.close();
      }
    } finally {
      await session.close();
    }
  } finally {
    await server?.stop();
  }
}
