import { createServer } from 'node:net';

/**
 * A loopback port nobody listens on right now, for a server that must know
 * its port before it starts (a child process, a cluster member, a restart on
 * the same address); a server that can say where it listened uses port 0.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
