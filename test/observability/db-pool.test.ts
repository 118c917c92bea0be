import assert from 'node:assert/strict';
import { openDatabase } from '../../src/persistence/database.ts';
import { dbPoolStats } from '../../src/observability/db-pool.ts';
import { BACKENDS } from '../persistence/databases.ts';

// PGlite has no pool (it reports one connection, checked on the running server in metrics-endpoint.test.ts).
for (const backend of BACKENDS.filter((b) => b.label === 'postgresql')) {
  describe(`observability: database pool [${backend.label}]`, () => {
    it('when the database is open then its pg pool is reported, and nothing once it is closed', async function () {
      this.timeout(30_000);
      const fresh = await backend.create();
      const db = await openDatabase(fresh.options);
      try {
        await Promise.all([db.ping(), db.ping(), db.ping()]);
        const open = await dbPoolStats(db);
        assert.ok(open && open.max >= 1 && open.open >= 1 && open.open <= open.max, JSON.stringify(open));
        assert.equal(open.waiting, 0, 'nothing waits on an idle pool');
        assert.equal(open.idle, open.open, 'every open connection is back in the pool');

        await db.close();

        assert.equal(await dbPoolStats(db), null, 'a scrape does not reconnect a closed database');
      } finally {
        await db.close();
        await fresh.drop();
      }
    });
  });
}
