import assert from 'node:assert/strict';
import { LoadSession } from '../../loadtest/session.ts';
import { BACKENDS } from '../persistence/databases.ts';
import { startFelt } from '../support/felt.ts';

for (const backend of BACKENDS) {
  describe(`load-test bots [${backend.label}]`, function () {
    this.timeout(30_000);

    it('when two bots play at each of two tables then hands are completed, nothing is refused and every chip is accounted for', async () => {
      const felt = await startFelt(backend);
      try {
        const tables = [await felt.openTable(), await felt.openTable()];
        const before = await felt.server.db.ledger.totalHeld();
        const session = await LoadSession.open({ url: felt.url, thinkMs: 0, tableIds: tables });
        try {
          const { seated } = await session.addBots(4);
          assert.equal(seated, 4);
          await session.until(() => session.stats.handsPlayed() >= 6 && session.stats.actions >= 6 && session.stats.tablesSeen() === 2, 15_000);
        } finally {
          await session.close();
        }
        const atTables = session.bots.map((bot) => bot.tableId).sort();
        assert.deepEqual(atTables, [...tables, ...tables].sort(), 'two bots at each table');
        assert.equal(session.stats.errors, 0, JSON.stringify(Object.fromEntries(session.stats.errorCodes)));
        assert.ok(session.stats.actions >= 6, 'the bots acted');
        for (const tableId of tables) assert.ok(await felt.server.db.hands.count({ tableId }) >= 1, `hands at ${tableId} were recorded`);
        // Four new guests brought their starting balance; buy-ins, pots and rake only moved chips around.
        assert.equal(await felt.server.db.ledger.totalHeld(), before + 4 * 10_000);
      } finally {
        await felt.close();
      }
    });
  });
}
