import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { Player } from '../../src/persistence/entities/Player.ts';
import { createApiRouter } from '../../src/api/router.ts';
import type { HealthReport, RateLimitOptions, ReadinessReport, TableListing } from '../../src/api/types.ts';

export type Answer = { status: number; headers: Headers; body: any };

export type TestApi = {
  url: string;
  db: Database;
  config: Config;
  secret: Uint8Array;
  /** Calls the API: `body` is sent as JSON unless `raw` gives the exact text. */
  call(method: string, path: string, options?: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> }): Promise<Answer>;
  close(): Promise<void>;
};

export type TestApiOptions = {
  /** A database to share between several APIs in one suite (left open on close); a fresh in-memory one otherwise. */
  db?: Database;
  env?: Record<string, string>;
  tables?: () => Promise<TableListing[]>;
  health?: () => Promise<HealthReport>;
  /** `GET /api/ready`; without it, ready follows `health`'s database. */
  ready?: () => Promise<ReadinessReport>;
  /** Generous by default so suites that sign in a lot are not limited; the limit has its own tests. */
  authRateLimit?: RateLimitOptions | 'default';
  /** Mounts things on the app before the router (as the server mounts its JSON parser) and after it. */
  before?: (app: Express, deps: { db: Database; secret: Uint8Array; config: Config }) => void;
  after?: (app: Express, deps: { db: Database; secret: Uint8Array; config: Config }) => void;
};

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ FELT_LOG_LEVEL: 'silent', FELT_PROCESS_ID: 'test-process', FELT_STARTING_BALANCE: '5000', ...env });
}

/** Starts the API on an ephemeral port over a fresh in-memory PGlite database. */
export async function startApi(options: TestApiOptions = {}): Promise<TestApi> {
  const config = testConfig(options.env);
  const ownsDb = !options.db;
  const db = options.db ?? await openDatabase({});
  const secret = randomBytes(32);
  const app = express();
  options.before?.(app, { db, secret, config });
  app.use(createApiRouter({
    db,
    config,
    secret,
    listTables: options.tables ?? (async () => []),
    health: options.health ?? (async () => ({ db: true, presence: 'local' })),
    ...(options.ready ? { ready: options.ready } : {}),
    ...(options.authRateLimit === 'default' ? {} : { authRateLimit: options.authRateLimit ?? { limit: 10_000, windowMs: 60_000 } }),
  }));
  options.after?.(app, { db, secret, config });
  const server = app.listen(0);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    db,
    config,
    secret,
    async call(method, path, { body, raw, token, headers = {} } = {}) {
      const sendsJson = body !== undefined && raw === undefined;
      const response = await fetch(url + path, {
        method,
        headers: {
          ...(sendsJson || raw !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        ...(raw !== undefined ? { body: raw } : sendsJson ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON: keep the text for the assertion to show.
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownsDb) await db.close();
    },
  };
}

/** Asserts an RFC 9457 problem document and returns it. */
export function expectProblem(answer: Answer, status: number, code: string): { detail: string; [key: string]: unknown } {
  const contentType = answer.headers.get('content-type') ?? '';
  if (answer.status !== status || !contentType.startsWith('application/problem+json') || answer.body?.code !== code) {
    throw new Error(`expected a ${status} ${code} problem, got ${answer.status} ${contentType} ${JSON.stringify(answer.body)}`);
  }
  const { type, title, detail } = answer.body;
  if (answer.body.status !== status || typeof type !== 'string' || typeof title !== 'string' || typeof detail !== 'string' || detail.length === 0) {
    throw new Error(`incomplete problem document: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

let counter = 0;
/** A username no other test in this process uses. */
export function uniqueUsername(prefix = 'player'): string {
  counter += 1;
  return `${prefix}_${process.pid % 1000}_${counter}`.slice(0, 20);
}

/**
 * Bans a player the way an admin will. The player repository has no ban
 * operation yet (the admin API will add one), so this writes the column.
 */
export async function banPlayer(db: Database, playerId: string): Promise<void> {
  await db.orm.em.fork().nativeUpdate(Player, { id: playerId }, { bannedAt: new Date() });
}
