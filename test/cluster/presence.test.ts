import assert from 'node:assert/strict';
import { LocalDriver, LocalPresence } from '@colyseus/core';
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
});
