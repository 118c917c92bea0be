import assert from 'node:assert/strict';
import { AbuserGroup } from '../../loadtest/abuser-group.ts';
import type { TableListing } from '../../loadtest/lobby.ts';
import { BACKENDS } from '../persistence/databases.ts';
import { startFelt } from '../support/felt.ts';

const ADMIN = { username: 'loadtest_boss', password: 'a long enough password' };

/** Resolves once `test()` holds, looked at every 20 ms; rejects after `ms` with what `show()` says. */
async function until(test: () => boolean, show: () => unknown, ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  while (!test()) {
    if (performance.now() > deadline) throw new Error(`not reached within ${ms} ms: ${JSON.stringify(show())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const backend of BACKENDS) {
  describe(`load-test abusers [${backend.label}]`, function () {
    this.timeout(60_000);

    it('when an abuser with an emptied wallet floods a table then its buy-ins are refused for want of funds, junk is answered, a broken frame disconnects it, it rejoins, and no chip moves', async () => {
      // No cool-off: this is about the abusers rejoining, not about the server keeping them out (test/rooms/client-limits.test.ts).
      const felt = await startFelt(backend, { FELT_ADMIN_USERNAME: ADMIN.username, FELT_ADMIN_PASSWORD: ADMIN.password, FELT_COOL_OFF_S: '0' });
      try {
        const tableId = await felt.openTable();
        const table: TableListing = { tableId, name: 'test', variant: 'NT', minBuyIn: 40, maxBuyIn: 200, bigBlind: 2, seated: 0, maxSeats: 6 };
        const before = await felt.server.db.ledger.totalHeld();
        // A broken frame in every 20 messages, so the disconnects come within the test.
        const weights = { unaffordableSit: 10, unknownType: 3, malformed: 3, junkFrame: 3, brokenFrame: 1 };
        const group = await AbuserGroup.open({ url: felt.url, tables: [table], ratePerS: 200, admin: ADMIN, weights });
        try {
          const [abuser] = group.abusers;
          assert.equal(await felt.server.db.ledger.balance('player', abuser.playerId), 0, 'the wallet was emptied');
          group.flood();
          const answers = (code: string): number => group.counters.window(1).answersByCode[code] ?? 0;
          await until(() => group.counters.window(1).rejoins >= 2 && answers('insufficient_funds') >= 3 && answers('bad_message') >= 1 && answers('unknown_message') >= 1,
            () => group.counters.window(1), 40_000);
          const window = group.pause();
          assert.ok(window.sent > 0);
          assert.ok((window.disconnectsByCode['4002'] ?? 0) >= 2, JSON.stringify(window.disconnectsByCode));
          assert.equal(window.joinFailures, 0);
          const drain = await group.drain(30_000);
          assert.equal(drain.drained, true, 'the table answered everything it had queued');
          assert.equal(abuser.connected, true);
        } finally {
          await group.close();
        }
        const listed = ((await (await fetch(`${felt.url}/api/tables`)).json()) as { tableId: string; seated: number }[]).find((t) => t.tableId === tableId);
        assert.equal(listed?.seated, 0, 'no buy-in went through');
        // The guest's welcome chips went out with the admin's debit; the refused buy-ins moved nothing.
        assert.equal(await felt.server.db.ledger.totalHeld(), before);
      } finally {
        await felt.close();
      }
    });

    it('when an abuser stops while still over its budget then its drain is answered once the budget has refilled, not left waiting for a dropped marker', async () => {
      // Two messages a second, bursts of 10: 15 messages leave a debt of 5 (dropped, not cut) that takes seconds to pay.
      const felt = await startFelt(backend, { FELT_ADMIN_USERNAME: ADMIN.username, FELT_ADMIN_PASSWORD: ADMIN.password, FELT_MESSAGE_RATE: '2', FELT_MESSAGE_BURST: '10' });
      try {
        const tableId = await felt.openTable();
        const table: TableListing = { tableId, name: 'test', variant: 'NT', minBuyIn: 40, maxBuyIn: 200, bigBlind: 2, seated: 0, maxSeats: 6 };
        const group = await AbuserGroup.open({ url: felt.url, tables: [table], ratePerS: 1, admin: ADMIN, weights: { unaffordableSit: 0, unknownType: 1, malformed: 0, junkFrame: 0, brokenFrame: 0 } });
        try {
          const [abuser] = group.abusers;
          const answers = (code: string): number => group.counters.window(1).answersByCode[code] ?? 0;
          abuser.send(15);
          await until(() => answers('rate_limited') === 1 && answers('unknown_message') === 10, () => group.counters.window(1), 10_000);

          const drain = await group.drain(20_000);

          assert.equal(drain.drained, true, `the marker was answered (${JSON.stringify(drain)})`);
          assert.equal(abuser.connected, true, 'never cut');
        } finally {
          await group.close();
        }
      } finally {
        await felt.close();
      }
    });
  });
}
