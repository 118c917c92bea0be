import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { headers: IncomingMessage['headers']; body: any };

/** A webhook receiver on a free port that records every request and answers with the next status of `statuses` (the last one repeats; 0 never answers). */
export async function webhookReceiver(statuses: number[] = [204]): Promise<{ url: string; received: Received[]; next(): Promise<Received>; close(): Promise<void> }> {
  const received: Received[] = [];
  const waiting: ((request: Received) => void)[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const request = { headers: req.headers, body: JSON.parse(text) };
      received.push(request);
      waiting.shift()?.(request);
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)];
      if (status !== 0) res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/felt`,
    received,
    next: () => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no webhook request within 10 s')), 10_000);
      waiting.push((request) => {
        clearTimeout(timer);
        resolve(request);
      });
    }),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
