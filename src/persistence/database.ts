import { randomBytes } from 'node:crypto';
import { analyticsRepository } from './analytics.ts';
import type { AnalyticsRepository, HousekeepingRepository, JobRunRepository } from './analytics-types.ts';
import { handCompletion } from './completion.ts';
import { DeckCipher } from './deck-cipher.ts';
import { housekeepingRepository } from './housekeeping.ts';
import { jobRunRepository } from './job-runs.ts';
import { handRepository } from './hands.ts';
import type { InsightRepository } from './insight-types.ts';
import { insightRepository } from './insights.ts';
import { ledgerRepository } from './ledger.ts';
import { migrateUp } from './migrate.ts';
import { connectOrm, type DatabaseKind, type Orm } from './orm.ts';
import { playerRepository } from './players.ts';
import { snapshotRepository } from './snapshots.ts';
import { tableRepository } from './tables.ts';
import { templateRepository } from './templates.ts';
import { tournamentEntryRepository } from './tournament-entries.ts';
import { tournamentTemplateRepository } from './tournament-templates.ts';
import type { TournamentEntryRepository, TournamentRepository, TournamentTemplateRepository } from './tournament-types.ts';
import { tournamentRepository } from './tournaments.ts';
import type {
  HandCompletion,
  HandRepository,
  LedgerRepository,
  PlayerRepository,
  SnapshotRepository,
  TableRepository,
  TemplateRepository,
} from './types.ts';

/** Everything Felt stores, behind small repositories that return plain records. */
export type Database = {
  kind: DatabaseKind;
  players: PlayerRepository;
  ledger: LedgerRepository;
  templates: TemplateRepository;
  tables: TableRepository;
  snapshots: SnapshotRepository;
  hands: HandRepository;
  completion: HandCompletion;
  /** Tournaments: definition, status, lease and snapshot. */
  tournaments: TournamentRepository;
  /** Tournament entries, each written with its money in one transaction. */
  entries: TournamentEntryRepository;
  /** Tournament templates the templates job opens tournaments from. */
  tournamentTemplates: TournamentTemplateRepository;
  insights: InsightRepository;
  /** Claimed runs of background jobs (`src/jobs/coordinator.ts`). */
  jobRuns: JobRunRepository;
  /** Minute snapshots and hourly sums per template. */
  analytics: AnalyticsRepository;
  /** Idle tables and retention pruning, for the cleanup job. */
  housekeeping: HousekeepingRepository;
  /** True when the database answers a query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** For migrations and tests; the rest of Felt goes through the repositories. */
  orm: Orm;
};

export type DatabaseOptions = {
  /** `postgres://…`: PostgreSQL. Unset: PGlite. */
  databaseUrl?: string;
  /** PGlite's files go under `<dataDir>/pglite`; `':memory:'` or unset keeps everything in memory. */
  dataDir?: string;
  /** The clock table and tournament leases are measured by (and entries stamped with); tests pass their own. */
  now?: () => Date;
  /** Log every query. */
  debug?: boolean;
  /**
   * Seals the live hand's deck in snapshots (32 bytes; `resolveDeckKey`).
   * Unset: a random key of this `Database` alone, so what it seals no other
   * `Database` can open (tests that never restore elsewhere).
   */
  deckKey?: Uint8Array;
};

/**
 * Opens the database — PostgreSQL when `databaseUrl` is set, else embedded
 * PGlite — and brings its schema up to date before returning.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const { orm, kind } = await connectOrm(options);
  try {
    await migrateUp({ orm, kind });
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  // After close, MikroORM would quietly reconnect on the next query (and PGlite in memory would come back empty).
  let closed = false;
  const cipher = new DeckCipher(options.deckKey ?? randomBytes(32));
  return {
    kind,
    players: playerRepository(orm),
    ledger: ledgerRepository(orm),
    templates: templateRepository(orm),
    tables: tableRepository(orm, options.now),
    snapshots: snapshotRepository(orm, cipher),
    hands: handRepository(orm),
    completion: handCompletion(orm, cipher),
    tournaments: tournamentRepository(orm, options.now),
    entries: tournamentEntryRepository(orm, options.now),
    tournamentTemplates: tournamentTemplateRepository(orm, options.now),
    insights: insightRepository(orm, kind),
    jobRuns: jobRunRepository(orm),
    analytics: analyticsRepository(orm),
    housekeeping: housekeepingRepository(orm),
    async ping() {
      if (closed) return false;
      try {
        await orm.em.fork().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      closed = true;
      await orm.close(true);
    },
    orm,
  };
}
