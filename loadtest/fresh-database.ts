import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';

/**
 * A new, empty database named `<prefix>_<random>` on the PostgreSQL server of
 * `url`, and how to drop it: a load test or a test suite of its own never
 * sees another run's rows.
 */
export async function freshDatabase(url: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(url, `create database "${name}"`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { url: own.toString(), drop: () => onServer(url, `drop database if exists "${name}" with (force)`) };
}

/** Runs one statement on the server's own database (the one in `url`), where databases are made and dropped. */
async function onServer(url: string, sql: string): Promise<void> {
  const orm = await MikroORM.init({ clientUrl: url, entities: [], discovery: { warnWhenNoEntities: false }, ensureDatabase: false });
  try {
    await orm.em.fork().execute(sql);
  } finally {
    await orm.close(true);
  }
}
