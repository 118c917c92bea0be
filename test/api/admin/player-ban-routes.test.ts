import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Room } from '@colyseus/sdk';
import { describeEachBackend } from '../../persistence/databases.ts';
import { autoPlay } from '../../rooms/play.ts';
import { leaveRooms, seatOf, startFelt, waitFor, type Felt } from '../../support/felt.ts';
import { expectProblem } from '../helpers.ts';
import { ADMIN_ENV, adminLogin, callFelt, sum, wallets, whenLeft } from './felt-admin.ts';

describeEachBackend('api: admin bans', (backend) => {
  let felt: Felt;
  let admin: { token: string; id: string };
  let player: string;
  const rooms: Room[] = [];

  before(async function () {
    this.timeout(30_000);
    felt = await startFelt(backend, ADMIN_ENV);
    admin = await adminLogin(felt);
    player = (await felt.guest('Pat')).token;
  });

  afterEach(async () => {
    await leaveRooms(rooms);
  });

  after(async () => {
    await felt.close();
  });

  const call = (method: string, path: string, options: { token?: string; body?: unknown } = {}) => callFelt(felt, method, path, options);

  async function join(tableId: string, name: string): Promise<{ room: Room; id: string; token: string }> {
    const { token, id } = await felt.guest(name);
    const room = await felt.client().joinById(tableId, { token });
    rooms.push(room);
    return { room, id, token };
  }

  describe('failures', () => {
    it('when no token or a player\'s token is sent then ban and unban answer 401 and 403', async () => {
      const target = (await felt.guest('Target')).id;
      for (const path of [`/api/admin/players/${target}/ban`, `/api/admin/players/${target}/unban`]) {
        expectProblem(await call('POST', path), 401, 'missing_token');
        expectProblem(await call('POST', path, { token: player }), 403, 'admin_only');
      }
      assert.equal((await felt.server.db.players.findById(target))?.bannedAt, null);
    });

    it('when the player is unknown then ban and unban answer 404', async () => {
      for (const id of [randomUUID(), 'not-a-uuid']) {
        expectProblem(await call('POST', `/api/admin/players/${id}/ban`, { token: admin.token }), 404, 'not_found');
        expectProblem(await call('POST', `/api/admin/players/${id}/unban`, { token: admin.token }), 404, 'not_found');
      }
    });

    it('when an admin bans themselves or another admin then it is a 409 and nobody is banned', async () => {
      expectProblem(await call('POST', `/api/admin/players/${admin.id}/ban`, { token: admin.token }), 409, 'cannot_ban_self');
      const other = await felt.server.db.players.register({ username: 'second_admin', name: 'Second', passwordHash: 'unused', isAdmin: true }, 0);
      expectProblem(await call('POST', `/api/admin/players/${other.id}/ban`, { token: admin.token }), 409, 'cannot_ban_admin');
      assert.equal((await felt.server.db.players.findById(admin.id))?.bannedAt, null);
      assert.equal((await felt.server.db.players.findById(other.id))?.bannedAt, null);
    });
  });

  describe('ban and unban', function () {
    this.timeout(60_000);

    it('when a seated player is banned mid-hand then they are sent away, stood up after the hand with their chips, and cannot come back until unbanned', async () => {
      // A short clock: the banned player, disconnected, times out rather than acts.
      const tableId = await felt.openTable({ actionSeconds: 1, timeBankSeconds: 0 });
      const cheat = await join(tableId, 'Cheat');
      const honest = await join(tableId, 'Honest');
      const before = await wallets(felt, [cheat.id, honest.id]);
      cheat.room.send('sit', { buyIn: 100 });
      honest.room.send('sit', { buyIn: 100 });
      await waitFor(honest.room, (state) => state.handNumber >= 1 && state.phase === 'preflop');
      const sentAway = whenLeft(cheat.room);

      const banned = await call('POST', `/api/admin/players/${cheat.id}/ban`, { token: admin.token });

      assert.equal(banned.status, 200, JSON.stringify(banned.body));
      assert.equal(banned.body.player.id, cheat.id);
      assert.ok(banned.body.player.bannedAt);
      assert.deepEqual(banned.body.expelled, [{ tableId, seated: true, waiting: false, disconnected: 1 }]);
      assert.deepEqual(banned.body.unreachable, []);
      assert.equal(await sentAway, 4000, 'a consented close: the SDK does not try to reconnect');
      autoPlay(honest.room, honest.id);
      const seat = seatOf(honest.room.state, honest.id);
      if (seat.seat === honest.room.state.toAct) honest.room.send('act', { action: seat.legal.check ? 'check' : 'call' });
      await waitFor(honest.room, (state) => !seatOf(state, cheat.id), 20_000);

      const hands = await felt.server.db.hands.list({ tableId, limit: 10, offset: 0 });
      const honestStack = seatOf(honest.room.state, honest.id)?.stack ?? 0;
      const [cheatWallet, honestWallet] = await wallets(felt, [cheat.id, honest.id]);
      assert.equal(cheatWallet + honestWallet + honestStack + sum(hands.map((hand) => hand.rake)), sum(before), 'every chip is in a wallet, on the table or raked');
      assert.ok(cheatWallet > before[0] - 100, 'the banned player\'s stack went back to their wallet');
      expectProblem(await call('GET', '/api/me', { token: cheat.token }), 403, 'banned');
      await assert.rejects(felt.client().joinById(tableId, { token: cheat.token }));

      const again = await call('POST', `/api/admin/players/${cheat.id}/ban`, { token: admin.token });
      assert.equal(again.status, 200);
      assert.equal(again.body.player.bannedAt, banned.body.player.bannedAt, 'banning again keeps the first ban\'s time');
      assert.deepEqual(again.body.expelled, []);

      const lifted = await call('POST', `/api/admin/players/${cheat.id}/unban`, { token: admin.token });
      assert.equal(lifted.status, 200);
      assert.equal(lifted.body.bannedAt, null);
      assert.equal((await call('GET', '/api/me', { token: cheat.token })).status, 200);
      rooms.push(await felt.client().joinById(tableId, { token: cheat.token }));
    });

    it('when a player who dropped is banned then their reconnection is refused and they still stand up', async () => {
      const tableId = await felt.openTable({ actionSeconds: 1, timeBankSeconds: 0 });
      const stays = await join(tableId, 'Stays');
      const drops = await join(tableId, 'Drops');
      stays.room.send('sit', { buyIn: 100 });
      drops.room.send('sit', { buyIn: 100 });
      await waitFor(stays.room, (state) => seatOf(state, drops.id));
      const token = drops.room.reconnectionToken;
      drops.room.reconnection.enabled = false;
      drops.room.connection.close(3000);
      await waitFor(stays.room, (state) => seatOf(state, drops.id)?.status === 'disconnected');

      const banned = await call('POST', `/api/admin/players/${drops.id}/ban`, { token: admin.token });

      assert.deepEqual(banned.body.expelled, [{ tableId, seated: true, waiting: false, disconnected: 0 }]);
      const again = await felt.client().reconnect(token).catch(() => null);
      if (again) assert.equal(await whenLeft(again), 4000, 'the reconnected client is sent away at once');
      autoPlay(stays.room, stays.id);
      await waitFor(stays.room, (state) => !seatOf(state, drops.id), 20_000);
    });

    it('when a banned player was on a waiting list then they are taken off it', async () => {
      const tableId = await felt.openTable({ maxSeats: 2 });
      const a = await join(tableId, 'Ann');
      const b = await join(tableId, 'Bob');
      const waiter = await join(tableId, 'Wes');
      a.room.send('sit', { buyIn: 100 });
      b.room.send('sit', { buyIn: 100 });
      await waitFor(a.room, (state) => seatOf(state, a.id) && seatOf(state, b.id));
      waiter.room.send('waitlist', { join: true });
      await waitFor(a.room, (state) => state.waiting.includes(waiter.id));

      const banned = await call('POST', `/api/admin/players/${waiter.id}/ban`, { token: admin.token });

      assert.equal(banned.status, 200);
      assert.deepEqual(banned.body.expelled, [{ tableId, seated: false, waiting: true, disconnected: 1 }]);
      await waitFor(a.room, (state) => !state.waiting.includes(waiter.id));
    });
  });
});
