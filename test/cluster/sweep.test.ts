import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { describeCluster, useCluster } from '../support/cluster.ts';
import { waitFor } from '../support/felt.ts';
import { addTable, eventually, guest, joinWhenBack, listedTables, ownerOf } from './helpers.ts';

/** Presence keys of `src/cluster/ownership.ts` and the Redis driver's listings. */
const HOSTS_KEY = 'felt:table-hosts';
const LISTINGS_KEY = 'roomcaches';

describeCluster('cluster: a process a peer swept while it still held its tables', function () {
  this.timeout(60_000);
  const env = useCluster(2);

  it('when a peer forgets a live process and its listings then that process lists its tables again and they can be joined', async () => {
    const { cluster, db } = env;
    const [a, b] = cluster.nodes;
    const tableId = await addTable(db, a.url);
    assert.equal(await ownerOf(db, tableId), b.processId);
    const redis = new Redis(process.env.REDIS_URL as string, { keyPrefix: cluster.redisPrefix });
    try {
      // What a peer does to a process it takes for dead (`sweepHosts`): out of the hosts, its listings gone.
      const hosts = await redis.hgetall(HOSTS_KEY);
      const pid = Object.keys(hosts).find((key) => hosts[key] === b.processId);
      assert.ok(pid, 'the second process is a table host');
      await redis.hdel(HOSTS_KEY, pid);
      const listings = await redis.hgetall(LISTINGS_KEY);
      const its = Object.keys(listings).filter((roomId) => (JSON.parse(listings[roomId]) as { processId: string }).processId === pid);
      assert.ok(its.includes(tableId), 'the table was listed by the second process');
      await redis.hdel(LISTINGS_KEY, ...its);
      assert.ok(!(await listedTables(a.url)).includes(tableId), 'the sweep unlisted the table');

      // Its next scan finds it missing from the hosts: it joins them again and relists what it still holds.
      await eventually(async () => (await listedTables(a.url)).includes(tableId), 5_000, 'the table to be listed again');
      assert.equal((await redis.hget(HOSTS_KEY, pid)) ?? null, b.processId);
      assert.equal(await ownerOf(db, tableId), b.processId);
      const listing = JSON.parse((await redis.hget(LISTINGS_KEY, tableId)) as string) as { processId: string };
      assert.equal(listing.processId, pid, 'listed by the process that runs it');
    } finally {
      redis.disconnect();
    }

    // A join by table id through the other process reaches it.
    const carol = await guest(a.url, 'Carol');
    const room = await joinWhenBack(a.url, tableId, carol.token, 5_000);
    await waitFor(room, (state) => state.tableId === tableId);
    assert.equal(await ownerOf(db, tableId), b.processId);
    await room.leave(true);
  });
});
