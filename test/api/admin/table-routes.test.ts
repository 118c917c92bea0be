import assert from 'node:assert/strict';
import type { Room } from '@colyseus/sdk';
import { DEFAULT_TEMPLATES } from '../../../src/tables/default-templates.ts';
import { newTableId } from '../../../src/tables/seed.ts';
import { describeEachBackend } from '../../persistence/databases.ts';
import { autoPlay } from '../../rooms/play.ts';
import { leaveRooms, seatOf, startFelt, waitFor, type Felt } from '../../support/felt.ts';
import { expectProblem } from '../helpers.ts';
import { ADMIN_ENV, adminLogin, callFelt, sum, wallets, whenLeft } from './felt-admin.ts';

describeEachBackend('api: admin tables', (backend) => {
  let felt: Felt;
  let admin: string;
  let player: string;
  const rooms: Room[] = [];

  before(async function () {
    this.timeout(30_000);
    felt = await startFelt(backend, ADMIN_ENV);
    admin = (await adminLogin(felt)).token;
    player = (await felt.guest('Pat')).token;
  });

  afterEach(async () => {
    await leaveRooms(rooms);
  });

  after(async () => {
    await felt.close();
  });

  const call = (method: string, path: string, options: { token?: string; body?: unknown } = {}) => callFelt(felt, method, path, options);

  async function join(tableId: string, name: string): Promise<{ room: Room; id: string }> {
    const { token, id } = await felt.guest(name);
    const room = await felt.client().joinById(tableId, { token });
    rooms.push(room);
    return { room, id };
  }

  /** Two players seated at a fresh table, the first hand dealt. */
  async function handInPlay(): Promise<{ tableId: string; a: { room: Room; id: string }; b: { room: Room; id: string } }> {
    const tableId = await felt.openTable();
    const a = await join(tableId, 'Ann');
    const b = await join(tableId, 'Bob');
    a.room.send('sit', { buyIn: 100 });
    b.room.send('sit', { buyIn: 100 });
    await waitFor(a.room, (state) => state.handNumber >= 1 && state.phase === 'preflop');
    return { tableId, a, b };
  }

  /** The player on the clock checks or calls now: autoPlay answers only the patches after it starts. */
  function actNow(players: { room: Room; id: string }[]): void {
    for (const { room, id } of players) {
      const seat = seatOf(room.state, id);
      if (seat && seat.seat === room.state.toAct) room.send('act', { action: seat.legal.check ? 'check' : 'call' });
    }
  }

  async function template(overrides: Record<string, unknown> = {}) {
    return felt.server.db.templates.create({ ...DEFAULT_TEMPLATES[0], minTables: 0, name: 'Admin opened', ...overrides });
  }

  describe('auth', () => {
    const routes = [['GET', '/api/admin/tables'], ['POST', '/api/admin/tables'], ['GET', '/api/admin/tables/t-any'], ['POST', '/api/admin/tables/t-any/close']];

    it('when no token is sent then every table route answers 401', async () => {
      for (const [method, path] of routes) expectProblem(await call(method, path), 401, 'missing_token');
    });

    it('when a player who is not an admin calls then every table route answers 403', async () => {
      for (const [method, path] of routes) expectProblem(await call(method, path, { token: player }), 403, 'admin_only');
    });
  });

  describe('list', () => {
    it('when tables are open then the list shows each with its process, seats and status, a page at a time', async () => {
      const tableId = await felt.openTable({ name: 'Listed' });

      const all = await call('GET', '/api/admin/tables?limit=200', { token: admin });

      assert.equal(all.status, 200);
      assert.equal(all.body.total, all.body.items.length);
      const listed = all.body.items.find((table: any) => table.tableId === tableId);
      assert.equal(listed.name, 'Listed (test)');
      assert.equal(listed.seated, 0);
      assert.equal(listed.status, 'open');
      assert.equal(listed.processId, (await call('GET', '/api/health')).body.processId);
      assert.ok(listed.templateId);
      const second = await call('GET', '/api/admin/tables?limit=1&offset=1', { token: admin });
      assert.deepEqual(second.body.items, [all.body.items[1]]);
      assert.equal(second.body.total, all.body.total);
    });

    it('when the page query is not a number then it is a 400', async () => {
      expectProblem(await call('GET', '/api/admin/tables?limit=lots', { token: admin }), 400, 'invalid_request');
    });
  });

  describe('open', () => {
    it('when an admin opens a table from a template then it is 201 and its room is open at once', async () => {
      const from = await template();

      const opened = await call('POST', '/api/admin/tables', { token: admin, body: { templateId: from.id, name: 'Fresh felt' } });

      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      assert.equal(opened.body.templateId, from.id);
      assert.equal(opened.body.name, 'Fresh felt');
      assert.equal(opened.body.status, 'open');
      assert.ok(opened.body.processId);
      const room = await felt.client().joinById(opened.body.tableId, { token: player });
      rooms.push(room);
      await waitFor(room, (state) => state.tableId === opened.body.tableId && state.name === 'Fresh felt');
    });

    it('when no name is given then the table is named after its template', async () => {
      const from = await template({ name: 'Nameless' });
      const opened = await call('POST', '/api/admin/tables', { token: admin, body: { templateId: from.id } });
      assert.equal(opened.status, 201);
      assert.equal(opened.body.name, 'Nameless #1');
    });

    it('when the template is unknown then it is a 404, and when it is retired a 409', async () => {
      expectProblem(await call('POST', '/api/admin/tables', { token: admin, body: { templateId: 'no-such-template' } }), 404, 'not_found');
      const retired = await template({ name: 'Old' });
      await felt.server.db.templates.retire(retired.id);
      expectProblem(await call('POST', '/api/admin/tables', { token: admin, body: { templateId: retired.id } }), 409, 'template_retired');
    });

    it('when the body lacks a template id then it is a 400', async () => {
      expectProblem(await call('POST', '/api/admin/tables', { token: admin, body: { name: 'x' } }), 400, 'invalid_request');
    });
  });

  describe('inspect', function () {
    this.timeout(30_000);

    it('when a hand is in play then the admin sees seats, stacks, pots and the hand so far, but no hole card', async () => {
      const { tableId, a, b } = await handInPlay();
      const own = [...seatOf(a.room.state, a.id).cards, ...seatOf(b.room.state, b.id).cards];
      assert.equal(own.length, 4, 'each player sees their own two cards');

      const answer = await call('GET', `/api/admin/tables/${tableId}`, { token: admin });

      assert.equal(answer.status, 200);
      const view = answer.body;
      assert.equal(view.tableId, tableId);
      assert.equal(view.phase, 'preflop');
      assert.equal(view.settings.bigBlind, 2);
      assert.deepEqual(view.seats.map((seat: any) => seat.playerId).sort(), [a.id, b.id].sort());
      assert.equal(sum(view.seats.map((seat: any) => seat.stack + seat.bet)) + sum(view.pots.map((pot: any) => pot.amount)), 200);
      assert.ok(view.hand.actions.some((action: any) => action.type === 'blind'));
      const text = JSON.stringify(view);
      for (const card of own) assert.ok(!text.includes(`"${card}"`), `the view shows the hole card ${card}`);
      assert.ok(!text.includes('"deck"'));
    });

    it('when the table is unknown then it is a 404', async () => {
      expectProblem(await call('GET', '/api/admin/tables/t-nothere', { token: admin }), 404, 'not_found');
    });

    it('when an open table has no room running anywhere then inspect and close answer 503 with Retry-After', async () => {
      // A table whose template is gone cannot open its room: no process runs it.
      const tableId = newTableId();
      await felt.server.db.tables.create({ id: tableId, templateId: 'no-such-template', name: 'Broken' });
      try {
        for (const [method, path] of [['GET', `/api/admin/tables/${tableId}`], ['POST', `/api/admin/tables/${tableId}/close`]]) {
          const answer = await call(method, path, { token: admin });
          expectProblem(answer, 503, 'table_unavailable');
          assert.equal(answer.headers.get('retry-after'), '5');
        }
      } finally {
        await felt.server.db.tables.setStatus(tableId, 'closed');
      }
    });
  });

  describe('close', function () {
    this.timeout(60_000);

    it('when an admin closes a table mid-hand then the hand ends, both players stand up with every chip back, the row is closed and the room is gone', async () => {
      const tableId = await felt.openTable();
      const a = await join(tableId, 'Ann');
      const b = await join(tableId, 'Bob');
      const before = await wallets(felt, [a.id, b.id]);
      a.room.send('sit', { buyIn: 100 });
      b.room.send('sit', { buyIn: 60 });
      await waitFor(a.room, (state) => state.handNumber >= 1 && state.phase === 'preflop');
      const left = Promise.all([whenLeft(a.room), whenLeft(b.room)]);

      const closing = await call('POST', `/api/admin/tables/${tableId}/close`, { token: admin });

      assert.equal(closing.status, 202, JSON.stringify(closing.body));
      assert.deepEqual(closing.body, { tableId, status: 'closing' });
      expectProblem(await call('POST', `/api/admin/tables/${tableId}/close`, { token: admin }), 409, 'table_closing');
      const listed = await call('GET', '/api/admin/tables?limit=200', { token: admin });
      assert.equal(listed.body.items.find((table: any) => table.tableId === tableId)?.status, 'closing');
      autoPlay(a.room, a.id);
      autoPlay(b.room, b.id);
      actNow([a, b]);
      await left;

      const db = felt.server.db;
      assert.equal((await db.tables.get(tableId))?.status, 'closed');
      const hands = await db.hands.list({ tableId, limit: 10, offset: 0 });
      assert.equal(hands.length, 1, 'no hand is dealt after the close');
      assert.equal(sum(await wallets(felt, [a.id, b.id])), sum(before) - hands[0].rake);
      assert.equal(await db.ledger.balance('table', tableId), 0);
      const after = await call('GET', '/api/admin/tables?limit=200', { token: admin });
      assert.ok(!after.body.items.some((table: any) => table.tableId === tableId), 'the room is gone from the list');
      expectProblem(await call('POST', `/api/admin/tables/${tableId}/close`, { token: admin }), 409, 'table_closed');
      expectProblem(await call('GET', `/api/admin/tables/${tableId}`, { token: admin }), 409, 'table_closed');
      await assert.rejects(felt.client().joinById(tableId, { token: player }));
    });

    it('when a table with nobody seated closes then it is closed at once', async () => {
      const tableId = await felt.openTable();
      const closing = await call('POST', `/api/admin/tables/${tableId}/close`, { token: admin });
      assert.equal(closing.status, 202);
      for (let i = 0; i < 100 && (await felt.server.db.tables.get(tableId))?.status !== 'closed'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal((await felt.server.db.tables.get(tableId))?.status, 'closed');
    });

    it('when the table is unknown then it is a 404', async () => {
      expectProblem(await call('POST', '/api/admin/tables/t-nothere/close', { token: admin }), 404, 'not_found');
    });
  });
});
