import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@colyseus/sdk';
import { describeCluster, useCluster } from '../support/cluster.ts';
import { freePort } from '../support/felt.ts';
import { eventually } from '../support/hand-in-play.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// Long enough that a restarted process starts well before a killed one's leases run out.
const LEASE_MS = 6_000;

type Sample = { health: number; ready: number; checks: string[] };

async function status(url: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

const listed = async (url: string): Promise<string[]> => ((await status(`${url}/api/tables`)).body as { tableId: string }[]).map((table) => table.tableId).sort();

describeCluster('api: /api/ready after a crash restart (PostgreSQL, Redis)', function () {
  this.timeout(120_000);
  const spawned: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'felt-ready-cluster-'));
  // Registered before the cluster's, so these processes are gone before its database and keys are removed.
  after(async () => {
    await Promise.all(spawned.map(killChild));
    rmSync(dataDir, { recursive: true, force: true });
  });
  const handle = useCluster(1, { env: { FELT_LEASE_MS: String(LEASE_MS) } });

  /** A Felt process on the cluster's database and Redis keys, as PM2 or an operator would start one after a crash. */
  async function restartOnTheSameData(processId: string): Promise<string> {
    const port = await freePort();
    const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
    const child = spawn(join(ROOT, 'node_modules/.bin/node'), ['src/main.ts'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        ...inherited,
        DATABASE_URL: handle.cluster.databaseUrl,
        REDIS_URL: process.env.REDIS_URL,
        FELT_REDIS_PREFIX: handle.cluster.redisPrefix,
        FELT_JWT_SECRET: `ready-test-secret-${randomBytes(8).toString('hex')}-0123456789`,
        FELT_DATA_DIR: dataDir,
        FELT_LOG_LEVEL: 'silent',
        FELT_LEASE_MS: String(LEASE_MS),
        PORT: String(port),
        FELT_PROCESS_ID: processId,
        FELT_PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      },
    });
    spawned.push(child);
    return `http://127.0.0.1:${port}`;
  }

  /** Health and readiness, asked together every 50 ms until ready answers 200. */
  async function samplesUntilReady(url: string): Promise<Sample[]> {
    const samples: Sample[] = [];
    await eventually(async () => {
      const [health, ready] = await Promise.all([status(`${url}/api/health`), status(`${url}/api/ready`)]);
      samples.push({ health: health.status, ready: ready.status, checks: (ready.body.missing ?? []).map((gap: { check: string }) => gap.check) });
      return ready.status === 200;
    }, 60_000, `${url}/api/ready to answer 200`);
    return samples;
  }

  async function everyTableJoinable(url: string, tables: string[]): Promise<void> {
    const guest = await (await fetch(`${url}/api/auth/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json() as { token: string };
    const client = new Client(url);
    for (const tableId of tables) {
      const room = await client.joinById(tableId, { token: guest.token });
      assert.equal(room.roomId, tableId);
      await room.leave();
    }
  }

  it('when a process restarted under a new name finds a killed one\'s leases then it is alive but not ready until every table is open here', async () => {
    const [killed] = handle.cluster.nodes;
    await samplesUntilReady(killed.url);
    const tables = (await handle.db.tables.listOpen()).map((table) => table.id).sort();
    assert.ok(tables.length > 0);

    await handle.cluster.kill(0);
    const processId = `${killed.processId}-replacement`;
    const url = await restartOnTheSameData(processId);
    const samples = await samplesUntilReady(url);

    const waiting = samples.filter((sample) => sample.ready === 503);
    assert.ok(waiting.some((sample) => sample.health === 200 && sample.checks.includes('unclaimedTables')),
      `while the old leases held, health was ok and ready named the unclaimed tables: ${JSON.stringify(samples.slice(0, 3))}`);
    assert.deepEqual(await listed(url), tables, 'every table is listed once ready');
    for (const id of tables) assert.equal((await handle.db.tables.get(id))?.ownerProcess, processId);
    await everyTableJoinable(url, tables);
  });

  it('when a process is killed and restarted under its own name (as PM2 does) then it is ready only once every table is open here', async () => {
    const processId = (await handle.db.tables.listOpen())[0].ownerProcess as string;
    const tables = (await handle.db.tables.listOpen()).map((table) => table.id).sort();
    await killChild(spawned[0]);

    const url = await restartOnTheSameData(processId);
    await samplesUntilReady(url);

    assert.deepEqual(await listed(url), tables, 'every table is listed once ready');
    await everyTableJoinable(url, tables);
  });
});

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await exited;
}
