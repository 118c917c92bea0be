import assert from 'node:assert/strict';
import { describeCluster, useCluster } from '../support/cluster.ts';

describeCluster('api: the sign-in limit of a cluster', function () {
  this.timeout(60_000);
  const handle = useCluster(2, { env: { FELT_AUTH_RATE_LIMIT: '3' } });

  const guest = (url: string) => fetch(`${url}/api/auth/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

  it('when one address signs in on both processes then the cluster allows FELT_AUTH_RATE_LIMIT in all, not that many per process', async () => {
    const [a, b] = handle.cluster.nodes;

    const statuses = [];
    for (const url of [a.url, b.url, a.url, b.url, a.url]) statuses.push((await guest(url)).status);

    assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
  });
});
