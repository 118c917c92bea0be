import { hostname } from 'node:os';
import { z } from 'zod';
import { DEFAULT_TOKEN_TTL_SECONDS, PASSWORD_MAX, PASSWORD_MIN, USERNAME_PATTERN } from './auth/rules.ts';
import { CodedError } from './coded-error.ts';

/**
 * Every setting Felt reads, from the environment, validated once at start-up.
 * The names are part of the client contract (PROTOCOL.md, "Settings").
 */
export type Config = {
  /** HTTP and WebSocket port (`PORT`). */
  port: number;
  /** Where the embedded database and the generated token secret live (`FELT_DATA_DIR`). */
  dataDir: string;
  /** `postgres://…`; unset means embedded PGlite (`DATABASE_URL`). */
  databaseUrl: string | undefined;
  /** `redis://…`; unset means local presence (`REDIS_URL`). */
  redisUrl: string | undefined;
  /** The address clients use to reach this process (`FELT_PUBLIC_ADDRESS`). */
  publicAddress: string | undefined;
  /** Signs tokens; unset means generated once into the data dir (`FELT_JWT_SECRET`). */
  jwtSecret: string | undefined;
  /**
   * Seals the live hand's deck in snapshots: 64 hex characters (32 bytes);
   * unset means generated once into the data dir (`FELT_DECK_KEY`). Every
   * process of a cluster needs the same one.
   */
  deckKey: string | undefined;
  /** The first admin (`FELT_ADMIN_USERNAME`, `FELT_ADMIN_PASSWORD`), lower-cased. */
  adminUsername: string | undefined;
  adminPassword: string | undefined;
  /** Play-money balance of a new player (`FELT_STARTING_BALANCE`). */
  startingBalance: number;
  /** Names this process in the cluster: table leases, health (`FELT_PROCESS_ID`). */
  processId: string;
  /** pino level (`FELT_LOG_LEVEL`); `silent` in tests. */
  logLevel: LogLevel;
  /** How long a token stays valid, in seconds (`FELT_TOKEN_TTL`: `7d`, `12h`, `30m`, `45s` or plain seconds). */
  tokenTtlSeconds: number;
  /** Sign-in attempts allowed per address per minute on /api/auth (`FELT_AUTH_RATE_LIMIT`). */
  authRateLimit: number;
  /** Hand records older than this many days are deleted by the cleanup job (`FELT_HAND_RETENTION_DAYS`). */
  handRetentionDays: number;
  /** Snapshots of closed tables older than this many days are deleted by the cleanup job (`FELT_SNAPSHOT_RETENTION_DAYS`). */
  snapshotRetentionDays: number;
  /** Minute analytics snapshots and job-run records older than this many days are deleted by the cleanup job (`FELT_ANALYTICS_RETENTION_DAYS`). */
  analyticsRetentionDays: number;
  /** Where new insights are POSTed as JSON; unset means the admin feed only (`FELT_INSIGHTS_WEBHOOK_URL`). */
  insightsWebhookUrl: string | undefined;
  /** Prefixes this cluster's Redis keys, so clusters can share one Redis (`FELT_REDIS_PREFIX`). */
  redisPrefix: string | undefined;
  /** How long a table's lease lasts unrenewed: how soon a dead process's tables move (`FELT_LEASE_MS`). */
  leaseMs: number;
  /** On shutdown, how long hands in play may run on before the tables move mid-hand (`FELT_DRAIN_MS`). */
  drainMs: number;
  /**
   * How long a changed table waits for its snapshot, so that changes within it
   * share one write (`FELT_SNAPSHOT_MS`): a crash undoes at most this much of a
   * hand in play; finished hands are written with their snapshot, whatever it is.
   */
  snapshotMs: number;
  /** Messages each client may send a room per second, on average (`FELT_MESSAGE_RATE`). */
  messageRate: number;
  /**
   * Messages a client may send at once before the rate applies (`FELT_MESSAGE_BURST`).
   * Past it, messages are dropped (the first answered with `rate_limited`), and a
   * client that runs twice the burst over is disconnected.
   */
  messageBurst: number;
  /**
   * Seconds a player disconnected for flooding (over the budget or junk frames)
   * is refused at this process's tables (`FELT_COOL_OFF_S`); 0: never refused.
   */
  coolOffS: number;
};

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const JWT_SECRET_MIN = 32;

/** One bad setting: its environment name and what is wrong with it. */
export type ConfigIssue = { setting: string; message: string };

/** The environment does not describe a runnable Felt; `issues` lists every bad setting. */
export class ConfigError extends CodedError<'bad_config'> {
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    const lines = issues.map(({ setting, message }) => `  - ${setting}: ${message}`);
    const count = issues.length === 1 ? '1 setting is' : `${issues.length} settings are`;
    super('bad_config', `Felt cannot start: ${count} invalid. Fix the environment and start again:\n${lines.join('\n')}`);
    this.issues = issues;
  }
}

// An empty variable (`DATABASE_URL=` in a compose file) means "unset", not "empty".
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.util.NoUndefined<z.output<T>>) =>
  z.preprocess(blankAsUnset, schema.default(fallback));

const integer = (what: string, min: number, max: number) =>
  z.string().trim().regex(/^\d+$/, `must be ${what}`).transform(Number).pipe(
    z.number().int().min(min, `must be ${what}`).max(max, `must be ${what}`),
  );

const url = (schemes: string[], example: string) =>
  z.string().trim().refine((value) => {
    try {
      return schemes.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a URL like ${example}`);

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

const duration = z.string().trim().regex(/^\d+\s*[smhd]?$/i, 'must be a duration like 7d, 12h, 30m, 45s or a number of seconds')
  .transform((value) => {
    const [, amount, unit] = /^(\d+)\s*([smhd]?)$/i.exec(value) ?? [];
    return Number(amount) * (unit ? DURATION_UNITS[unit.toLowerCase()] : 1);
  })
  .pipe(z.number().int().min(60, 'must be at least one minute').max(365 * 86400, 'must be at most a year'));

const schema = z.object({
  PORT: withDefault(integer('a port number from 0 to 65535', 0, 65535), 2567),
  FELT_DATA_DIR: withDefault(z.string(), './data'),
  DATABASE_URL: optional(url(['postgres:', 'postgresql:'], 'postgres://user:password@host:5432/felt')),
  REDIS_URL: optional(url(['redis:', 'rediss:'], 'redis://host:6379')),
  FELT_PUBLIC_ADDRESS: optional(z.string().trim().regex(/^\S+$/, 'must be an address without spaces, like poker.example.com:2567')),
  FELT_JWT_SECRET: optional(z.string().min(JWT_SECRET_MIN, `must be at least ${JWT_SECRET_MIN} characters long (or unset it to have one generated)`)),
  FELT_DECK_KEY: optional(z.string().trim().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes), like the output of openssl rand -hex 32 (or unset it to have one generated)')),
  FELT_ADMIN_USERNAME: optional(z.string().trim().toLowerCase().regex(USERNAME_PATTERN, 'must be 3 to 20 letters, digits or underscores')),
  FELT_ADMIN_PASSWORD: optional(z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters long`).max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters long`)),
  FELT_STARTING_BALANCE: withDefault(integer('a whole number of chips from 0 to 1000000000000', 0, 1e12), 10000),
  FELT_PROCESS_ID: optional(z.string().trim().regex(/^[\w.:@-]{1,128}$/, 'must be 1 to 128 letters, digits or . _ : @ -')),
  FELT_LOG_LEVEL: withDefault(z.string().trim().toLowerCase().pipe(z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`)), 'info'),
  FELT_TOKEN_TTL: optional(duration),
  FELT_AUTH_RATE_LIMIT: withDefault(integer('a whole number of attempts per minute from 1 to 1000000', 1, 1_000_000), 20),
  FELT_HAND_RETENTION_DAYS: withDefault(integer('a whole number of days from 1 to 36500', 1, 36_500), 365),
  FELT_SNAPSHOT_RETENTION_DAYS: withDefault(integer('a whole number of days from 1 to 36500', 1, 36_500), 7),
  FELT_ANALYTICS_RETENTION_DAYS: withDefault(integer('a whole number of days from 1 to 36500', 1, 36_500), 90),
  // Not shown back in errors: webhook URLs often carry their secret in the path.
  FELT_INSIGHTS_WEBHOOK_URL: optional(url(['http:', 'https:'], 'https://hooks.example.com/felt')),
  FELT_REDIS_PREFIX: optional(z.string().trim().regex(/^[\w.:-]{1,64}$/, 'must be 1 to 64 letters, digits or . _ : -')),
  FELT_LEASE_MS: withDefault(integer('a number of milliseconds from 500 to 600000', 500, 600_000), 3000),
  FELT_DRAIN_MS: optional(integer('a number of milliseconds from 0 to 3600000', 0, 3_600_000)),
  FELT_SNAPSHOT_MS: withDefault(integer('a number of milliseconds from 10 to 10000', 10, 10_000), 50),
  FELT_MESSAGE_RATE: withDefault(integer('a whole number of messages per second from 1 to 10000', 1, 10_000), 10),
  FELT_MESSAGE_BURST: withDefault(integer('a whole number of messages from 1 to 100000', 1, 100_000), 20),
  FELT_COOL_OFF_S: withDefault(integer('a whole number of seconds from 0 to 3600', 0, 3_600), 10),
});

// Settings whose values may be shown back in an error; the others can hold passwords.
const SHOWN_SETTINGS = new Set(['FELT_HAND_RETENTION_DAYS', 'FELT_SNAPSHOT_RETENTION_DAYS', 'FELT_ANALYTICS_RETENTION_DAYS', 'FELT_REDIS_PREFIX', 'FELT_LEASE_MS', 'FELT_DRAIN_MS', 'FELT_SNAPSHOT_MS', 'FELT_MESSAGE_RATE', 'FELT_MESSAGE_BURST', 'FELT_COOL_OFF_S', 'FELT_AUTH_RATE_LIMIT', 'PORT', 'FELT_DATA_DIR', 'FELT_PUBLIC_ADDRESS', 'FELT_ADMIN_USERNAME', 'FELT_STARTING_BALANCE', 'FELT_PROCESS_ID', 'FELT_LOG_LEVEL', 'FELT_TOKEN_TTL']);

// One of the pair without the other would silently leave the room without an admin.
function adminPairIssues(env: Record<string, string | undefined>): ConfigIssue[] {
  const hasUsername = blankAsUnset(env.FELT_ADMIN_USERNAME) !== undefined;
  const hasPassword = blankAsUnset(env.FELT_ADMIN_PASSWORD) !== undefined;
  if (hasUsername && !hasPassword) return [{ setting: 'FELT_ADMIN_PASSWORD', message: 'must be set when FELT_ADMIN_USERNAME is set' }];
  if (hasPassword && !hasUsername) return [{ setting: 'FELT_ADMIN_USERNAME', message: 'must be set when FELT_ADMIN_PASSWORD is set' }];
  return [];
}

/** The settings a plain `npm start` on this machine would use (hostname-pid names the process). */
export function defaultProcessId(): string {
  return `${hostname()}-${process.pid}`;
}

/**
 * Reads and validates every setting. Throws one `ConfigError` that lists
 * every bad setting, so an operator fixes them all in one go.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  const issues: ConfigIssue[] = (result.error?.issues ?? []).map((issue) => {
    const setting = String(issue.path[0] ?? 'environment');
    const message = issue.code === 'invalid_type' ? 'must be text' : issue.message;
    return { setting, message: SHOWN_SETTINGS.has(setting) ? `${message} (got ${JSON.stringify(env[setting])})` : message };
  });
  issues.push(...adminPairIssues(env));
  if (!result.success || issues.length > 0) throw new ConfigError(issues);
  const settings = result.data;
  return {
    port: settings.PORT,
    dataDir: settings.FELT_DATA_DIR,
    databaseUrl: settings.DATABASE_URL,
    redisUrl: settings.REDIS_URL,
    publicAddress: settings.FELT_PUBLIC_ADDRESS,
    jwtSecret: settings.FELT_JWT_SECRET,
    deckKey: settings.FELT_DECK_KEY?.toLowerCase(),
    adminUsername: settings.FELT_ADMIN_USERNAME,
    adminPassword: settings.FELT_ADMIN_PASSWORD,
    startingBalance: settings.FELT_STARTING_BALANCE,
    processId: settings.FELT_PROCESS_ID ?? defaultProcessId(),
    logLevel: settings.FELT_LOG_LEVEL,
    tokenTtlSeconds: settings.FELT_TOKEN_TTL ?? DEFAULT_TOKEN_TTL_SECONDS,
    authRateLimit: settings.FELT_AUTH_RATE_LIMIT,
    handRetentionDays: settings.FELT_HAND_RETENTION_DAYS,
    snapshotRetentionDays: settings.FELT_SNAPSHOT_RETENTION_DAYS,
    analyticsRetentionDays: settings.FELT_ANALYTICS_RETENTION_DAYS,
    insightsWebhookUrl: settings.FELT_INSIGHTS_WEBHOOK_URL,
    redisPrefix: settings.FELT_REDIS_PREFIX,
    leaseMs: settings.FELT_LEASE_MS,
    // Alone, a process has nobody to hand a hand to: it stops at once and resumes the hand on restart.
    drainMs: settings.FELT_DRAIN_MS ?? (settings.REDIS_URL ? 30_000 : 0),
    snapshotMs: settings.FELT_SNAPSHOT_MS,
    messageRate: settings.FELT_MESSAGE_RATE,
    messageBurst: settings.FELT_MESSAGE_BURST,
    coolOffS: settings.FELT_COOL_OFF_S,
  };
}
