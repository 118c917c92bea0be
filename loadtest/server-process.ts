import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminCredentials } from './admin-api.ts';
import { freePort } from './free-port.ts';
import { freshDatabase } from './fresh-database.ts';
import { hasTaskset, ONE_CORE_NODE_FLAGS, sampleProcess, type ProcSample } from './proc.ts';

export type SpawnOptions = {
  /** Load-test tables to open (six-max NL 1/2). */
  tables: number;
  /** Pause between hands; unset keeps the production pause. */
  pauseMs?: number;
  /** CPU list to pin the server to (`taskset -c`), or null for no pinning. */
  cpus: string | null;
  /** PostgreSQL server to make a fresh database on; unset: PGlite in a temp folder. */
  databaseUrl?: string;
  /** How long to wait for the server and all its tables. */
  readyTimeoutMs?: number;
  /** Give it a first admin with a fresh password (`FELT_ADMIN_USERNAME`, `FELT_ADMIN_PASSWORD`), e.g. to empty abusers' wallets. */
  admin?: boolean;
};

/** A Felt process started for a load test, on its own fresh data. */
export type SpawnedServer = {
  url: string;
  pid: number;
  database: 'pglite' | 'postgresql';
  /** Whether the server is pinned as asked. */
  pinned: boolean;
  /** Its first admin, when `admin` was asked. */
  admin: AdminCredentials | null;
  sample(): ProcSample | null;
  /** Kills it at once (`kill -9`), as a crash would. */
  kill(): void;
  /** Stops it (SIGTERM, then SIGKILL after a while) and removes its data. */
  stop(): Promise<void>;
};

const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url));

const isOneCpu = (cpus: string): boolean => /^\d+$/.test(cpus.trim());

/**
 * Starts Felt in a child process (`loadtest/serve.ts`) on a free loopback
 * port, pinned to `cpus`, with a fresh PGlite folder under /tmp or a fresh
 * PostgreSQL database next to `databaseUrl`. Resolves once every table is listed.
 */
export async function spawnServer(options: SpawnOptions): Promise<SpawnedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'felt-loadtest-'));
  const fresh = options.databaseUrl ? await freshDatabase(options.databaseUrl, 'felt_loadtest') : null;
  const port = await freePort();
  const admin = options.admin ? { username: 'loadtest_admin', password: randomBytes(16).toString('hex') } : null;
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    FELT_DATA_DIR: dataDir,
    DATABASE_URL: fresh?.url,
    // One process: local presence even when the shell has a cluster's Redis.
    REDIS_URL: undefined,
    FELT_LOG_LEVEL: process.env.FELT_LOG_LEVEL ?? 'warn',
    FELT_AUTH_RATE_LIMIT: '1000000',
    FELT_PROCESS_ID: `loadtest-${port}`,
    FELT_LOADTEST_TABLES: String(options.tables),
    FELT_LOADTEST_PAUSE_MS: options.pauseMs === undefined ? undefined : String(options.pauseMs),
    ...(admin ? { FELT_ADMIN_USERNAME: admin.username, FELT_ADMIN_PASSWORD: admin.password } : {}),
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const pinned = options.cpus !== null && hasTaskset();
  // Extra Node flags for the server only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it under load.
  const extra = process.env.FELT_LOADTEST_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const nodeArgs = [...(pinned && isOneCpu(options.cpus as string) ? ONE_CORE_NODE_FLAGS : []), ...extra, SERVE];
  const child = pinned
    ? spawn('taskset', ['-c', options.cpus as string, process.execPath, ...nodeArgs], { env, stdio: ['ignore', 'inherit', 'inherit'] })
    : spawn(process.execPath, nodeArgs, { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  let removed = false;
  const cleanUp = async (): Promise<void> => {
    if (removed) return;
    removed = true;
    rmSync(dataDir, { recursive: true, force: true });
    await fresh?.drop();
  };
  try {
    await waitUntilReady(url, options.tables, child, options.readyTimeoutMs ?? 120_000);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    await cleanUp();
    throw error;
  }
  const pid = child.pid as number;
  return {
    url, pid, pinned, admin,
    database: fresh ? 'postgresql' : 'pglite',
    sample: () => sampleProcess(pid),
    kill: () => void child.kill('SIGKILL'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      await cleanUp();
    },
  };
}

async function waitUntilReady(url: string, tables: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    try {
      const listed = (await (await fetch(`${url}/api/tables`)).json()) as unknown[];
      if (Array.isArray(listed) && listed.length >= tables) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not list ${tables} tables within ${timeoutMs} ms`);
}
