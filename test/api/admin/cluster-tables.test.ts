import assert from 'node:assert/strict';
import { Client } from '@colyseus/sdk';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import { addTable, eventually, guest, ownerOf, startAHand } from '../../cluster/helpers.ts';
import { autoPlay } from '../../rooms/play.ts';
import { describeCluster, startCluster, type TestCluster } from '../../support/cluster.ts';
import { seatOf, waitFor } from '../../support/felt.ts';
import { expectProblem, type Answer } from '../helpers.ts';
import { ADMIN_ENV, whenLeft } from './felt-admin.ts';

describeCluster('api: admin tables across a cluster', function () {
  this.timeout(120_000);
  let cluster: TestCluster;
  let db: Database;
  let admin: string;

  before(async () => {
    cluster = await startCluster(2, { env: ADMIN_ENV });
    db = await openDatabase({ databaseUrl: cluster.databaseUrl });
    const login = await call(cluster.nodes[0].url, 'POST', '/api/auth/login', { body: { username: ADMIN_ENV.FELT_ADMIN_USERNAME, password: ADMIN_ENV.FELT_ADMIN_PASSWORD } });
    admin = login.body.token;
  });

  after(async () => {
    await db?.close();
    await cluster?.close();
  });

  async function call(url: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Answer> {
    const response = await fetch(url + path, {
      method,
      headers: { ...(options.body ? { 'content-type': 'application/json' } : {}), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      ...(options.body ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  const balances = (ids: string[]) => Promise.all(ids.map((id) => db.ledger.balance('player', id)));

  it('when an admin on one process inspects and closes a table another process runs then the hand ends there and every chip goes back', async () => {
    const [a, b] = cluster.nodes;
    const tableId = await addTable(db, b.url);
    assert.equal(await ownerOf(db, tableId), b.processId);
    const { players } = await startAHand(a.url, tableId);
    const ids = players.map((p) => p.id);

    const listed = await call(a.url, 'GET', '/api/admin/tables?limit=200', { token: admin });
    assert.equal(listed.body.items.find((table: any) => table.tableId === tableId)?.processId, b.processId);
    const view = await call(a.url, 'GET', `/api/admin/tables/${tableId}`, { token: admin });
    assert.equal(view.status, 200, JSON.stringify(view.body));
    assert.deepEqual(view.body.seats.map((seat: any) => seat.playerId).sort(), [...ids].sort());
    const own = players.flatMap((p) => seatOf(p.room.state, p.id).cards as string[]);
    for (const card of own) assert.ok(!JSON.stringify(view.body).includes(`"${card}"`), `the view shows the hole card ${card}`);

    const left = Promise.all(players.map((p) => whenLeft(p.room)));
    const closing = await call(a.url, 'POST', `/api/admin/tables/${tableId}/close`, { token: admin });
    assert.equal(closing.status, 202, JSON.stringify(closing.body));
    expectProblem(await call(a.url, 'POST', `/api/admin/tables/${tableId}/close`, { token: admin }), 409, 'table_closing');
    for (const p of players) autoPlay(p.room, p.id);
    const actor = players.find((p) => seatOf(p.room.state, p.id)?.seat === p.room.state.toAct);
    if (actor) actor.room.send('act', { action: seatOf(actor.room.state, actor.id).legal.check ? 'check' : 'call' });
    await left;

    await eventually(async () => (await db.tables.get(tableId))?.status === 'closed', 10_000, 'the table to be closed');
    const hands = await db.hands.list({ tableId, limit: 10, offset: 0 });
    assert.equal(hands.length, 1);
    const wallets = await balances(ids);
    assert.equal(wallets[0] + wallets[1], 2 * 10_000 - hands[0].rake);
    assert.equal(await db.ledger.balance('table', tableId), 0);
    assert.equal((await db.tables.get(tableId))?.ownerProcess, null, 'the lease is given back');
  });

  it('when an admin on one process bans a player seated at a table another process runs then the player is sent away and stood up', async () => {
    const [a, b] = cluster.nodes;
    const tableId = await addTable(db, b.url);
    const banned = await guest(a.url, 'Banned');
    const room = await new Client(a.url).joinById(tableId, { token: banned.token });
    room.send('sit', { buyIn: 100 });
    await waitFor(room, (state) => seatOf(state, banned.id));
    const sentAway = whenLeft(room);

    const answer = await call(a.url, 'POST', `/api/admin/players/${banned.id}/ban`, { token: admin });

    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.expelled, [{ tableId, seated: true, waiting: false, disconnected: 1 }]);
    await sentAway;
    // Alone at the table, the player was in no hand: they stand up at once and the wallet is whole again.
    await eventually(async () => (await db.ledger.balance('player', banned.id)) === 10_000, 10_000, 'the stack to go back to the wallet');
    await assert.rejects(new Client(a.url).joinById(tableId, { token: banned.token }));
  });
});
