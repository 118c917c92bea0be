import assert from 'node:assert/strict';
import type { Room } from '@colyseus/sdk';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { describeCluster, startCluster, type TestCluster } from '../support/cluster.ts';
import { seatOf, waitFor } from '../support/felt.ts';
import { autoPlay } from '../rooms/play.ts';
import { addTable, assertResumed, handOnSecondProcess, joinWhenBack, ownerOf, playOneAction, startAHand } from './helpers.ts';

function left(room: Room): Promise<number> {
  return new Promise((resolve) => room.onLeave((code: number) => resolve(code)));
}

describeCluster('cluster: a graceful shutdown hands the tables over', function () {
  this.timeout(120_000);
  let cluster: TestCluster | undefined;
  let db: Database | undefined;

  async function twoProcesses(drainMs: number): Promise<{ cluster: TestCluster; db: Database }> {
    cluster = await startCluster(2, { env: { FELT_DRAIN_MS: String(drainMs) } });
    db = await openDatabase({ databaseUrl: cluster.databaseUrl, deckKey: cluster.deckKey });
    return { cluster, db };
  }

  afterEach(async () => {
    await db?.close();
    await cluster?.close();
    db = undefined;
    cluster = undefined;
  });

  it('when a process is stopped mid-hand then the hand finishes there, no new one is dealt, and the table deals on at the other process', async () => {
    const { cluster, db } = await twoProcesses(30_000);
    const [a, b] = cluster.nodes;
    const tableId = await addTable(db, a.url);
    assert.equal(await ownerOf(db, tableId), b.processId);
    const { players } = await startAHand(a.url, tableId);
    const held = await db.ledger.totalHeld();
    for (const p of players) p.room.reconnection.enabled = false;
    const gone = players.map((p) => left(p.room));

    const stopping = cluster.stop(1);
    // The players finish the hand on the stopping process; it deals no other and then lets them go.
    const stops = players.map((p) => autoPlay(p.room, p.id));
    // autoPlay answers patches; the first action makes the first one.
    await playOneAction(players);
    await Promise.all(gone);
    stops.forEach((stop) => stop());
    assert.equal(players[0].room.state.handNumber, 1);
    assert.notEqual(players[0].room.state.phase, 'waiting', 'the last thing seen is hand 1 ending, not a new deal');
    const stoppedAt = Date.now();
    assert.equal(await stopping, 0, 'the process exits cleanly');

    const rooms = [];
    for (const p of players) {
      const room = await joinWhenBack(a.url, tableId, p.token, 10_000);
      rooms.push({ id: p.id, room });
    }
    console.log(`      hand-over: process gone to the table joinable on the other in ${Date.now() - stoppedAt} ms`);
    assert.equal(await ownerOf(db, tableId), a.processId);
    const state = await waitFor(rooms[0].room, (s) => s.handNumber === 2 && s.toAct >= 0 && s, 15_000);
    assert.ok(state, 'the next hand is dealt by the new owner');
    const stacks = rooms.map(({ room, id }) => seatOf(room.state, id));
    assert.equal(stacks.length, 2);
    await playOneAction(rooms);
    assert.equal(await db.ledger.totalHeld(), held);
    for (const { room } of rooms) await room.leave(true);
  });

  it('when the hand outlasts the drain time then the table moves mid-hand and the players find it as it was', async () => {
    const { cluster, db } = await twoProcesses(300);
    const [a] = cluster.nodes;
    const { tableId, players, before, held } = await handOnSecondProcess(cluster, db);

    const stoppedAt = Date.now();
    assert.equal(await cluster.stop(1), 0);
    const rooms = [];
    for (const [i, p] of players.entries()) {
      const room = await joinWhenBack(a.url, tableId, p.token, 10_000);
      await assertResumed(room, p, before[i]);
      rooms.push({ id: p.id, room });
    }
    await playOneAction(rooms);
    console.log(`      hand-over mid-hand: SIGTERM to the hand playable on the other process in ${Date.now() - stoppedAt} ms`);
    assert.equal(await ownerOf(db, tableId), a.processId);
    assert.equal(await db.ledger.totalHeld(), held);
    assert.equal(await db.ledger.balance('table', tableId), 200);
    for (const { room } of rooms) await room.leave(true);
  });
});
