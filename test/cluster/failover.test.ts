import assert from 'node:assert/strict';
import { describeCluster, useCluster } from '../support/cluster.ts';
import { addTable, assertResumed, eventually, joinWhenBack, listedTables, ownerOf, playOneAction, snapshotCaughtUp, startAHand } from './helpers.ts';

/** The goal: every table of a killed process playable again within this long. */
const FAILOVER_GOAL_MS = 5_000;

describeCluster('cluster: a killed process loses no table', function () {
  this.timeout(120_000);
  const env = useCluster(2);

  it('when the process hosting a hand is killed then its tables come back on the other under the same ids with every chip', async () => {
    const { cluster, db } = env;
    const [a, b] = cluster.nodes;
    const played = await addTable(db, a.url);
    const idle = await addTable(db, a.url);
    assert.equal(await ownerOf(db, played), b.processId);
    assert.equal(await ownerOf(db, idle), b.processId);
    const survivorTables = (await db.tables.listOpen()).filter((t) => t.ownerProcess === a.processId).map((t) => t.id);
    assert.ok(survivorTables.length > 0, 'both processes run tables');

    const { players, before } = await startAHand(a.url, played);
    await snapshotCaughtUp(db, played, players[0].room);
    const held = await db.ledger.totalHeld();
    for (const p of players) p.room.reconnection.enabled = false;

    const killedAt = Date.now();
    await cluster.kill(1);
    const rooms = [];
    for (const [i, p] of players.entries()) {
      const room = await joinWhenBack(a.url, played, p.token, 15_000);
      await assertResumed(room, p, before[i]);
      rooms.push({ id: p.id, room });
    }
    await playOneAction(rooms);
    const failoverMs = Date.now() - killedAt;
    console.log(`      failover: kill -9 to the hand playable again on the survivor in ${failoverMs} ms`);
    assert.ok(failoverMs < FAILOVER_GOAL_MS, `failover took ${failoverMs} ms`);

    assert.equal(await ownerOf(db, played), a.processId);
    await eventually(async () => (await ownerOf(db, idle)) === a.processId, 5_000, 'the idle table to move too');
    const listed = await listedTables(a.url);
    for (const id of [played, idle, ...survivorTables]) assert.ok(listed.includes(id), `${id} is listed once more`);
    assert.equal(new Set(listed).size, listed.length, 'no table is listed twice');
    assert.equal(await db.ledger.totalHeld(), held);
    assert.equal(await db.ledger.balance('table', played), 200);
    for (const { room } of rooms) await room.leave(true);
  });
});
