import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { seedTables } from '../../src/tables/seed.ts';
import { describeEachBackend } from '../persistence/databases.ts';
import { eventually } from '../support/hand-in-play.ts';
import { startFelt, type Felt } from '../support/felt.ts';
import { expectProblem, startApi, type Answer } from './helpers.ts';

async function get(url: string): Promise<Answer> {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const listed = async (url: string): Promise<string[]> => ((await get(`${url}/api/tables`)).body as { tableId: string }[]).map((table) => table.tableId).sort();

describe('api: GET /api/ready', () => {
  let db: Database;

  before(async () => {
    db = await openDatabase({});
  });

  after(async () => {
    await db.close();
  });

  it('when the process is not ready then it is 503 not_ready listing what is missing, uncached', async () => {
    const missing = [{ check: 'unclaimedTables' as const, message: 'no live process runs 2 open tables that this process may claim', tables: ['t-1', 't-2'] }];
    const notReady = await startApi({ db, ready: async () => ({ ready: false, missing, tables: 0 }) });
    try {
      const answer = await notReady.call('GET', '/api/ready');

      const problem = expectProblem(answer, 503, 'not_ready');
      assert.deepEqual(problem.missing, missing);
      assert.equal(problem.processId, 'test-process');
      assert.match(problem.detail, /no live process runs 2 open tables/);
      assert.equal(answer.headers.get('cache-control'), 'no-store');
    } finally {
      await notReady.close();
    }
  });

  it('when the process is ready then it is 200 with the tables it holds', async () => {
    const api = await startApi({ db, ready: async () => ({ ready: true, missing: [], tables: 3 }) });
    try {
      const answer = await api.call('GET', '/api/ready');

      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { status: 'ready', processId: 'test-process', tables: 3 });
      assert.equal(answer.headers.get('cache-control'), 'no-store');
    } finally {
      await api.close();
    }
  });

  it('when the API runs without a process behind it then ready follows the database', async () => {
    let answering = true;
    const api = await startApi({ db, health: async () => ({ db: answering, presence: 'local' }) });
    try {
      assert.equal((await api.call('GET', '/api/ready')).status, 200);
      answering = false;
      const problem = expectProblem(await api.call('GET', '/api/ready'), 503, 'not_ready');
      assert.deepEqual((problem.missing as { check: string }[]).map((gap) => gap.check), ['database']);
    } finally {
      await api.close();
    }
  });

  it('when it is asked with another method then it is 405 with Allow: GET, OPTIONS', async () => {
    const api = await startApi({ db });
    try {
      const answer = await api.call('POST', '/api/ready');

      expectProblem(answer, 405, 'method_not_allowed');
      assert.equal(answer.headers.get('allow'), 'GET, OPTIONS');
    } finally {
      await api.close();
    }
  });
});

describeEachBackend('api: /api/ready on a Felt server', (backend) => {
  it('when the server has opened its tables then /api/ready is 200 and counts them', async () => {
    const felt = await startFelt(backend);
    try {
      const tables = await listed(felt.url);

      const answer = await get(`${felt.url}/api/ready`);

      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.tables, tables.length);
      assert.ok(tables.length > 0, 'the seeded tables are open');
    } finally {
      await felt.close();
    }
  });

  it('when the database is closed then /api/ready is 503 naming the database, while the process still answers', async () => {
    const felt = await startFelt(backend);
    try {
      await felt.server.db.close();

      const answer = await get(`${felt.url}/api/ready`);

      const problem = expectProblem(answer, 503, 'not_ready');
      assert.deepEqual((problem.missing as { check: string }[]).map((gap) => gap.check), ['database']);
      const health = await get(`${felt.url}/api/health`);
      assert.equal(health.body.status, 'degraded');
    } finally {
      await felt.close();
    }
  });

  it('when a dead process\'s leases still hold the tables then it is not ready (health is ok) until they are claimed and open here', async function () {
    this.timeout(30_000);
    const dataDir = mkdtempSync(join(tmpdir(), 'felt-ready-'));
    const fresh = backend.label === 'postgresql' ? await backend.create() : null;
    const env: Record<string, string> = { FELT_DATA_DIR: dataDir, ...(fresh ? { DATABASE_URL: fresh.options.databaseUrl as string } : {}) };
    let felt: Felt | null = null;
    try {
      // The data a killed process left: its tables, leased to it for another minute.
      const before: Database = await openDatabase(fresh ? fresh.options : { dataDir });
      await seedTables(before);
      const tables = (await before.tables.listOpen()).map((table) => table.id).sort();
      for (const id of tables) assert.ok(await before.tables.claim(id, 'killed-process', 60_000));
      await before.close();

      felt = await startFelt(backend, env);
      const health = await get(`${felt.url}/api/health`);
      const waiting = await get(`${felt.url}/api/ready`);

      assert.equal(health.status, 200);
      const problem = expectProblem(waiting, 503, 'not_ready');
      const gaps = problem.missing as { check: string; tables?: string[] }[];
      assert.deepEqual(gaps.map((gap) => gap.check), ['unclaimedTables']);
      assert.deepEqual([...(gaps[0].tables ?? [])].sort(), tables);
      assert.deepEqual(await listed(felt.url), [], 'no table runs yet');

      // The leases run out (released here rather than waited for).
      for (const id of tables) await felt.server.db.tables.release(id, 'killed-process');
      const url = felt.url;
      const ready = await eventually(async () => {
        const answer = await get(`${url}/api/ready`);
        return answer.status === 200 && answer;
      }, 10_000, '/api/ready to answer 200');

      assert.equal(ready.body.tables, tables.length);
      assert.deepEqual(await listed(url), tables, 'every table is open when ready says so');
    } finally {
      await felt?.close();
      rmSync(dataDir, { recursive: true, force: true });
      await fresh?.drop();
    }
  });
});
