import type { Database } from '../persistence/database.ts';
import type { PoolStats } from './metrics.ts';

/** The parts of a `pg` pool that say how busy it is. */
type PgPool = { options?: { max?: number }; totalCount: number; idleCount: number; waitingCount: number };

function isPgPool(client: unknown): client is PgPool {
  const pool = client as Partial<PgPool> | null;
  return typeof pool?.totalCount === 'number' && typeof pool.idleCount === 'number' && typeof pool.waitingCount === 'number';
}

/**
 * The database's connection pool: on PostgreSQL the `pg` pool MikroORM
 * built (its size, open, idle and waiting counts); PGlite is one in-process
 * connection, so it reports a pool of 1. `null` when the database is closed
 * or does not answer.
 */
export async function dbPoolStats(db: Pick<Database, 'kind' | 'orm'>): Promise<PoolStats | null> {
  if (db.kind === 'pglite') return { max: 1, open: 1 };
  try {
    const connection = db.orm.em.getConnection();
    // getNativeClient() would reconnect a closed ORM; a scrape must never do that.
    if (!(await connection.isConnected())) return null;
    const pool = await connection.getNativeClient();
    if (!isPgPool(pool)) return null;
    return { max: pool.options?.max ?? pool.totalCount, open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
  } catch {
    // A database that does not answer must not take the rest of the scrape down with it.
    return null;
  }
}
