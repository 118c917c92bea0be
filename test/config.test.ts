import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';

function issuesOf(env: Record<string, string>): Record<string, string> {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.code, 'bad_config');
    return Object.fromEntries(error.issues.map(({ setting, message }) => [setting, message]));
  }
  assert.fail('expected a ConfigError');
}

describe('config', () => {
  it('when nothing is set then every setting has its embedded default', () => {
    assert.deepEqual(loadConfig({}), {
      port: 2567,
      dataDir: './data',
      databaseUrl: undefined,
      redisUrl: undefined,
      publicAddress: undefined,
      jwtSecret: undefined,
      deckKey: undefined,
      adminUsername: undefined,
      adminPassword: undefined,
      startingBalance: 10000,
      processId: `${hostname()}-${process.pid}`,
      logLevel: 'info',
      tokenTtlSeconds: 7 * 24 * 60 * 60,
      authRateLimit: 20,
      handRetentionDays: 365,
      snapshotRetentionDays: 7,
      analyticsRetentionDays: 90,
      insightsWebhookUrl: undefined,
      redisPrefix: undefined,
      leaseMs: 3000,
      drainMs: 0,
      snapshotMs: 50,
      messageRate: 10,
      messageBurst: 20,
      coolOffS: 10,
    });
  });

  it('when every setting is given then each one overrides its default', () => {
    const config = loadConfig({
      PORT: '3000',
      FELT_DATA_DIR: '/var/lib/felt',
      DATABASE_URL: 'postgres://felt:pw@db:5432/felt',
      REDIS_URL: 'redis://cache:6379',
      FELT_PUBLIC_ADDRESS: 'node1.poker.example:3000',
      FELT_JWT_SECRET: 's'.repeat(40),
      FELT_DECK_KEY: 'AB'.repeat(32),
      FELT_ADMIN_USERNAME: 'Root_Admin',
      FELT_ADMIN_PASSWORD: 'long enough',
      FELT_STARTING_BALANCE: '2500',
      FELT_PROCESS_ID: 'felt-1',
      FELT_LOG_LEVEL: 'DEBUG',
      FELT_TOKEN_TTL: '12h',
      FELT_AUTH_RATE_LIMIT: '50',
      FELT_HAND_RETENTION_DAYS: '90',
      FELT_SNAPSHOT_RETENTION_DAYS: '2',
      FELT_ANALYTICS_RETENTION_DAYS: '30',
      FELT_INSIGHTS_WEBHOOK_URL: 'https://hooks.example.com/felt',
      FELT_REDIS_PREFIX: 'felt:eu',
      FELT_LEASE_MS: '2000',
      FELT_DRAIN_MS: '5000',
      FELT_SNAPSHOT_MS: '250',
      FELT_MESSAGE_RATE: '5',
      FELT_MESSAGE_BURST: '40',
      FELT_COOL_OFF_S: '0',
    });

    assert.deepEqual(config, {
      port: 3000,
      dataDir: '/var/lib/felt',
      databaseUrl: 'postgres://felt:pw@db:5432/felt',
      redisUrl: 'redis://cache:6379',
      publicAddress: 'node1.poker.example:3000',
      jwtSecret: 's'.repeat(40),
      deckKey: 'ab'.repeat(32),
      adminUsername: 'root_admin',
      adminPassword: 'long enough',
      startingBalance: 2500,
      processId: 'felt-1',
      logLevel: 'debug',
      tokenTtlSeconds: 12 * 3600,
      authRateLimit: 50,
      handRetentionDays: 90,
      snapshotRetentionDays: 2,
      analyticsRetentionDays: 30,
      insightsWebhookUrl: 'https://hooks.example.com/felt',
      redisPrefix: 'felt:eu',
      leaseMs: 2000,
      drainMs: 5000,
      snapshotMs: 250,
      messageRate: 5,
      messageBurst: 40,
      coolOffS: 0,
    });
  });

  it('when a setting is set to an empty string then it counts as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', REDIS_URL: '  ', FELT_STARTING_BALANCE: '', FELT_LOG_LEVEL: '' });

    assert.equal(config.port, 2567);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.redisUrl, undefined);
    assert.equal(config.startingBalance, 10000);
    assert.equal(config.logLevel, 'info');
  });

  it('when postgresql:// and rediss:// are used then they are accepted', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://localhost/felt', REDIS_URL: 'rediss://cache:6380' });

    assert.equal(config.databaseUrl, 'postgresql://localhost/felt');
    assert.equal(config.redisUrl, 'rediss://cache:6380');
  });

  it('when a retention setting is not a whole number of days from 1 then it is refused, naming the setting', () => {
    const issues = issuesOf({ FELT_HAND_RETENTION_DAYS: '0', FELT_SNAPSHOT_RETENTION_DAYS: '7d', FELT_ANALYTICS_RETENTION_DAYS: '-1' });

    assert.match(issues.FELT_HAND_RETENTION_DAYS, /whole number of days from 1 to 36500 \(got "0"\)/);
    assert.match(issues.FELT_SNAPSHOT_RETENTION_DAYS, /whole number of days from 1 to 36500 \(got "7d"\)/);
    assert.match(issues.FELT_ANALYTICS_RETENTION_DAYS, /whole number of days from 1 to 36500 \(got "-1"\)/);
  });

  it('when REDIS_URL is set and no drain time is given then hands get 30 s to finish on shutdown', () => {
    assert.equal(loadConfig({ REDIS_URL: 'redis://cache:6379' }).drainMs, 30_000);
    assert.equal(loadConfig({ REDIS_URL: 'redis://cache:6379', FELT_DRAIN_MS: '0' }).drainMs, 0);
  });

  it('when the lease is shorter than half a second then it is refused', () => {
    assert.match(issuesOf({ FELT_LEASE_MS: '100' }).FELT_LEASE_MS, /from 500 to 600000/);
  });

  it('when the snapshot interval is not a whole number of ms from 10 to 10000 then it is refused', () => {
    assert.match(issuesOf({ FELT_SNAPSHOT_MS: '5' }).FELT_SNAPSHOT_MS, /from 10 to 10000 \(got "5"\)/);
    assert.match(issuesOf({ FELT_SNAPSHOT_MS: '1s' }).FELT_SNAPSHOT_MS, /from 10 to 10000 \(got "1s"\)/);
    assert.match(issuesOf({ FELT_SNAPSHOT_MS: '60000' }).FELT_SNAPSHOT_MS, /from 10 to 10000/);
  });

  it('when the message rate or burst is not a whole number in range then each is refused with its value', () => {
    assert.match(issuesOf({ FELT_MESSAGE_RATE: '0' }).FELT_MESSAGE_RATE, /messages per second from 1 to 10000 \(got "0"\)/);
    assert.match(issuesOf({ FELT_MESSAGE_RATE: '2.5' }).FELT_MESSAGE_RATE, /from 1 to 10000 \(got "2.5"\)/);
    assert.match(issuesOf({ FELT_MESSAGE_BURST: '100001' }).FELT_MESSAGE_BURST, /messages from 1 to 100000 \(got "100001"\)/);
    assert.match(issuesOf({ FELT_MESSAGE_BURST: 'lots' }).FELT_MESSAGE_BURST, /from 1 to 100000/);
    assert.match(issuesOf({ FELT_COOL_OFF_S: '3601' }).FELT_COOL_OFF_S, /seconds from 0 to 3600 \(got "3601"\)/);
  });

  it('when the token lifetime is written in other units then it is read in seconds', () => {
    assert.equal(loadConfig({ FELT_TOKEN_TTL: '30m' }).tokenTtlSeconds, 1800);
    assert.equal(loadConfig({ FELT_TOKEN_TTL: '2d' }).tokenTtlSeconds, 172800);
    assert.equal(loadConfig({ FELT_TOKEN_TTL: '900' }).tokenTtlSeconds, 900);
  });

  it('when many settings are bad then one error lists every one of them', () => {
    const issues = issuesOf({
      PORT: 'http',
      DATABASE_URL: 'mysql://db/felt',
      REDIS_URL: 'not a url',
      FELT_JWT_SECRET: 'short',
      FELT_STARTING_BALANCE: '-5',
      FELT_LOG_LEVEL: 'loud',
      FELT_PROCESS_ID: 'has spaces',
      FELT_TOKEN_TTL: 'forever',
      FELT_PUBLIC_ADDRESS: 'a b',
    });

    assert.deepEqual(Object.keys(issues).sort(), [
      'DATABASE_URL', 'FELT_JWT_SECRET', 'FELT_LOG_LEVEL', 'FELT_PROCESS_ID', 'FELT_PUBLIC_ADDRESS', 'FELT_STARTING_BALANCE', 'FELT_TOKEN_TTL', 'PORT', 'REDIS_URL',
    ]);
    assert.match(issues.PORT, /port number from 0 to 65535 \(got "http"\)/);
    assert.match(issues.FELT_LOG_LEVEL, /one of fatal, error, warn, info, debug, trace, silent/);
  });

  it('when the error is shown then it names each bad setting on its own line', () => {
    assert.throws(() => loadConfig({ PORT: '70000', FELT_STARTING_BALANCE: '1.5' }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /2 settings are invalid/);
      assert.match(error.message, /\n  - PORT: .*\(got "70000"\)/);
      assert.match(error.message, /\n  - FELT_STARTING_BALANCE: .*\(got "1.5"\)/);
      return true;
    });
  });

  it('when a secret setting is bad then its value is not repeated in the error', () => {
    assert.throws(() => loadConfig({ FELT_JWT_SECRET: 'tiny-secret', DATABASE_URL: 'mysql://user:hunter2@db/felt', FELT_ADMIN_USERNAME: 'root', FELT_ADMIN_PASSWORD: 'pw' }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.doesNotMatch(error.message, /tiny-secret|hunter2|"pw"/);
      assert.equal(error.issues.length, 3);
      return true;
    });
  });

  it('when the deck key is not 64 hex characters then it is refused, its value not repeated', () => {
    for (const value of ['ab'.repeat(31), 'zz'.repeat(32), 'ab'.repeat(33)]) {
      const issues = issuesOf({ FELT_DECK_KEY: value });
      assert.match(issues.FELT_DECK_KEY, /64 hex characters \(32 bytes\)/);
      assert.ok(!issues.FELT_DECK_KEY.includes(value));
    }
  });

  it('when only one of the admin username and password is set then the other is reported missing', () => {
    assert.deepEqual(issuesOf({ FELT_ADMIN_USERNAME: 'boss' }), { FELT_ADMIN_PASSWORD: 'must be set when FELT_ADMIN_USERNAME is set' });
    assert.deepEqual(issuesOf({ FELT_ADMIN_PASSWORD: 'a-long-password' }), { FELT_ADMIN_USERNAME: 'must be set when FELT_ADMIN_PASSWORD is set' });
  });

  it('when the admin username or password break the account rules then both are reported', () => {
    const issues = issuesOf({ FELT_ADMIN_USERNAME: 'no spaces allowed', FELT_ADMIN_PASSWORD: 'short' });

    assert.match(issues.FELT_ADMIN_USERNAME, /3 to 20 letters, digits or underscores/);
    assert.match(issues.FELT_ADMIN_PASSWORD, /at least 8 characters/);
  });

  it('when the port is 0 then an ephemeral port is allowed', () => {
    assert.equal(loadConfig({ PORT: '0' }).port, 0);
  });

  it('when process.env is not passed then it is read', () => {
    const saved = process.env.FELT_STARTING_BALANCE;
    process.env.FELT_STARTING_BALANCE = '777';
    try {
      assert.equal(loadConfig().startingBalance, 777);
    } finally {
      if (saved === undefined) delete process.env.FELT_STARTING_BALANCE;
      else process.env.FELT_STARTING_BALANCE = saved;
    }
  });
});

describe('config: logger', () => {
  function capture(logLevel: 'silent' | 'info' | 'warn'): { log: ReturnType<typeof createLogger>; lines: () => Record<string, unknown>[] } {
    const chunks: string[] = [];
    const log = createLogger({ logLevel, processId: 'proc-7' }, { write: (chunk: string) => void chunks.push(chunk) });
    return { log, lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line)) };
  }

  it('when the level is silent then nothing is written', () => {
    const { log, lines } = capture('silent');

    log.error('loud failure');

    assert.deepEqual(lines(), []);
  });

  it('when a line is logged then it carries the process id and hides passwords and tokens', () => {
    const { log, lines } = capture('info');

    log.info({ user: { password: 'hunter2', token: 'eyJ...' }, password: 'p4ss' }, 'signed in');

    const [line] = lines();
    assert.equal(line.processId, 'proc-7');
    assert.equal(line.msg, 'signed in');
    assert.doesNotMatch(JSON.stringify(line), /hunter2|eyJ|p4ss/);
  });

  it('when the level is warn then info lines are dropped', () => {
    const { log, lines } = capture('warn');

    log.info('routine');
    log.warn('attention');

    assert.deepEqual(lines().map((line) => line.msg), ['attention']);
  });
});
