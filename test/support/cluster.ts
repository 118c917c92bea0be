import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { BACKENDS } from '../persistence/databases.ts';
import { freePort } from './felt.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Why a cluster cannot be started here, or null when it can (it needs a real PostgreSQL and Redis). */
export function clusterUnavailable(): string | null {
  if (!process.env.DATABASE_URL) return 'DATABASE_URL is unset: a cluster shares one PostgreSQL database';
  if (!process.env.REDIS_URL) return 'REDIS_URL is unset: the processes of a cluster meet through Redis';
  return null;
}

/** `describe`, or `describe.skip` with the reason in its title when this machine has no PostgreSQL or Redis for a cluster. */
export function describeCluster(title: string, suite: (this: Mocha.Suite) => void): void {
  const reason = clusterUnavailable();
  if (reason) describe.skip(`${title} (skipped: ${reason})`, suite);
  else describe(title, suite);
}

/** One Felt process of a test cluster. */
export type ClusterNode = {
  url: string;
  port: number;
  /** Its `FELT_PROCESS_ID`: the owner its table leases name. */
  processId: string;
  child: ChildProcess;
};

export type TestCluster = {
  nodes: ClusterNode[];
  /** The fresh PostgreSQL database every process shares. */
  databaseUrl: string;
  /** The Redis key prefix (`FELT_REDIS_PREFIX`) of this cluster's presence and listings. */
  redisPrefix: string;
  /** The deck key every process shares (`FELT_DECK_KEY`): a test's own database connection needs it to load their snapshots. */
  deckKey: Uint8Array;
  /** Kills a process with SIGKILL (no goodbye); resolves when it is gone. */
  kill(index: number): Promise<void>;
  /** A fresh process (new port and process id, same database and Redis) in place of `nodes[index]`, which is killed first if still running; resolves once it is healthy. */
  replace(index: number): Promise<ClusterNode>;
  /** Stops a process with SIGTERM (a graceful shutdown); resolves with its exit code. */
  stop(index: number): Promise<number | null>;
  /** Kills whatever is still running and removes the database and the Redis keys. */
  close(): Promise<void>;
};

export type ClusterOptions = {
  /** Extra settings for every process (FELT_LEASE_MS, FELT_DRAIN_MS …). */
  env?: Record<string, string>;
  /** Let the processes write to this terminal, to debug a test. */
  logs?: boolean;
};

/**
 * `count` Felt processes (`node src/main.ts`, as PM2 runs them) on free
 * ports, sharing a fresh PostgreSQL database, a Redis key prefix of their own
 * (so concurrent runs never meet) and a token secret. They start one after
 * the other, so the first one claims the seeded tables. Needs DATABASE_URL
 * and REDIS_URL (see `clusterUnavailable`).
 */
export async function startCluster(count: number, options: ClusterOptions = {}): Promise<TestCluster> {
  const reason = clusterUnavailable();
  if (reason) throw new Error(`Cannot start a cluster: ${reason}.`);
  const postgresql = BACKENDS.find((backend) => backend.label === 'postgresql');
  if (!postgresql) throw new Error('Cannot start a cluster: no PostgreSQL backend.');
  const database = await postgresql.create();
  const databaseUrl = database.options.databaseUrl as string;
  const redisUrl = process.env.REDIS_URL as string;
  const run = randomBytes(4).toString('hex');
  const deckKey = randomBytes(32);
  const redisPrefix = `felt-test-${run}:`;
  const dataDir = mkdtempSync(join(tmpdir(), 'felt-cluster-'));
  const shared: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    FELT_REDIS_PREFIX: redisPrefix,
    FELT_JWT_SECRET: `cluster-test-secret-${run}-0123456789abcdef`,
    FELT_DECK_KEY: deckKey.toString('hex'),
    FELT_DATA_DIR: dataDir,
    FELT_LOG_LEVEL: options.logs ? 'info' : 'silent',
    FELT_AUTH_RATE_LIMIT: '100000',
    ...options.env,
  };
  const nodes: ClusterNode[] = [];
  let launched = 0;
  const launch = async (index: number, name: string): Promise<ClusterNode> => {
    launched++;
    const port = await freePort();
    const processId = `felt-test-${run}-${name}`;
    const env = { ...shared, PORT: String(port), FELT_PROCESS_ID: processId, FELT_PUBLIC_ADDRESS: `127.0.0.1:${port}` };
    const node = { url: `http://127.0.0.1:${port}`, port, processId, child: spawnFelt(env, options.logs === true) };
    nodes[index] = node;
    await waitForHealth(node);
    return node;
  };
  const closeAll = async (): Promise<void> => {
    await Promise.all(nodes.map((node) => killChild(node.child)));
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
    await deleteKeys(redisUrl, redisPrefix);
  };
  try {
    for (let i = 0; i < count; i++) await launch(i, String(i));
  } catch (error) {
    await closeAll();
    throw error;
  }
  return {
    nodes,
    databaseUrl,
    redisPrefix,
    deckKey,
    kill: (index) => killChild(nodes[index].child),
    async replace(index) {
      await killChild(nodes[index].child);
      return launch(index, `${index}-${launched}`);
    },
    async stop(index) {
      const child = nodes[index].child;
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      child.kill('SIGTERM');
      return exited;
    },
    close: closeAll,
  };
}

/**
 * A cluster for a whole suite: started before its tests, with a database
 * connection of the test's own, and closed after them. Read `cluster` and `db`
 * inside the tests.
 */
export function useCluster(count: number, options: ClusterOptions = {}): { readonly cluster: TestCluster; readonly db: Database } {
  const handle = {} as { cluster: TestCluster; db: Database };
  before(async () => {
    handle.cluster = await startCluster(count, options);
    handle.db = await openDatabase({ databaseUrl: handle.cluster.databaseUrl, deckKey: handle.cluster.deckKey });
  });
  after(async () => {
    await handle.db?.close();
    await handle.cluster?.close();
  });
  return handle;
}

/** `npm start` as its own process with exactly these settings (none inherited from the test's DATABASE_URL or REDIS_URL). */
function spawnFelt(env: Record<string, string>, logs: boolean): ChildProcess {
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
  return spawn(join(ROOT, 'node_modules/.bin/node'), ['src/main.ts'], { cwd: ROOT, env: { ...inherited, ...env }, stdio: logs ? 'inherit' : 'ignore' });
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await exited;
}

async function waitForHealth(node: ClusterNode): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (node.child.exitCode !== null) throw new Error(`Felt process ${node.processId} exited with code ${node.child.exitCode} while starting.`);
    const ok = await fetch(`${node.url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${node.url} never became healthy`);
}

/** Removes every key of one test cluster, leaving the rest of the Redis alone. */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
