import assert from 'node:assert/strict';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { expectProblem, startApi, type TestApi } from './helpers.ts';

describe('api: rate limit on /api/auth', () => {
  // One database for the suite; each test gets a fresh router, so a fresh limiter.
  let db: Database;

  before(async () => {
    db = await openDatabase({});
  });

  after(async () => {
    await db.close();
  });

  it('when one address makes 21 sign-ins in a minute then the 21st gets 429 with Retry-After', async () => {
    const api = await startApi({ db, authRateLimit: 'default' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await api.call('POST', '/api/auth/login', { body: { username: 'nobody', password: 'whatever' } })).status);

      const limited = await api.call('POST', '/api/auth/guest', { body: {} });

      assert.deepEqual(new Set(statuses), new Set([401]));
      const problem = expectProblem(limited, 429, 'rate_limited');
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.match(problem.detail, new RegExp(`${retryAfter} seconds`));
      assert.equal(limited.headers.get('ratelimit-limit'), '20');
      assert.equal(limited.headers.get('ratelimit-remaining'), '0');
    } finally {
      await api.close();
    }
  });

  describe('with a limit of 3 and a clock the test controls', () => {
    let api: TestApi;
    let clock = 1_000_000;

    beforeEach(async () => {
      clock = 1_000_000;
      api = await startApi({ db, authRateLimit: { limit: 3, windowMs: 60_000, now: () => clock } });
    });

    afterEach(async () => {
      await api.close();
    });

    async function guest(headers: Record<string, string> = {}): Promise<number> {
      return (await api.call('POST', '/api/auth/guest', { body: {}, headers })).status;
    }

    it('when the window ends then the address may sign in again', async () => {
      assert.deepEqual([await guest(), await guest(), await guest(), await guest()], [201, 201, 201, 429]);

      clock += 59_999;
      assert.equal(await guest(), 429);
      clock += 1;
      assert.equal(await guest(), 201);
    });

    it('when Retry-After is given then it counts the seconds left in the window', async () => {
      for (let i = 0; i < 3; i++) await guest();
      clock += 45_500;

      const answer = await api.call('POST', '/api/auth/guest', { body: {} });

      assert.equal(answer.status, 429);
      assert.equal(answer.headers.get('retry-after'), '15');
    });

    it('when the auth limit is used up then the other endpoints still answer', async () => {
      for (let i = 0; i < 4; i++) await guest();

      assert.equal((await api.call('GET', '/api/tables')).status, 200);
      assert.equal((await api.call('GET', '/api/health')).status, 200);
    });
  });

  it('when two addresses sign in behind a trusted proxy then each has its own budget', async () => {
    const api = await startApi({
      db,
      authRateLimit: { limit: 2, windowMs: 60_000 },
      before: (app) => {
        app.set('trust proxy', true);
      },
    });
    try {
      const from = (address: string) => api.call('POST', '/api/auth/guest', { body: {}, headers: { 'x-forwarded-for': address } }).then((answer) => answer.status);

      assert.deepEqual([await from('203.0.113.1'), await from('203.0.113.1'), await from('203.0.113.1')], [201, 201, 429]);
      assert.deepEqual([await from('203.0.113.2'), await from('203.0.113.2')], [201, 201]);
    } finally {
      await api.close();
    }
  });
});
