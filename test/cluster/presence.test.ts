import assert from 'node:assert/strict';
import { initializeRoomCache, LocalDriver, LocalPresence } from '@colyseus/core';
import { clusterBackend } from '../../src/cluster/presence.ts';

describe('cluster: presence and driver selection', () => {
  it('when REDIS_URL is unset then presence and driver are local and clients stay on the address they used', () => {
    const backend = clusterBackend({ redisUrl: undefined, redisPrefix: undefined, publicAddress: undefined, port: 2567 });
    assert.equal(backend.kind, 'local');
    assert.ok(backend.presence instanceof LocalPresence);
    assert.ok(backend.driver instanceof LocalDriver);
    assert.equal(backend.publicAddress, undefined);
    backend.close();
  });

  const redisUrl = process.env.REDIS_URL;
  (redisUrl ? it : it.skip)(`when REDIS_URL is set then presence is Redis and each process names its own address${redisUrl ? '' : ' (skipped: REDIS_URL is unset)'}`, async () => {
    const prefix = `felt-test-presence-${process.pid}:`;
    const backend = clusterBackend({ redisUrl, redisPrefix: prefix, publicAddress: undefined, port: 3101 });
    const other = clusterBackend({ redisUrl, redisPrefix: prefix, publicAddress: 'node2.example:3102', port: 3102 });
    try {
      assert.equal(backend.kind, 'redis');
      assert.equal(backend.publicAddress, '127.0.0.1:3101');
      assert.equal(other.publicAddress, 'node2.example:3102');
      // Both see one store under the prefix: what one process writes, the other reads.
      await backend.presence.hset('probe', 'a', '1');
      assert.deepEqual(await other.presence.hgetall('probe'), { a: '1' });
      await backend.presence.del('probe');
    } finally {
      backend.close();
      other.close();
      await backend.driver.shutdown();
      await other.driver.shutdown();
    }
  });

  (redisUrl ? it : it.skip)(`when another process has listed a room then this process's updates leave that listing alone${redisUrl ? '' : ' (skipped: REDIS_URL is unset)'}`, async () => {
    const prefix = `felt-test-listings-${process.pid}:`;
    const backend = clusterBackend({ redisUrl, redisPrefix: prefix, publicAddress: undefined, port: 3103 });
    const listing = (processId: string, clients: number) => initializeRoomCache({ roomId: 't-1', name: 'table', processId, clients });
    const stored = async () => (await backend.driver.findByIds?.(['t-1']))?.get('t-1');
    try {
      // The table's new host lists it (a new room is listed whatever was there).
      assert.equal(await backend.driver.persist(listing('new-host', 0), true), true);
      // The old host's room, going away, counts a client out and persists: both refused.
      assert.equal(await backend.driver.update(listing('old-host', 2), { $inc: { clients: -1 } }), false);
      assert.equal(await backend.driver.persist(listing('old-host', 1)), false);
      assert.equal((await stored())?.processId, 'new-host');
      assert.equal((await stored())?.clients, 0);
      // Its own listing, or none, a process writes as before.
      assert.equal(await backend.driver.update(listing('new-host', 0), { $inc: { clients: 1 } }), true);
      assert.equal((await stored())?.clients, 1);
      await backend.driver.clear();
      assert.equal(await backend.driver.update(listing('old-host', 1), { $set: { locked: true } }), true);
      assert.equal((await stored())?.locked, true);
    } finally {
      await backend.driver.clear();
      backend.close();
      await backend.driver.shutdown();
    }
  });
});
