import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Room } from '@colyseus/sdk';
import { playRandomHand } from '../../../bench/engine.ts';
import { parsePhh } from '../../../src/engine/phh/parse.ts';
import { verifyPhh } from '../../../src/engine/phh/replay.ts';
import { seededRandom } from '../../../src/engine/random.ts';
import type { Database } from '../../../src/persistence/database.ts';
import type { HandRecordInput } from '../../../src/persistence/types.ts';
import { nlConfig } from '../../engine/hand/helpers.ts';
import { BACKENDS, describeEachBackend, useFreshDatabase } from '../../persistence/databases.ts';
import { autoPlay } from '../../rooms/play.ts';
import { startFelt, waitFor, type Felt } from '../../support/felt.ts';
import { expectProblem, type TestApi } from '../helpers.ts';
import { playerSession, type Session, useAdminApi } from './sessions.ts';

let day = 0;

/**
 * Three complete hands played by the engine, on a day no other test uses:
 * table red deals to alice and bob (minutes 0 and 2), table blue to bob and
 * carol (minute 1). The players are real, so their names resolve.
 */
async function arrange(api: TestApi, db: Database) {
  const start = Date.UTC(2026, 5, 1) + ++day * 86_400_000;
  const [alice, bob, carol] = await Promise.all(['Alice', 'Bob', 'Carol'].map((name) => playerSession(api, name)));
  const [red, blue] = [`t-${randomUUID().slice(0, 8)}`, `t-${randomUUID().slice(0, 8)}`];
  const random = seededRandom(day);
  const hand = (tableId: string, players: Session[], minute: number): HandRecordInput => {
    const played = playRandomHand(nlConfig([200, 300], { seats: [0, 1] }), random);
    return {
      id: randomUUID(), tableId, handNumber: minute + 1, variant: 'NT',
      startedAt: new Date(start + minute * 60_000), endedAt: new Date(start + minute * 60_000 + 30_000),
      playerIds: players.map((session) => session.player.id), state: played.state, rake: 0,
    };
  };
  const hands = [hand(red, [alice, bob], 0), hand(blue, [bob, carol], 1), hand(red, [bob, alice], 2)];
  for (const record of hands) {
    await db.completion.complete({ hand: record, snapshot: { tableId: record.tableId, version: record.handNumber, state: {} } });
  }
  return { hands, alice, bob, carol, red, blue, start };
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describeEachBackend('api: admin hands', (backend) => {
  const db = useFreshDatabase(backend);
  const ctx = useAdminApi(db);

  /** As the ctx.admin, unless another token (or null: none) is given. */
  const get = (path: string, token: string | null = ctx.admin.token) => ctx.api.call('GET', path, { token: token ?? undefined });

  describe('list', () => {
    it('when hands are filtered by table then that table\'s hands come newest first, paged, with a total', async () => {
      const { hands, red } = await arrange(ctx.api, db());

      const first = await get(`/api/admin/hands?tableId=${red}&limit=1`);
      const second = await get(`/api/admin/hands?tableId=${red}&limit=1&offset=1`);

      assert.equal(first.status, 200);
      assert.deepEqual([first.body.total, first.body.limit, first.body.offset], [2, 1, 0]);
      assert.deepEqual([...ids(first.body.items), ...ids(second.body.items)], ids([hands[2], hands[0]]));
      assert.deepEqual(first.body.items[0], {
        id: hands[2].id, tableId: red, handNumber: 3, variant: 'NT', startedAt: hands[2].startedAt.toISOString(),
        endedAt: hands[2].endedAt.toISOString(), playerIds: hands[2].playerIds, rake: 0,
      });
    });

    it('when hands are filtered by player, variant and time then only those that match come', async () => {
      const { hands, bob, carol, start } = await arrange(ctx.api, db());
      const from = new Date(start + 60_000).toISOString();
      const to = new Date(start + 3 * 60_000).toISOString();

      const bobs = await get(`/api/admin/hands?playerId=${bob.player.id}&from=${from}&to=${to}`);
      const carols = await get(`/api/admin/hands?playerId=${carol.player.id}`);

      assert.deepEqual(ids(bobs.body.items), ids([hands[2], hands[1]]));
      assert.equal(bobs.body.total, 2);
      assert.deepEqual(ids(carols.body.items), ids([hands[1]]));
      assert.equal((await get(`/api/admin/hands?playerId=${carol.player.id}&variant=FT`)).body.total, 0);
      assert.equal((await get(`/api/admin/hands?playerId=${carol.player.id}&variant=NT`)).body.total, 1);
    });

    it('when the range is empty then it is 422; when a time is not ISO 8601 then 400', async () => {
      const at = new Date().toISOString();

      expectProblem(await get(`/api/admin/hands?from=${at}&to=${at}`), 422, 'unprocessable');
      expectProblem(await get('/api/admin/hands?from=yesterday'), 400, 'invalid_request');
      expectProblem(await get('/api/admin/hands?limit=0'), 400, 'invalid_request');
    });

    it('when a player or nobody lists hands then it is 403 or 401', async () => {
      expectProblem(await get('/api/admin/hands', ctx.player.token), 403, 'admin_only');
      expectProblem(await get('/api/admin/hands', null), 401, 'missing_token');
    });
  });

  describe('read', () => {
    it('when a hand is read then its players, configuration, pots and whole log come back', async () => {
      const { hands, alice, bob } = await arrange(ctx.api, db());
      const state = hands[0].state as any;

      const answer = await get(`/api/admin/hands/${hands[0].id}`);

      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body.players, [
        { id: alice.player.id, name: 'Alice', seat: 0, startingStack: 200, finishingStack: state.stacks[0], winnings: state.winnings[0] },
        { id: bob.player.id, name: 'Bob', seat: 1, startingStack: 300, finishingStack: state.stacks[1], winnings: state.winnings[1] },
      ]);
      assert.deepEqual(answer.body.log, state.log);
      assert.deepEqual(answer.body.pots, state.pots);
      assert.equal(answer.body.config.minBet, 2);
      assert.ok(answer.body.log.some((op: any) => op.type === 'dealHole' && op.cards.length === 2), 'hole cards are there for admins');
    });

    it('when the hand is unknown then it is 404; a player 403; nobody 401', async () => {
      const { hands } = await arrange(ctx.api, db());

      expectProblem(await get(`/api/admin/hands/${randomUUID()}`), 404, 'not_found');
      expectProblem(await get(`/api/admin/hands/${hands[0].id}`, ctx.player.token), 403, 'admin_only');
      expectProblem(await get(`/api/admin/hands/${hands[0].id}`, null), 401, 'missing_token');
    });
  });

  describe('PHH export', () => {
    it('when a hand is exported then it is a text/plain PHH document naming the players that replays to the stored stacks', async () => {
      const { hands } = await arrange(ctx.api, db());

      const answer = await get(`/api/admin/hands/${hands[1].id}/phh`);

      assert.equal(answer.status, 200);
      assert.match(answer.headers.get('content-type') ?? '', /^text\/plain/);
      const doc = parsePhh(answer.body);
      assert.deepEqual(doc.players, ['Bob', 'Carol']);
      assert.equal(doc.hand, 2);
      assert.deepEqual(doc.finishing_stacks, (hands[1].state as any).stacks);
      assert.deepEqual(verifyPhh(doc), { ok: true, repairs: 0 });
    });

    it('when the hand is unknown then it is 404; a player 403; nobody 401', async () => {
      const { hands } = await arrange(ctx.api, db());

      expectProblem(await get(`/api/admin/hands/${randomUUID()}/phh`), 404, 'not_found');
      expectProblem(await get(`/api/admin/hands/${hands[0].id}/phh`, ctx.player.token), 403, 'admin_only');
      expectProblem(await get(`/api/admin/hands/${hands[0].id}/phh`, null), 401, 'missing_token');
    });
  });
});

for (const backend of BACKENDS) {
  describe(`api: admin hands from a real table [${backend.label}]`, function () {
    this.timeout(60_000);
    let felt: Felt;
    const rooms: Room[] = [];

    before(async () => {
      felt = await startFelt(backend, { FELT_ADMIN_USERNAME: 'pit_boss', FELT_ADMIN_PASSWORD: 'password123' });
    });

    after(async () => {
      for (const room of rooms) await room.leave(true).catch(() => undefined);
      await felt.close();
    });

    async function call(path: string, token: string): Promise<Response> {
      return fetch(`${felt.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    }

    it('when a raked hand is played by two clients then its PHH export over HTTP verifies to the recorded stacks', async () => {
      // 10% rake: the preflop raise makes a pot big enough that the house takes chips.
      const tableId = await felt.openTable({ rakeBasisPoints: 1000, rakeCap: 10 });
      const seats = [];
      for (const name of ['Ann', 'Bob']) {
        const { token, id } = await felt.guest(name);
        const room = await felt.client().joinById(tableId, { token });
        rooms.push(room);
        seats.push({ room, id });
      }
      for (const { room } of seats) room.send('sit', { buyIn: 100 });
      // Whoever opens raises to 20 once; everything else checks or calls.
      const raiseOnce = (legal: any) => (legal.minRaiseTo && legal.minRaiseTo <= 20 && !legal.check ? { action: 'raise', amount: 20 } : { action: legal.check ? 'check' : 'call' });
      for (const { room, id } of seats) autoPlay(room, id, raiseOnce);
      await waitFor(seats[0].room, (state) => state.handNumber >= 2, 20_000);

      const login = await fetch(`${felt.url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'pit_boss', password: 'password123' }),
      });
      const { token } = (await login.json()) as { token: string };
      const list = (await (await call(`/api/admin/hands?tableId=${tableId}`, token)).json()) as any;
      const first = list.items.find((hand: any) => hand.handNumber === 1);
      assert.ok(first, JSON.stringify(list));
      assert.ok(first.rake > 0, `the hand was raked: ${JSON.stringify(first)}`);

      const exported = await call(`/api/admin/hands/${first.id}/phh`, token);
      assert.equal(exported.status, 200);
      const text = await exported.text();
      const doc = parsePhh(text);
      const stored = (await (await call(`/api/admin/hands/${first.id}`, token)).json()) as any;

      assert.deepEqual([...(doc.players ?? [])].sort(), ['Ann', 'Bob']);
      assert.deepEqual(doc.finishing_stacks, stored.players.map((p: any) => p.finishingStack));
      assert.deepEqual(verifyPhh(doc), { ok: true, repairs: 0 });
      // And the command line itself, as an operator would run it on the downloaded file.
      const folder = mkdtempSync(join(tmpdir(), 'felt-phh-'));
      try {
        writeFileSync(join(folder, 'hand.phh'), text);
        const output = execFileSync(process.execPath, ['src/tools/phh-cli.ts', 'verify', folder], { encoding: 'utf8' });
        assert.match(output, /^1 passed, 0 failed$/m);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
}
