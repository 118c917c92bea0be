import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { openDatabase, type Database, type DatabaseOptions } from '../../src/persistence/database.ts';

/** A database engine the persistence suites run against. */
export type Backend = {
  label: 'pglite' | 'postgresql';
  /** Makes a fresh, empty database: the options that open it, and how to remove it afterwards. */
  create(): Promise<{ options: DatabaseOptions; drop(): Promise<void> }>;
};

const pglite: Backend = {
  label: 'pglite',
  // In memory: every open is a new, empty database that vanishes on close.
  async create() {
    return { options: { dataDir: ':memory:' }, drop: async () => {} };
  },
};

/** Runs one statement on the server's own database (the one in DATABASE_URL), where databases are made and dropped. */
async function onServer(url: string, sql: string): Promise<void> {
  const orm = await MikroORM.init({ clientUrl: url, entities: [], discovery: { warnWhenNoEntities: false }, ensureDatabase: false });
  try {
    await orm.em.fork().execute(sql);
  } finally {
    await orm.close(true);
  }
}

function postgresql(url: string): Backend {
  return {
    label: 'postgresql',
    // A database of its own per suite, so runs (and suites) never see each other's rows.
    async create() {
      const name = `felt_test_${randomBytes(6).toString('hex')}`;
      await onServer(url, `create database "${name}"`);
      const own = new URL(url);
      own.pathname = `/${name}`;
      return {
        options: { databaseUrl: own.toString() },
        drop: () => onServer(url, `drop database if exists "${name}" with (force)`),
      };
    },
  };
}

/** PGlite always; PostgreSQL too when DATABASE_URL is set. */
export const BACKENDS: Backend[] = [pglite, ...(process.env.DATABASE_URL ? [postgresql(process.env.DATABASE_URL)] : [])];

/** Declares `suite` once per backend, titled `title [label]`. */
export function describeEachBackend(title: string, suite: (backend: Backend) => void): void {
  for (const backend of BACKENDS) describe(`${title} [${backend.label}]`, () => suite(backend));
}

/**
 * Inside a `describe`: a fresh database, opened (and migrated) before its
 * tests and closed and removed after them. Call the returned function in a
 * test to get it.
 */
export function useFreshDatabase(backend: Backend, options: Omit<DatabaseOptions, 'databaseUrl' | 'dataDir'> = {}): () => Database {
  let db: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  before(async () => {
    const fresh = await backend.create();
    drop = fresh.drop;
    db = await openDatabase({ ...fresh.options, ...options });
  });
  after(async () => {
    await db?.close();
    await drop?.();
  });
  return () => {
    if (!db) throw new Error('The database is not open yet: call this inside a test or hook.');
    return db;
  };
}

/** Runs `use` on a fresh database of `backend`, then closes and removes it however `use` ends. */
export async function withFreshDatabase<T>(backend: Backend, use: (db: Database, options: DatabaseOptions) => Promise<T>): Promise<T> {
  const fresh = await backend.create();
  try {
    const db = await openDatabase(fresh.options);
    try {
      return await use(db, fresh.options);
    } finally {
      await db.close();
    }
  } finally {
    await fresh.drop();
  }
}
