import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createApiRouter } from '../../src/api/router.ts';
import { createLogger } from '../../src/log.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { requestContext, requestIdFrom } from '../../src/observability/request-context.ts';
import { testConfig } from '../api/helpers.ts';

type LogLine = { level: number; msg: string; requestId?: string; [key: string]: unknown };

const INFO = 30;
const ERROR = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('observability: request ids and request logs', () => {
  let db: Database;
  let server: Server;
  let url: string;
  const lines: LogLine[] = [];

  before(async () => {
    db = await openDatabase({});
    const config = testConfig({ FELT_LOG_LEVEL: 'info' });
    const log = createLogger(config, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
    const app = express();
    // As the server mounts it: app-wide, before the router that mounts it again.
    app.use(requestContext(log));
    app.get('/outside', (_req, res) => {
      res.type('text/plain').send('not the API');
    });
    app.use(createApiRouter({
      db, config, secret: new Uint8Array(32), log,
      listTables: async () => {
        throw new Error('the matchmaker is gone');
      },
      health: async () => ({ db: true, presence: 'local' }),
    }));
    server = app.listen(0);
    await new Promise<void>((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
  });

  /** The log lines of one request, once its request line is written. */
  async function linesOf(requestId: string): Promise<LogLine[]> {
    for (let i = 0; i < 100 && !lines.some((l) => l.requestId === requestId && l.msg === 'request'); i++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    return lines.filter((l) => l.requestId === requestId);
  }

  it('when a request sends a sane X-Request-Id then the response echoes it and its log line carries it', async () => {
    const response = await fetch(`${url}/api/health?verbose=1`, { headers: { 'X-Request-Id': 'lb-7f3a:42' } });

    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-request-id'), 'lb-7f3a:42');
    const logged = await linesOf('lb-7f3a:42');
    assert.equal(logged.length, 1, 'one request line, though the context is mounted twice');
    assert.equal(logged[0].level, INFO);
    assert.equal(logged[0].method, 'GET');
    assert.equal(logged[0].path, '/api/health', 'the path without its query string');
    assert.equal(logged[0].status, 200);
    assert.equal(typeof logged[0].durationMs, 'number');
  });

  it('when a request sends no id then a fresh one is made for each request', async () => {
    const first = (await fetch(`${url}/api/health`)).headers.get('x-request-id') ?? '';
    const second = (await fetch(`${url}/api/health`)).headers.get('x-request-id') ?? '';

    assert.match(first, UUID);
    assert.match(second, UUID);
    assert.notEqual(first, second);
    assert.equal((await linesOf(first)).length, 1);
  });

  it('when the incoming id is not sane then it is replaced by a fresh one', async () => {
    for (const bad of ['x'.repeat(200), 'two words', '"quoted"', '']) {
      const id = (await fetch(`${url}/api/health`, { headers: { 'X-Request-Id': bad } })).headers.get('x-request-id') ?? '';
      assert.match(id, UUID, JSON.stringify(bad));
    }
  });

  it('when a route fails then the 500 problem carries the request id and so does the error log line', async () => {
    const response = await fetch(`${url}/api/tables`, { headers: { 'X-Request-Id': 'trace-500' } });
    const problem = (await response.json()) as Record<string, unknown>;

    assert.equal(response.status, 500);
    assert.equal(problem.code, 'internal_error');
    assert.equal(problem.requestId, 'trace-500');
    assert.equal(response.headers.get('x-request-id'), 'trace-500');
    const logged = await linesOf('trace-500');
    const failure = logged.find((l) => l.level === ERROR);
    assert.ok(failure, 'the error is logged with the request id');
    assert.match(String((failure.err as { message?: string })?.message), /matchmaker is gone/);
    assert.equal(logged.find((l) => l.msg === 'request')?.status, 500);
  });

  it('when a request fails on the client side then its problem has no request id but the header does', async () => {
    const response = await fetch(`${url}/api/nowhere`);
    const problem = (await response.json()) as Record<string, unknown>;

    assert.equal(response.status, 404);
    assert.equal(problem.requestId, undefined);
    assert.match(response.headers.get('x-request-id') ?? '', UUID);
  });

  it('when a request is outside the API then it gets an id and a log line too', async () => {
    const response = await fetch(`${url}/outside`);

    const id = response.headers.get('x-request-id') ?? '';
    assert.match(id, UUID);
    assert.equal((await linesOf(id))[0]?.path, '/outside');
  });

  it('when an id is checked then sane ones pass and anything else is replaced', () => {
    assert.equal(requestIdFrom('abc-123_x.y:z'), 'abc-123_x.y:z');
    assert.equal(requestIdFrom('Root=1-5759e988-bd862e3fe1be46a994272793'), 'Root=1-5759e988-bd862e3fe1be46a994272793');
    assert.match(requestIdFrom(undefined), UUID);
    assert.match(requestIdFrom('a\nb'), UUID);
    assert.match(requestIdFrom('x'.repeat(129)), UUID);
  });
});
