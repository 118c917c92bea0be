import { freshDatabase } from '../../loadtest/fresh-database.ts';
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

function postgresql(url: string): Backend {
  return {
    label: 'postgresql',
    // A database of its own per suite, so runs (and suites) never see each other's rows.
    async create() {
      const fresh = await freshDatabase(url, 'felt_test');
      return { options: { databaseUrl: fresh.url }, drop: fresh.drop };
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
