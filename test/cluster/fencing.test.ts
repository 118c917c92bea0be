import assert from 'node:assert/strict';
import { matchMaker } from '@colyseus/core';
import type { Room } from '@colyseus/sdk';
import { BACKENDS } from '../persistence/databases.ts';
import { seatOf, startFelt, waitFor, waitForDurable, type Felt } from '../support/felt.ts';

type Player = { id: string; room: Room; left: Promise<number> };

for (const backend of BACKENDS) {
  describe(`lease fencing [${backend.label}]`, function () {
    this.timeout(30_000);
    let felt: Felt;

    beforeEach(async () => {
      felt = await startFelt(backend);
    });

    afterEach(async () => {
      await felt.close();
    });

    /** A player in the room, who does not reconnect on their own: `left` is the close code the server sends. */
    async function join(tableId: string, name: string): Promise<Player> {
      const { token, id } = await felt.guest(name);
      const room = await felt.client().joinById(tableId, { token });
      room.reconnection.enabled = false;
      const left = new Promise<number>((resolve) => room.onLeave((code: number) => resolve(code)));
      return { id, room, left };
    }

    /**
     * Another process takes the table over, as a survivor does once the
     * lease has run out: one UPDATE, so this process cannot renew in between.
     */
    async function stealLease(tableId: string): Promise<void> {
      await felt.server.db.orm.em.fork().execute(
        'update "poker_table" set "owner_process" = ?, "lease_until" = ? where "id" = ?',
        ['the-new-owner', new Date(Date.now() + 60_000), tableId],
      );
    }

    async function roomGone(tableId: string): Promise<void> {
      for (let i = 0; i < 200 && matchMaker.getLocalRoomById(tableId); i++) await new Promise((r) => setTimeout(r, 25));
      assert.equal(matchMaker.getLocalRoomById(tableId), undefined, 'the room disposed');
    }

    it('when another process takes the lease mid-hand then the room stops, its players are sent away and the snapshot stays as it was', async () => {
      const tableId = await felt.openTable();
      const players = [await join(tableId, 'Ann'), await join(tableId, 'Bob')];
      for (const p of players) p.room.send('sit', { buyIn: 100 });
      const actor = await waitFor(players[0].room, (state) => state.handNumber === 1 && state.toAct >= 0 && { seat: state.toAct as number });
      await waitForDurable(felt.url);
      const before = await felt.server.db.snapshots.load(tableId);
      const houseBefore = await felt.server.db.ledger.balance('house', `rake:${tableId}`);

      await stealLease(tableId);
      // The old room still runs: the fold ends the hand, whose record, rake and snapshot it would write.
      const acting = players.find((p) => seatOf(players[0].room.state, p.id)?.seat === actor.seat);
      acting?.room.send('act', { action: 'fold' });

      assert.deepEqual(await Promise.all(players.map((p) => p.left)), [4001, 4001]);
      await roomGone(tableId);
      assert.deepEqual(await felt.server.db.snapshots.load(tableId), before);
      assert.equal(await felt.server.db.hands.count({ tableId }), 0);
      assert.equal(await felt.server.db.ledger.balance('house', `rake:${tableId}`), houseBefore);
      assert.equal(await felt.server.db.ledger.balance('table', tableId), 200);
      assert.equal((await felt.server.db.tables.get(tableId))?.ownerProcess, 'the-new-owner');
    });

    it('when a player buys in after the lease is gone then no money moves and the room stops', async () => {
      const tableId = await felt.openTable();
      const ann = await join(tableId, 'Ann');
      await waitForDurable(felt.url);
      const before = await felt.server.db.snapshots.load(tableId);
      const walletBefore = await felt.server.db.ledger.balance('player', ann.id);

      await stealLease(tableId);
      ann.room.send('sit', { buyIn: 100 });

      assert.equal(await ann.left, 4001);
      await roomGone(tableId);
      assert.equal(await felt.server.db.ledger.balance('player', ann.id), walletBefore);
      assert.equal(await felt.server.db.ledger.balance('table', tableId), 0);
      assert.deepEqual(await felt.server.db.snapshots.load(tableId), before);
    });

    it('when the lease renewal finds the lease taken then the idle room stops and its players are sent away', async () => {
      const tableId = await felt.openTable();
      const ann = await join(tableId, 'Ann');
      await waitForDurable(felt.url);
      const before = await felt.server.db.snapshots.load(tableId);

      await stealLease(tableId);

      // Nothing happens at the table: only the next renewal (a third of the 3 s lease) can notice.
      assert.equal(await ann.left, 4001);
      await roomGone(tableId);
      assert.deepEqual(await felt.server.db.snapshots.load(tableId), before);
    });
  });
}
