import assert from 'node:assert/strict';
import type { Room } from '@colyseus/sdk';
import type { Database } from '../../src/persistence/database.ts';
import { BACKENDS } from '../persistence/databases.ts';
import { seatOf, startFelt, waitFor, waitForDurable, leaveRooms, type Felt } from '../support/felt.ts';
import { startAHand } from '../support/hand-in-play.ts';

/** Counts, from now on, the ledger transfers tried and the snapshot batches written through `db`. */
function countWrites(db: Database): () => { transfers: number; snapshotWrites: number } {
  const counts = { transfers: 0, snapshotWrites: 0 };
  const transfer = db.ledger.transfer.bind(db.ledger);
  const saveMany = db.snapshots.saveMany.bind(db.snapshots);
  db.ledger.transfer = (input) => {
    counts.transfers++;
    return transfer(input);
  };
  db.snapshots.saveMany = (...args) => {
    counts.snapshotWrites++;
    return saveMany(...args);
  };
  return () => ({ ...counts });
}

/** A guest whose wallet has been emptied (an admin debit). */
async function brokeGuest(felt: Felt, name: string): Promise<{ token: string; id: string }> {
  const guest = await felt.guest(name);
  const balance = await felt.server.db.ledger.balance('player', guest.id);
  await felt.server.db.ledger.transfer({
    key: `test-debit:${guest.id}`, reason: 'debit',
    entries: [{ kind: 'player', owner: guest.id, amount: -balance }, { kind: 'external', owner: 'admin', amount: balance }],
  });
  return guest;
}

function errorsOf(room: Room): any[] {
  const errors: any[] = [];
  room.onMessage('error', (error: any) => errors.push(error));
  return errors;
}

for (const backend of BACKENDS) {
  describe(`table room: refusals cost no database work [${backend.label}]`, function () {
    this.timeout(60_000);
    let felt: Felt;
    const rooms: Room[] = [];

    before(async () => {
      // The message budget out of the way: this is about what a refusal costs, not how many are let in.
      felt = await startFelt(backend, { FELT_MESSAGE_BURST: '100000' });
    });

    afterEach(async () => {
      await leaveRooms(rooms);
    });

    after(async () => {
      await felt.close();
    });

    it('when a watcher with an empty wallet sends 1,000 sits then each is refused with no ledger transfer and no snapshot write, and play goes on here and at another table', async () => {
      const tableId = await felt.openTable();
      const elsewhere = await felt.openTable();
      const { players } = await startAHand(felt.url, tableId);
      rooms.push(...players.map((p) => p.room));
      const broke = await brokeGuest(felt, 'Wat');
      const watcher = await felt.client().joinById(tableId, { token: broke.token });
      rooms.push(watcher);
      await waitForDurable(felt.url);
      const written = countWrites(felt.server.db);
      const errors = errorsOf(watcher);

      for (let i = 0; i < 1_000; i++) watcher.send('sit', { buyIn: 100 });
      await waitFor(watcher, () => errors.length >= 1_000, 30_000);

      assert.deepEqual(new Set(errors.map((error) => error.code)), new Set(['insufficient_funds']));
      await waitForDurable(felt.url);
      assert.deepEqual(written(), { transfers: 0, snapshotWrites: 0 });
      // The big blind, to act after the small blind's call, checks: the flop comes.
      const room = players[0].room;
      const acting = players.find((p) => seatOf(room.state, p.id)?.seat === room.state.toAct);
      assert.ok(acting, 'a player is to act');
      acting.room.send('act', { action: 'check' });
      await waitFor(room, (state) => state.phase === 'flop');
      const cat = await felt.guest('Cat');
      const there = await felt.client().joinById(elsewhere, { token: cat.token });
      rooms.push(there);
      there.send('sit', { buyIn: 100 });
      await waitFor(there, (state) => seatOf(state, cat.id));
      assert.equal(written().transfers, 1, 'the buy-in at the other table, and nothing else');
      assert.equal(watcher.connection.isOpen, true, 'refusals are not a reason to disconnect');
    });

    it('when a seated player floods actions out of turn then each is refused at once, and the player to act still acts', async () => {
      const tableId = await felt.openTable();
      const { players } = await startAHand(felt.url, tableId);
      rooms.push(...players.map((p) => p.room));
      const room = players[0].room;
      const acting = players.find((p) => seatOf(room.state, p.id)?.seat === room.state.toAct);
      const waiting = players.find((p) => p !== acting);
      assert.ok(acting && waiting);
      await waitForDurable(felt.url);
      const written = countWrites(felt.server.db);
      const errors = errorsOf(waiting.room);

      for (let i = 0; i < 1_000; i++) waiting.room.send('act', { action: 'fold' });
      acting.room.send('act', { action: 'check' });
      await waitFor(room, (state) => state.phase === 'flop' && errors.length >= 1_000);

      assert.deepEqual(new Set(errors.map((error) => error.code)), new Set(['not_your_turn']));
      assert.equal(written().transfers, 0);
    });

    it('when a watcher joins and leaves again and again then the table writes nothing', async () => {
      const tableId = await felt.openTable();
      const { token } = await felt.guest('Rej');
      await waitForDurable(felt.url);
      const written = countWrites(felt.server.db);

      for (let i = 0; i < 10; i++) {
        const room = await felt.client().joinById(tableId, { token });
        await room.leave(true);
      }
      await waitForDurable(felt.url);

      assert.deepEqual(written(), { transfers: 0, snapshotWrites: 0 });
    });

    it('when a player\'s balance grows elsewhere after a refusal then a later buy-in reads it again and goes through', async () => {
      const tableId = await felt.openTable();
      const broke = await brokeGuest(felt, 'Wat');
      const room = await felt.client().joinById(tableId, { token: broke.token });
      rooms.push(room);
      const errors = errorsOf(room);
      room.send('sit', { buyIn: 100 });
      await waitFor(room, () => errors.length === 1);
      assert.equal(errors[0].code, 'insufficient_funds');
      await felt.server.db.ledger.transfer({
        key: `test-credit:${broke.id}`, reason: 'credit',
        entries: [{ kind: 'external', owner: 'admin', amount: -500 }, { kind: 'player', owner: broke.id, amount: 500 }],
      });

      // Asked again until the room reads the balance anew (at most every few seconds): never refused for good.
      const seated = waitFor(room, (state) => seatOf(state, broke.id), 20_000);
      const asking = setInterval(() => room.send('sit', { buyIn: 100 }), 500);
      try {
        await seated;
      } finally {
        clearInterval(asking);
      }
      assert.equal(await felt.server.db.ledger.balance('player', broke.id), 400);
    });
  });
}
