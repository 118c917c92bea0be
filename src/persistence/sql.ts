import { CompiledQuery } from 'kysely';
import type { Em } from './orm.ts';

/**
 * Runs `sql` (placeholders `$1`, `$2`, …) with its parameters bound by the
 * driver, inside `em`'s transaction when it has one, and returns the rows.
 *
 * For the hot paths (snapshots, hand completions, transfers): `em.execute`
 * inlines every parameter into the SQL text on the client, escaping a JSON
 * document character by character, and then the server parses it back out of
 * the text. Bound parameters go over the wire as they are. Kysely is the
 * client MikroORM itself runs on; errors are converted as `em.execute` does.
 */
export async function query<Row>(em: Em, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  try {
    const result = await em.getKysely().executeQuery<Row>(CompiledQuery.raw(sql, [...params]));
    return [...result.rows];
  } catch (error) {
    throw error instanceof Error ? em.getDriver().convertException(error) : error;
  }
}
