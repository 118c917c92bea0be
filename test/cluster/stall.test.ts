import assert from 'node:assert/strict';
import { describeCluster, useCluster } from '../support/cluster.ts';
import { waitFor } from '../support/felt.ts';
import { assertResumed, guest, handOnSecondProcess, joinWhenBack, listedTables, ownerOf, playOneAction } from './helpers.ts';

describeCluster('cluster: a stalled process wakes up', function () {
  this.timeout(120_000);
  const env = useCluster(2);

  it('when a process stalls past its leases then its tables play on elsewhere, and when it wakes it lets them go without unlisting them', async () => {
    const { cluster, db } = env;
    const [a, b] = cluster.nodes;
    const { tableId, players, before, held } = await handOnSecondProcess(cluster, db);
    const sentAway = players.map((p) => new Promise<number>((resolve) => p.room.onLeave((code: number) => resolve(code))));

    // Frozen, not dead: its sockets stay open and its timers resume where they stopped.
    b.child.kill('SIGSTOP');
    const rooms = [];
    try {
      for (const [i, p] of players.entries()) {
        const room = await joinWhenBack(a.url, tableId, p.token, 15_000);
        await assertResumed(room, p, before[i]);
        rooms.push({ id: p.id, room });
      }
      assert.equal(await ownerOf(db, tableId), a.processId);
    } finally {
      b.child.kill('SIGCONT');
    }

    // Awake, it finds its leases taken and stops the rooms it still had: their clients are sent away to rejoin.
    assert.deepEqual(await Promise.all(sentAway), [4001, 4001]);
    await playOneAction(rooms);
    assert.equal(await db.ledger.totalHeld(), held);
    for (const url of [a.url, b.url]) {
      const listed = await listedTables(url);
      assert.ok(listed.includes(tableId), `${url} still lists the table`);
      assert.equal(new Set(listed).size, listed.length, 'no table is listed twice');
    }
    // A newcomer reserving a seat through the woken process is sent to the table's new host, without
    // waiting out the seats that joins made in its old room while it stalled (Colyseus keeps them 15 s).
    const carol = await guest(b.url, 'Carol');
    const room = await joinWhenBack(b.url, tableId, carol.token, 3_000);
    const handNumber = rooms[0].room.state.handNumber as number;
    await waitFor(room, (state) => state.handNumber === handNumber);
    assert.equal(await ownerOf(db, tableId), a.processId);
    for (const r of [room, ...rooms.map((p) => p.room)]) await r.leave(true);
  });
});
