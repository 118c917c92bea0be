import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BACKENDS, type Backend } from '../persistence/databases.ts';
import { freePort, startFelt, waitForDurable } from '../support/felt.ts';
import { assertResumed, joinWhenBack, startAHand, type Player, type Seen } from '../support/hand-in-play.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SECRET = 'recovery-test-secret-that-is-long-enough-0123456789';

/** The first table of a variant; a process that just started may still be opening its tables. */
async function firstTable(url: string, variant = 'NT'): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const tables = (await (await fetch(`${url}/api/tables`)).json()) as { tableId: string; variant: string }[];
    const table = tables.find((t) => t.variant === variant);
    if (table) return table.tableId;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no table to play at');
}

/** Two players sit at the first hold'em table and the hand goes live, mid-street (see `startAHand`). */
async function startAHandAt(url: string): Promise<{ tableId: string; players: Player[]; before: Seen[] }> {
  const tableId = await firstTable(url);
  return { tableId, ...(await startAHand(url, tableId)) };
}

/** Players rejoin the same table id and find their seats, stacks, cards and the hand where it was. */
async function rejoin(url: string, tableId: string, players: { token: string; id: string }[], before: Seen[]): Promise<void> {
  for (const [i, p] of players.entries()) {
    const room = await joinWhenBack(url, tableId, p.token, 10_000);
    await assertResumed(room, p, before[i]);
    await room.leave(true);
  }
}

/** `npm start` as its own process, with exactly these settings (none inherited from the test's environment). */
function startChild(env: Record<string, string>): ChildProcess {
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
  return spawn(join(ROOT, 'node_modules/.bin/node'), ['src/main.ts'], { cwd: ROOT, env: { ...inherited, ...env }, stdio: 'ignore' });
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never became healthy`);
}

async function freshStorage(backend: Backend): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'felt-recovery-'));
  const env: Record<string, string> = { FELT_DATA_DIR: dataDir, FELT_JWT_SECRET: SECRET, FELT_LOG_LEVEL: 'silent' };
  let drop = async (): Promise<void> => {};
  if (backend.label === 'postgresql') {
    const fresh = await backend.create();
    env.DATABASE_URL = fresh.options.databaseUrl as string;
    drop = fresh.drop;
  }
  return { env, async cleanup() { rmSync(dataDir, { recursive: true, force: true }); await drop(); } };
}

for (const backend of BACKENDS) {
  describe(`restart recovery [${backend.label}]`, function () {
    this.timeout(90_000);

    it('when the server stops gracefully mid-hand then a restart resumes the hand with every chip in place', async () => {
      const storage = await freshStorage(backend);
      try {
        const first = await startFelt(null, storage.env);
        const { tableId, players, before } = await startAHandAt(first.url);
        const held = await first.server.db.ledger.totalHeld();
        for (const p of players) await p.room.leave(true);
        await first.close();
        const second = await startFelt(null, storage.env);
        try {
          await rejoin(second.url, tableId, players, before);
          assert.equal(await second.server.db.ledger.totalHeld(), held);
          assert.equal(await second.server.db.ledger.balance('table', tableId), 200);
        } finally {
          await second.close();
        }
      } finally {
        await storage.cleanup();
      }
    });

    it('when the server process is killed mid-hand then a restart resumes the hand with every chip in place', async () => {
      const storage = await freshStorage(backend);
      const port = await freePort();
      const env = { ...storage.env, PORT: String(port), FELT_AUTH_RATE_LIMIT: '1000' };
      const url = `http://127.0.0.1:${port}`;
      let child = startChild(env);
      try {
        await waitForHealth(url);
        const { tableId, players, before } = await startAHandAt(url);
        // The players have seen the call, so it is marked for writing: wait until it is durable.
        await waitForDurable(url);
        for (const p of players) p.room.reconnection.enabled = false;
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        child = startChild(env);
        await waitForHealth(url);
        await rejoin(url, tableId, players, before);
      } finally {
        child.kill('SIGKILL');
        await storage.cleanup();
      }
    });
  });
}
