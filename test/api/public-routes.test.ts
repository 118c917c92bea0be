import assert from 'node:assert/strict';
import type { TableListing } from '../../src/api/types.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { expectProblem, startApi, type TestApi } from './helpers.ts';

const TABLES: TableListing[] = [
  { tableId: 't-aaaa1111', name: "Hold'em 1/2 #1", variant: 'NT', stakes: '1/2', minBuyIn: 40, maxBuyIn: 200, seated: 3, maxSeats: 9, waiting: 0 },
  { tableId: 't-bbbb2222', name: 'Omaha 2/5 #1', variant: 'PO', stakes: '2/5', minBuyIn: 100, maxBuyIn: 500, seated: 6, maxSeats: 6, waiting: 2 },
];

describe('api: public routes', () => {
  let db: Database;

  before(async () => {
    db = await openDatabase({});
  });

  after(async () => {
    await db.close();
  });

  describe('GET /api/tables', () => {
    let api: TestApi;
    let tables: TableListing[] = [];

    before(async () => {
      api = await startApi({ db, tables: async () => tables });
    });

    after(async () => {
      await api.close();
    });

    it('when tables are open then anyone gets their listing', async () => {
      tables = TABLES;

      const answer = await api.call('GET', '/api/tables');

      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, TABLES);
    });

    it('when no table is open then the listing is an empty array', async () => {
      tables = [];

      const answer = await api.call('GET', '/api/tables');

      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, []);
    });
  });

  describe('GET /api/health', () => {
    it('when the database answers then the status is ok with presence and process id', async () => {
      const api = await startApi({ db, health: async () => ({ db: true, presence: 'local' }) });
      try {
        const answer = await api.call('GET', '/api/health');

        assert.equal(answer.status, 200);
        assert.deepEqual(answer.body, { status: 'ok', db: true, presence: 'local', processId: 'test-process' });
      } finally {
        await api.close();
      }
    });

    it('when the database does not answer then the status is degraded with 503', async () => {
      const api = await startApi({ db, health: async () => ({ db: false, presence: 'redis' }) });
      try {
        const answer = await api.call('GET', '/api/health');

        assert.equal(answer.status, 503);
        assert.deepEqual(answer.body, { status: 'degraded', db: false, presence: 'redis', processId: 'test-process' });
      } finally {
        await api.close();
      }
    });

    it('when the process reports its snapshot backlog then health carries it', async () => {
      const api = await startApi({ db, health: async () => ({ db: true, presence: 'local', snapshotBacklog: 3 }) });
      try {
        const answer = await api.call('GET', '/api/health');

        assert.deepEqual(answer.body, { status: 'ok', db: true, presence: 'local', processId: 'test-process', snapshotBacklog: 3 });
      } finally {
        await api.close();
      }
    });

    it('when the health check itself fails then the status is degraded with 503', async () => {
      const api = await startApi({ db, health: async () => { throw new Error('connection refused'); } });
      try {
        const answer = await api.call('GET', '/api/health');

        assert.equal(answer.status, 503);
        assert.equal(answer.body.status, 'degraded');
        assert.equal(answer.body.db, false);
      } finally {
        await api.close();
      }
    });
  });

  describe('failures inside a route', () => {
    it('when listing tables throws then the answer is a 500 problem that leaks nothing', async () => {
      const api = await startApi({ db, tables: async () => { throw new Error('secret internals: password=hunter2'); } });
      try {
        const problem = expectProblem(await api.call('GET', '/api/tables'), 500, 'internal_error');

        assert.doesNotMatch(JSON.stringify(problem), /hunter2|internals/);
      } finally {
        await api.close();
      }
    });
  });
});
