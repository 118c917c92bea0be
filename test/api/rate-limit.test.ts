import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { freePort } from '../support/felt.ts';
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
    const realNow = Date.now;

    // rate-limiter-flexible reads Date.now for its windows; only that is stood in for, timers run as usual.
    beforeEach(async () => {
      clock = 1_000_000;
      Date.now = () => clock;
      api = await startApi({ db, authRateLimit: { limit: 3, windowMs: 60_000 } });
    });

    afterEach(async () => {
      Date.now = realNow;
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

  describe('counted in Redis (REDIS_URL)', function () {
    const url = process.env.REDIS_URL;
    const connections: Redis[] = [];
    // Each test's keys under a prefix of their own, as FELT_REDIS_PREFIX keeps clusters apart.
    let prefix = '';

    before(function () {
      if (!url) this.skip();
    });

    beforeEach(() => {
      prefix = `felt-test-rate-${randomBytes(4).toString('hex')}:`;
    });

    afterEach(async () => {
      const cleaner = new Redis(url as string);
      const keys = await cleaner.keys(`${prefix}*`);
      if (keys.length > 0) await cleaner.del(...keys);
      cleaner.disconnect();
      for (const connection of connections.splice(0)) connection.disconnect();
    });

    function connect(keyPrefix = prefix): Redis {
      const connection = new Redis(url as string, { keyPrefix });
      connections.push(connection);
      return connection;
    }

    async function twoApis(limit: number, prefixes: [string, string] = [prefix, prefix]): Promise<[TestApi, TestApi]> {
      const redisA = connect(prefixes[0]);
      const redisB = connect(prefixes[1]);
      await Promise.all([redisA.ping(), redisB.ping()]);
      return Promise.all([
        startApi({ db, authRateLimit: { limit, windowMs: 60_000, redis: redisA } }),
        startApi({ db, authRateLimit: { limit, windowMs: 60_000, redis: redisB } }),
      ]);
    }

    const guest = (api: TestApi) => api.call('POST', '/api/auth/guest', { body: {} });

    it('when two servers share one Redis then they enforce one limit together', async () => {
      const [a, b] = await twoApis(3);
      try {
        const allowed = [await guest(a), await guest(b), await guest(a)];
        const overA = await guest(a);
        const overB = await guest(b);

        assert.deepEqual(allowed.map((answer) => answer.status), [201, 201, 201]);
        assert.deepEqual(allowed.map((answer) => answer.headers.get('ratelimit-remaining')), ['2', '1', '0']);
        expectProblem(overA, 429, 'rate_limited');
        expectProblem(overB, 429, 'rate_limited');
        const retryAfter = Number(overB.headers.get('retry-after'));
        assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
        const keys = await connect('').keys(`${prefix}*`);
        assert.equal(keys.length, 1, `one counter, under the cluster's prefix: ${keys}`);
        assert.equal(await connect('').get(keys[0]), '5');
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('when two clusters share a Redis under different prefixes then each has its own budget', async () => {
      const other = `${prefix}other:`;
      const [a, b] = await twoApis(1, [prefix, other]);
      try {
        assert.deepEqual([(await guest(a)).status, (await guest(a)).status], [201, 429]);
        assert.equal((await guest(b)).status, 201);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('when Redis cannot be reached then each server still limits on its own, and sign-ins go on', async () => {
      // Nothing listens there: the connection never becomes ready.
      const unreachable = new Redis(`redis://127.0.0.1:${await freePort()}`, { lazyConnect: true, retryStrategy: () => null });
      connections.push(unreachable);
      const api = await startApi({ db, authRateLimit: { limit: 2, windowMs: 60_000, redis: unreachable } });
      try {
        assert.deepEqual([(await guest(api)).status, (await guest(api)).status, (await guest(api)).status], [201, 201, 429]);
      } finally {
        await api.close();
      }
    });
  });
});
