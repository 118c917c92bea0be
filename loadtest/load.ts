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
  log?: (line: string) => void;
};

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
    ? await spawnServer({ tables: options.tables, pauseMs: options.pauseMs, cpus: options.serverCpus, databaseUrl: options.databaseUrl })
    : null;
  const url = server?.url ?? options.url;
  try {
    const session = await LoadSession.open({ url, thinkMs: options.thinkMs, tables: options.tables });
    try {
      if (session.tableCount() < options.tables) log(`only ${session.tableCount()} tables are listed at ${url}; using those`);
      const { seated, unseated } = await session.addBots(options.bots);
      log(`${seated} bots seated${unseated ? `, ${unseated} found no seat` : ''} in ${Math.round((performance.now() - setupStart) / 1000)} s; measuring ${options.durationS} s`);
      const setupSeconds = Math.round((performance.now() - setupStart) / 100) / 10;
      const window = await session.measure(options.durationS, server?.pid ?? options.serverPid);
      return {
        ...window, url, thinkMs: options.thinkMs, botsAsked: options.bots, tablesAsked: options.tables, setupSeconds,
        database: server?.database ?? 'unknown', pauseMs: options.spawn ? (options.pauseMs ?? null) : null,
        pinned: { server: server?.pinned ?? false, bots: botsPinned },
        serverCpus: server?.pinned ? options.serverCpus : null,
      };
    } finally {
      await session.close();
    }
  } finally {
    await server?.stop();
  }
}
