import { DATABASE_KIND, type DatabaseKind, type Orm } from './orm.ts';

// Any constant works; it only has to be the same in every Felt process.
const MIGRATION_LOCK = 0x46656c74;

type Target = { orm: Orm; kind: DatabaseKind };

/**
 * Runs `migrate` so that processes starting together on one PostgreSQL take
 * turns instead of racing to create the same tables: the migrations run inside
 * a transaction that holds an advisory lock. PGlite belongs to one process and
 * has a single connection, which a held transaction would block, so it
 * migrates directly.
 */
async function exclusively(
  { orm, kind }: Target,
  migrate: (transaction?: unknown) => Promise<{ name: string }[]>,
): Promise<string[]> {
  if (kind === DATABASE_KIND.pglite) return (await migrate()).map((migration) => migration.name);
  return orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    return (await migrate(em.getTransactionContext())).map((migration) => migration.name);
  });
}

/** Applies every pending migration, all or nothing; returns the names applied. */
export function migrateUp(target: Target): Promise<string[]> {
  return exclusively(target, (transaction) => target.orm.migrator.up(transaction ? { transaction } : {}));
}

/** Reverts migrations newer than `to` (a migration name), or all of them; returns the names reverted. */
export function migrateDown(target: Target, to: string | 0 = 0): Promise<string[]> {
  return exclusively(target, (transaction) => target.orm.migrator.down(transaction ? { to, transaction } : { to }));
}

/** Names of the migrations this database has applied, oldest first. */
export async function executedMigrations(orm: Orm): Promise<string[]> {
  const rows = await orm.migrator.getExecuted();
  return rows.map((row) => row.name);
}
