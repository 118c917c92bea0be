import assert from 'node:assert/strict';
import { Client } from '@colyseus/sdk';
import { describeCluster, useCluster } from '../support/cluster.ts';
import { addTable, guest, listedTables, ownerOf, playOneAction, startAHand } from './helpers.ts';

describeCluster('cluster: seat reservations route to the hosting process', function () {
  this.timeout(90_000);
  const env = useCluster(2);

  it('when both processes answer /api/health then they report Redis presence', async () => {
    const { cluster } = env;
    for (const node of cluster.nodes) {
      const health = (await (await fetch(`${node.url}/api/health`)).json()) as { presence: string; processId: string };
      assert.equal(health.presence, 'redis');
      assert.equal(health.processId, node.processId);
    }
  });

  it('when a table opens on the second process then the first lists it and seats a player there', async () => {
    const { cluster, db } = env;
    const [a, b] = cluster.nodes;
    const tableId = await addTable(db, b.url);
    assert.equal(await ownerOf(db, tableId), b.processId, 'the newcomer takes the new table: it had none');
    assert.ok((await listedTables(a.url)).includes(tableId));

    // The reservation is made by A; the socket goes where the room lives.
    const sockets: string[] = [];
    const watcher = await guest(a.url, 'Watcher');
    const watching = await new Client(a.url, { urlBuilder: (url) => (sockets.push(url.toString()), url.toString()) }).joinById(tableId, { token: watcher.token });
    const socket = new URL(sockets.find((url) => url.startsWith('ws')) ?? '');
    assert.equal(socket.port, String(b.port));

    const { players } = await startAHand(a.url, tableId);
    await playOneAction(players);
    for (const p of players) await p.room.leave(true);
    await watching.leave(true);
  });
});
