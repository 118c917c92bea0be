import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM as PgliteORM } from '@mikro-orm/pglite';
import { MikroORM as PostgreSqlORM, type SqlEntityManager, type SqlMikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { MIGRATIONS } from '../../migrations/index.ts';
import { ENTITIES } from './entities/index.ts';

/** The ORM both backends share: PostgreSQL and PGlite speak the same SQL and map the same entities. */
export type Orm = SqlMikroORM;
export type Em = SqlEntityManager;

export const DATABASE_KIND = { pglite: 'pglite', postgresql: 'postgresql' } as const;
export type DatabaseKind = (typeof DATABASE_KIND)[keyof typeof DATABASE_KIND];

export type OrmOptions = {
  /** `postgres://…`: use PostgreSQL. */
  databaseUrl?: string;
  /** Without a URL: PGlite files live under `<dataDir>/pglite`; `':memory:'` or nothing keeps them in memory. */
  dataDir?: string;
  /** Log every query (MikroORM's debug output). */
  debug?: boolean;
};

const common = (debug: boolean) => ({
  entities: ENTITIES,
  extensions: [Migrator],
  // Every unit of work forks its own EntityManager; the global one must never carry state.
  allowGlobalContext: false,
  debug,
  migrations: {
    migrationsList: MIGRATIONS,
    // Listed migrations need no folder, and running them must not write schema snapshots into the source tree.
    snapshot: false,
    snapshotOnMigrate: false,
    silent: true,
    transactional: true,
    allOrNothing: true,
  },
});

/** Where PGlite keeps its files: a directory of its own inside the data dir, or memory. */
export function pgliteLocation(dataDir: string | undefined): string {
  if (!dataDir || dataDir === ':memory:') return 'memory://';
  mkdirSync(dataDir, { recursive: true });
  return join(dataDir, 'pglite');
}

/** Connects the ORM to PostgreSQL when a URL is given, else to PGlite. */
export async function connectOrm(options: OrmOptions): Promise<{ orm: Orm; kind: DatabaseKind }> {
  const debug = options.debug ?? false;
  if (options.databaseUrl) {
    const orm = await PostgreSqlORM.init({ ...common(debug), clientUrl: options.databaseUrl });
    return { orm, kind: DATABASE_KIND.postgresql };
  }
  const orm = await PgliteORM.init({ ...common(debug), dbName: pgliteLocation(options.dataDir) });
  return { orm, kind: DATABASE_KIND.pglite };
}
