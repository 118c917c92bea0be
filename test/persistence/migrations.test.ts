import assert from 'node:assert/strict';
import { MIGRATIONS } from '../../migrations/index.ts';
import { openDatabase } from '../../src/persistence/database.ts';
import { executedMigrations, migrateDown, migrateUp } from '../../src/persistence/migrate.ts';
import type { Orm } from '../../src/persistence/orm.ts';
import { describeEachBackend, withFreshDatabase } from './databases.ts';

const APP_TABLES = ['account', 'analytics_snapshots', 'hand', 'hand_player', 'insight', 'job_runs', 'ledger_entry', 'ledger_transaction', 'player', 'poker_table', 'snapshot', 'template', 'template_hourly', 'tournament', 'tournament_entry', 'tournament_hourly', 'tournament_template'];
const ALL = MIGRATIONS.map((migration) => migration.name);

async function appTables(orm: Orm): Promise<string[]> {
  const rows = await orm.em.fork().execute<{ table_name: string }[]>(
    `select table_name from information_schema.tables where table_schema = current_schema() and table_name <> 'mikro_orm_migrations' order by table_name`,
  );
  return rows.map((row) => row.table_name);
}

describeEachBackend('migrations', (backend) => {
  it('when a fresh database is opened then every migration runs once and the schema matches the entities', async () => {
    await withFreshDatabase(backend, async (db) => {
      assert.deepEqual(await executedMigrations(db.orm), ALL);
      assert.deepEqual(await appTables(db.orm), APP_TABLES);
      assert.equal((await db.orm.schema.getUpdateSchemaSQL()).trim(), '');
      assert.deepEqual(await migrateUp({ orm: db.orm, kind: db.kind }), []);
    });
  });

  it('when migrated down then no table is left, and when migrated up again then the database works', async () => {
    await withFreshDatabase(backend, async (db) => {
      const target = { orm: db.orm, kind: db.kind };
      assert.deepEqual(await migrateDown(target), [...ALL].reverse());
      assert.deepEqual(await appTables(db.orm), []);
      assert.deepEqual(await executedMigrations(db.orm), []);

      assert.deepEqual(await migrateUp(target), ALL);
      assert.deepEqual(await appTables(db.orm), APP_TABLES);
      assert.equal((await db.orm.schema.getUpdateSchemaSQL()).trim(), '');
      const guest = await db.players.createGuest('Ada', 500);
      assert.equal(await db.ledger.balance('player', guest.id), 500);
    });
  });

  if (backend.label === 'postgresql') {
    it('when two processes open a fresh database at once then both start and each migration ran once', async () => {
      const fresh = await backend.create();
      const opened = await Promise.allSettled([openDatabase(fresh.options), openDatabase(fresh.options)]);
      try {
        const [a, b] = opened.map((result) => {
          if (result.status === 'rejected') throw result.reason;
          return result.value;
        });
        assert.deepEqual(await executedMigrations(a.orm), ALL);
        assert.equal(await a.ping(), true);
        assert.equal(await b.ping(), true);
      } finally {
        for (const result of opened) if (result.status === 'fulfilled') await result.value.close();
        await fresh.drop();
      }
    });
  }
});
