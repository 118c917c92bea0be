import type { Redis } from 'ioredis';
import type { ReadinessReport } from '../cluster/readiness.ts';
import type { Config } from '../config.ts';
import type { InsightService } from '../insights/service.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../persistence/database.ts';
import type { PublicTableListing } from '../tables/live-table.ts';
import type { TableControl } from '../tables/manage.ts';

export type { ReadinessReport };

/** One row of `GET /api/tables` (PROTOCOL.md): `stakes` reads like "1/2". */
export type TableListing = PublicTableListing;

/** `snapshotBacklog`: tables whose latest changes are not durable yet (0: everything so far is in the database). */
export type HealthReport = { db: boolean; presence: string; snapshotBacklog?: number };

/**
 * A fixed window: at most `limit` requests per address per `windowMs` (whole
 * seconds). With `redis`, counted there for every process that shares it.
 */
export type RateLimitOptions = { limit: number; windowMs: number; redis?: Redis };

/** What the API needs from the process. */
export type ApiDeps = {
  db: Database;
  config: Config;
  /** Signs and verifies tokens (see `resolveJwtSecret`). */
  secret: Uint8Array;
  listTables(): Promise<TableListing[]>;
  health(): Promise<HealthReport>;
  /** `GET /api/ready` (see `Readiness`); without it, ready means the database answers. */
  ready?(): Promise<ReadinessReport>;
  /** Defaults to a logger made from `config`. */
  log?: Logger;
  /** On `/api/auth/*`; defaults to 20 per minute per address. */
  authRateLimit?: RateLimitOptions;
  /** Live tables across the cluster (admin tables and bans); the admin table routes answer 503 without it. */
  tables?: TableControl;
  /** Insight runs and the live admin feed; the feed and manual runs answer 503 without it. */
  insights?: InsightService;
  /** A tournament was created: some process should claim it now rather than on its next scan (`TournamentOwnership.announce`). */
  tournamentCreated?(): void;
};
