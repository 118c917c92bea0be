import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { buildWeb } from '../../web/build.ts';
import { webRoutes } from '../../src/web/serve.ts';
import { startFelt, type Felt } from '../support/felt.ts';

const ADMIN = { FELT_ADMIN_USERNAME: 'root', FELT_ADMIN_PASSWORD: 'long-enough-pass' };
const HTML = { accept: 'text/html,application/xhtml+xml' };

describe('web: the pages Felt serves (src/web/serve.ts)', function () {
  this.timeout(60_000);
  let felt: Felt;
  let adminToken: string;

  before(async () => {
    await buildWeb({ ifStale: true });
    felt = await startFelt(null, ADMIN);
    const login = await fetch(`${felt.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: ADMIN.FELT_ADMIN_USERNAME, password: ADMIN.FELT_ADMIN_PASSWORD }),
    });
    adminToken = ((await login.json()) as { token: string }).token;
  });

  after(async () => {
    await felt?.close();
  });

  const get = (path: string, headers: Record<string, string> = HTML): Promise<Response> => fetch(`${felt.url}${path}`, { headers, redirect: 'manual' });

  it('when a browser asks for / or any path of the client then it gets the play page, and /admin paths get the dashboard', async () => {
    for (const path of ['/', '/table/some-table', '/history/some-hand']) {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.match(await response.text(), /<title>Felt<\/title>/, path);
    }
    for (const path of ['/admin', '/admin/', '/admin/players/p1']) {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      assert.match(await response.text(), /<title>Felt admin<\/title>/, path);
    }
  });

  it('when a page is served then its scripts come from Felt, named by content and cached for good', async () => {
    const page = await (await get('/')).text();
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    assert.ok(script, page);
    assert.doesNotMatch(page, /(src|href)="https?:/, 'nothing is loaded from another host');
    const asset = await get(script, {});
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type') ?? '', /javascript/);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    const missing = await get('/assets/no-such-file.js', {});
    assert.equal(missing.status, 404);
    assert.doesNotMatch(await missing.text(), /<html/i, 'a missing asset is not answered with a page');
  });

  it('when a path belongs to the server then no page answers it: the API, /metrics and health keep their answers', async () => {
    const unknown = await get('/api/no-such-thing');
    assert.equal(unknown.status, 404);
    assert.match(unknown.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal((await get('/api/health', {})).status, 200);
    const metrics = await get('/metrics');
    assert.equal(metrics.status, 200);
    assert.match(await metrics.text(), /felt_rooms/);
    assert.equal((await get('/__healthcheck')).status, 200);
  });

  it('when /docs is opened then Swagger UI from the package renders /api/openapi.json, and the package\'s demo page is not served', async () => {
    const page = await get('/docs');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /\/docs\/assets\/swagger-ui-bundle\.js/);
    assert.doesNotMatch(html, /(src|href)="https?:/);
    const init = await (await get('/docs/felt-docs.js', {})).text();
    assert.match(init, /url: '\/api\/openapi\.json'/);
    assert.match(init, /validatorUrl: null/);
    assert.equal((await get('/docs/assets/swagger-ui-bundle.js', {})).status, 200);
    assert.equal((await get('/docs/assets/index.html')).status, 404);
  });

  it('when someone without an admin cookie opens /monitor then they are refused, with a page for a browser and JSON for a script', async () => {
    const page = await get('/monitor/');
    assert.equal(page.status, 401);
    assert.match(await page.text(), /\/admin/);
    const api = await get('/monitor/api', { accept: 'application/json' });
    assert.equal(api.status, 401);
    assert.equal(((await api.json()) as { code: string }).code, 'missing_token');
    const player = await felt.guest('Peeker');
    const refused = await fetch(`${felt.url}/monitor/session`, { method: 'POST', headers: { authorization: `Bearer ${player.token}` } });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('set-cookie'), null);
    const viaQuery = await get(`/monitor/?token=${encodeURIComponent(player.token)}`);
    assert.equal(viaQuery.status, 302);
    assert.equal(viaQuery.headers.get('set-cookie'), null, 'a player\'s token buys no cookie');
    const forged = await get('/monitor/api', { cookie: 'felt_admin=not-a-token' });
    assert.equal(forged.status, 401);
  });

  it('when an admin trades their token for the cookie then the monitor answers, and signing out ends it', async () => {
    const session = await fetch(`${felt.url}/monitor/session`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
    assert.equal(session.status, 204);
    const cookie = session.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^felt_admin=[^;]+; Path=\/monitor; Max-Age=\d+; HttpOnly; SameSite=Strict/);
    const pair = cookie.split(';')[0];
    const rooms = await get('/monitor/api', { cookie: pair, accept: 'application/json' });
    assert.equal(rooms.status, 200);
    assert.ok(((await rooms.json()) as { rooms: { name: string }[] }).rooms.some((room) => room.name === 'table'));
    const page = await get('/monitor/', { ...HTML, cookie: pair });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<div id="app">/);
    assert.doesNotMatch(html, /(src|href)="https?:/, 'the monitor\'s page loads nothing from another host');
    const viaQuery = await get(`/monitor/?token=${encodeURIComponent(adminToken)}`);
    assert.equal(viaQuery.status, 302);
    assert.equal(viaQuery.headers.get('location'), '/monitor/', 'the token leaves the address');
    assert.match(viaQuery.headers.get('set-cookie') ?? '', /^felt_admin=/);
    const out = await fetch(`${felt.url}/monitor/session`, { method: 'DELETE' });
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie') ?? '', /^felt_admin=; Path=\/monitor; Max-Age=0/);
  });

  it('when the pages have not been built then a page request says how to build them', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'felt-web-'));
    const app = express().use(webRoutes({ db: felt.server.db, secret: new Uint8Array(32), distDir: empty }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: HTML });
      assert.equal(response.status, 503);
      assert.match(await response.text(), /npm run build:web/);
    } finally {
      server.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
