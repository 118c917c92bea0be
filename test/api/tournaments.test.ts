import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TournamentRecord } from '../../src/persistence/tournament-types.ts';
import type { TournamentDefinition } from '../../src/tournaments/rules/structure.ts';
import { describeEachBackend } from '../persistence/databases.ts';
import { sitAndGo } from '../persistence/tournament-definitions.ts';
import { startFelt, type Felt } from '../support/felt.ts';
import { callFelt } from './admin/felt-admin.ts';
import { defineFakeHost, FakeTournamentHost } from './fake-tournament-host.ts';
import { expectProblem } from './helpers.ts';

describeEachBackend('api: tournaments for players', (backend) => {
  let felt: Felt;
  let host: ReturnType<typeof defineFakeHost>;

  before(async function () {
    this.timeout(30_000);
    felt = await startFelt(backend, {}, { hostTournaments: false });
    host = defineFakeHost(felt.server.db);
  });

  after(async () => {
    await felt.close();
    host.undefine();
  });

  const call = (method: string, path: string, options: { token?: string; body?: unknown } = {}) => callFelt(felt, method, path, options);
  const db = () => felt.server.db;

  async function tournament(overrides: Partial<TournamentDefinition> = {}): Promise<TournamentRecord> {
    return db().tournaments.create({ definition: sitAndGo({ name: `T ${randomUUID().slice(0, 6)}`, ...overrides }) });
  }

  async function entered(t: TournamentRecord, name: string): Promise<{ token: string; id: string }> {
    const guest = await felt.guest(name);
    await db().entries.register({ tournamentId: t.id, playerId: guest.id, name, buyIn: t.definition.buyIn, fee: t.definition.fee });
    return guest;
  }

  it('when anyone lists tournaments by status then only those come as summaries, newest first, a page at a time', async () => {
    const open = [await tournament(), await tournament()];
    const cancelled = await tournament();
    await db().tournaments.setStatus(cancelled.id, 'cancelled');

    const registering = await call('GET', '/api/tournaments?status=registering&limit=200');
    const first = await call('GET', '/api/tournaments?status=registering,cancelled&limit=1&offset=0');
    const second = await call('GET', '/api/tournaments?status=registering,cancelled&limit=1&offset=1');
    const onlyCancelled = await call('GET', '/api/tournaments?status=cancelled&limit=200');
    const bad = await call('GET', '/api/tournaments?status=registering,paused');

    assert.equal(registering.status, 200);
    assert.ok(registering.body.items.every((item: any) => item.status === 'registering'));
    const mine = registering.body.items.find((item: any) => item.tournamentId === open[1].id);
    assert.deepEqual(mine, {
      tournamentId: open[1].id, name: open[1].name, kind: 'sng', variant: 'NT', status: 'registering', buyIn: 100, fee: 10,
      startingStack: 1500, tableSize: 6, entrants: 0, minEntrants: 2, maxEntrants: 6, startsAt: null,
    });
    assert.deepEqual([first.body.items.length, first.body.limit, first.body.offset, first.body.total], [1, 1, 0, registering.body.total + 1]);
    assert.notEqual(first.body.items[0].tournamentId, second.body.items[0].tournamentId);
    assert.deepEqual(onlyCancelled.body.items.map((item: any) => item.tournamentId), [cancelled.id]);
    expectProblem(bad, 400, 'invalid_request');
  });

  it('when no actor runs a registering tournament then its detail comes from the database: the first level, the pool, its payouts and the field', async () => {
    const t = await tournament();
    const [ann, bob] = [await entered(t, 'Ann'), await entered(t, 'Bob')];

    const answer = await call('GET', `/api/tournaments/${t.id}`);

    assert.equal(answer.status, 200);
    assert.deepEqual(
      [answer.body.entrants, answer.body.level, answer.body.onBreak, answer.body.breakEndsAt, answer.body.prizePool, answer.body.payouts, answer.body.remaining, answer.body.tables, answer.body.source],
      [2, { number: 1, smallBlind: 10, bigBlind: 20, ante: 0, endsAt: null }, false, null, 200, [{ place: 1, amount: 200 }], 2, [], 'database'],
    );
    assert.deepEqual([...answer.body.standings].sort((a: any, b: any) => a.name.localeCompare(b.name)), [
      { playerId: ann.id, name: 'Ann', stack: 1500, tableId: null, place: null, prize: null },
      { playerId: bob.id, name: 'Bob', stack: 1500, tableId: null, place: null, prize: null },
    ]);
    expectProblem(await call('GET', `/api/tournaments/${randomUUID()}`), 404, 'not_found');
  });

  it('when a finished tournament is read then its places and prizes come from the database, first place first', async () => {
    const t = await tournament();
    const [ann, bob, cid] = [await entered(t, 'Ann'), await entered(t, 'Bob'), await entered(t, 'Cid')];
    await db().tournaments.setStatus(t.id, 'running');
    await db().entries.recordPlace({ tournamentId: t.id, playerId: cid.id, entryNo: 1, place: 3, prize: 0 });
    await db().entries.recordPlace({ tournamentId: t.id, playerId: bob.id, entryNo: 1, place: 2, prize: 0 });
    await db().entries.payPrize({ tournamentId: t.id, playerId: ann.id, entryNo: 1, place: 1, prize: 300 });
    await db().tournaments.setStatus(t.id, 'finished');

    const answer = await call('GET', `/api/tournaments/${t.id}`);

    assert.deepEqual([answer.body.status, answer.body.level, answer.body.remaining, answer.body.prizePool], ['finished', null, 0, 300]);
    assert.deepEqual(answer.body.standings.map((s: any) => [s.name, s.place, s.prize, s.stack]), [['Ann', 1, 300, 0], ['Bob', 2, 0, 0], ['Cid', 3, 0, 0]]);
  });

  it('when a tournament runs with its actor then the detail is the actor\'s, and without it the database\'s, stacks unknown', async () => {
    const live = await tournament();
    await entered(live, 'Ann');
    await db().tournaments.setStatus(live.id, 'running');
    const orphan = await tournament();
    await entered(orphan, 'Bob');
    await db().tournaments.setStatus(orphan.id, 'running');
    await host.open(live.id);

    const fromActor = await call('GET', `/api/tournaments/${live.id}`);
    const fromDatabase = await call('GET', `/api/tournaments/${orphan.id}`);

    assert.deepEqual([fromActor.body.source, fromActor.body.level.number, fromActor.body.tables], ['actor', 2, [{ tableId: 'live-table-1', seated: 1 }]]);
    assert.deepEqual([fromDatabase.body.source, fromDatabase.body.level, fromDatabase.body.standings[0].stack], ['database', null, null]);
  });

  it('when a player registers through the actor then the entry is paid and listed in /api/me/tournaments, and a second try is a 409', async () => {
    const t = await tournament();
    await host.open(t.id);
    const pat = await felt.guest('Pat');

    const registered = await call('POST', `/api/tournaments/${t.id}/register`, { token: pat.token });
    const again = await call('POST', `/api/tournaments/${t.id}/register`, { token: pat.token });
    const mine = await call('GET', '/api/me/tournaments', { token: pat.token });

    assert.deepEqual([registered.status, registered.body], [201, { tournamentId: t.id, playerId: pat.id, entryNo: 1 }]);
    assert.deepEqual(FakeTournamentHost.calls.filter((c) => c.tournamentId === t.id && c.method === 'register')[0].args, [pat.id, 'Pat']);
    expectProblem(again, 409, 'already_registered');
    assert.equal(await db().ledger.balance('player', pat.id), 10_000 - 110);
    assert.equal(mine.status, 200);
    assert.equal(mine.body.total, 1);
    assert.deepEqual(mine.body.items[0].tournamentId, t.id);
    assert.deepEqual(
      [mine.body.items[0].entrants, mine.body.items[0].entry.entryNo, mine.body.items[0].entry.status, mine.body.items[0].entry.place, mine.body.items[0].entry.prize],
      [1, 1, 'registered', null, null],
    );
  });

  it('when a player without the money registers then the actor\'s insufficient_funds is a 409 and no entry is written', async () => {
    const t = await tournament({ buyIn: 20_000 });
    await host.open(t.id);
    const pat = await felt.guest('Poor');

    expectProblem(await call('POST', `/api/tournaments/${t.id}/register`, { token: pat.token }), 409, 'insufficient_funds');
    assert.deepEqual(await db().entries.list(t.id), []);
  });

  it('when a full tournament is registered for then it is a 409 tournament_full', async () => {
    const t = await tournament({ minEntrants: 2, maxEntrants: 2 });
    await entered(t, 'One');
    await entered(t, 'Two');
    await host.open(t.id);
    const late = await felt.guest('Late');

    expectProblem(await call('POST', `/api/tournaments/${t.id}/register`, { token: late.token }), 409, 'tournament_full');
  });

  it('when a player unregisters then buy-in and fee come back, and unregistering again is a 409 not_registered', async () => {
    const t = await tournament();
    await host.open(t.id);
    const pat = await felt.guest('Leaver');
    await call('POST', `/api/tournaments/${t.id}/register`, { token: pat.token });

    const left = await call('POST', `/api/tournaments/${t.id}/unregister`, { token: pat.token });

    assert.deepEqual([left.status, left.body], [200, { tournamentId: t.id, playerId: pat.id }]);
    assert.equal(await db().ledger.balance('player', pat.id), 10_000);
    expectProblem(await call('POST', `/api/tournaments/${t.id}/unregister`, { token: pat.token }), 409, 'not_registered');
  });

  it('when the actor refuses a rebuy as an answer, or throws a coded error for an add-on, then each is a 409 under its code', async () => {
    const t = await tournament();
    await host.open(t.id);
    const pat = await felt.guest('Rebuyer');

    expectProblem(await call('POST', `/api/tournaments/${t.id}/rebuy`, { token: pat.token }), 409, 'rebuy_not_allowed');
    expectProblem(await call('POST', `/api/tournaments/${t.id}/addon`, { token: pat.token }), 409, 'addon_not_available');
  });

  it('when no actor runs the tournament then registering is 503 tournament_unavailable, or 409 registration_closed once it is over', async () => {
    const waiting = await tournament();
    const over = await tournament();
    await db().tournaments.setStatus(over.id, 'cancelled');
    const pat = await felt.guest('Early');

    const unavailable = await call('POST', `/api/tournaments/${waiting.id}/register`, { token: pat.token });

    expectProblem(unavailable, 503, 'tournament_unavailable');
    assert.equal(unavailable.headers.get('retry-after'), '5');
    expectProblem(await call('POST', `/api/tournaments/${over.id}/register`, { token: pat.token }), 409, 'registration_closed');
    expectProblem(await call('POST', `/api/tournaments/${over.id}/rebuy`, { token: pat.token }), 409, 'tournament_not_running');
    expectProblem(await call('POST', `/api/tournaments/${randomUUID()}/register`, { token: pat.token }), 404, 'not_found');
    expectProblem(await call('POST', `/api/tournaments/${waiting.id}/register`), 401, 'missing_token');
    expectProblem(await call('GET', '/api/me/tournaments'), 401, 'missing_token');
  });
});
