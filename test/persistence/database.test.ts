import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../src/persistence/database.ts';
import { describeEachBackend, withFreshDatabase } from './databases.ts';
import { asStored, tableInHand } from './table-states.ts';
import { useTempDir } from '../support/temp-dir.ts';

describeEachBackend('database', (backend) => {
  it('when opened then it names its engine and answers a ping, and when closed then it no longer does', async () => {
    await withFreshDatabase(backend, async (db) => {
      assert.equal(db.kind, backend.label);
      assert.equal(await db.ping(), true);
      await db.close();
      assert.equal(await db.ping(), false);
    });
  });
});

describe('database [pglite files]', () => {
  const tempDir = useTempDir('felt-pglite-');

  it('when a file-backed database is closed and reopened with its deck key then players, money and snapshots (live deck too) are still there', async () => {
    const deckKey = randomBytes(32);
    const live = tableInHand('t1').state;
    const first = await openDatabase({ dataDir: tempDir(), deckKey });
    const guest = await first.players.createGuest('Grace', 700);
    await first.ledger.transfer({
      key: 'buy-in-1', reason: 'buyIn',
      entries: [{ kind: 'player', owner: guest.id, amount: -200 }, { kind: 'table', owner: 't1', amount: 200 }],
    });
    await first.snapshots.saveMany([{ tableId: 't1', version: 3, state: live }]);
    await first.close();

    const second = await openDatabase({ dataDir: tempDir(), deckKey });
    try {
      assert.equal(second.kind, 'pglite');
      assert.deepEqual(await second.players.findById(guest.id), guest);
      assert.equal(await second.ledger.balance('player', guest.id), 500);
      assert.equal(await second.ledger.balance('table', 't1'), 200);
      assert.deepEqual((await second.snapshots.load('t1'))?.state, asStored(live));
    } finally {
      await second.close();
    }
  });
});
