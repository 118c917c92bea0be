import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from '../../persistence/databases.ts';
import { startFelt, type Felt } from '../../support/felt.ts';
import { defineFakeHost } from '../fake-tournament-host.ts';
import { expectProblem } from '../helpers.ts';
import { ADMIN_ENV, adminLogin, callFelt } from './felt-admin.ts';

const LEVELS = [{ smallBlind: 10, bigBlind: 20, ante: 0, seconds: 300 }, { smallBlind: 20, bigBlind: 40, ante: 5, seconds: 300 }];

/** PROTOCOL.md's body of `POST /api/admin/tournaments`, for a sit-and-go. */
const sngBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Admin SNG', kind: 'sng', variant: 'NT', buyIn: 50, fee: 5, startingStack: 1000, tableSize: 6, minEntrants: 2, maxEntrants: 6,
  levels: LEVELS, ...overrides,
});

describeEachBackend('api: admin tournaments', (backend) => {
  let felt: Felt;
  let admin: string;
  let player: { token: string; id: string };
  let host: ReturnType<typeof defineFakeHost>;

  before(async function () {
    this.timeout(30_000);
    felt = await startFelt(backend, ADMIN_ENV, { hostTournaments: false });
    admin = (await adminLogin(felt)).token;
    player = await felt.guest('Pat');
    host = defineFakeHost(felt.server.db);
  });

  after(async () => {
    await felt.close();
    host.undefine();
  });

  const call = (method: string, path: string, options: { token?: string; body?: unknown } = {}) => callFelt(felt, method, path, options);
  const db = () => felt.server.db;
  const create = async (body: Record<string, unknown>) => call('POST', '/api/admin/tournaments', { token: admin, body });

  it('when an admin creates a sit-and-go then it answers 201 with its summary and it is registering', async () => {
    const answer = await create(sngBody({ payouts: [65, 35], breakEvery: 1, breakSeconds: 60 }));

    assert.equal(answer.status, 201);
    assert.deepEqual({ ...answer.body, tournamentId: 'id' }, {
      tournamentId: 'id', name: 'Admin SNG', kind: 'sng', variant: 'NT', status: 'registering', buyIn: 50, fee: 5,
      startingStack: 1000, tableSize: 6, entrants: 0, minEntrants: 2, maxEntrants: 6, startsAt: null,
    });
    const stored = await db().tournaments.get(answer.body.tournamentId);
    assert.deepEqual([stored?.definition.payouts, stored?.definition.breakEvery], [[65, 35], 1]);
  });

  it('when an admin creates a scheduled tournament with an ISO start then its start is epoch ms', async () => {
    const startsAt = new Date(Date.now() + 3_600_000);
    startsAt.setUTCMilliseconds(0);

    const answer = await create(sngBody({ kind: 'mtt', startsAt: startsAt.toISOString(), maxEntrants: 100 }));

    assert.deepEqual([answer.status, answer.body.kind, answer.body.startsAt], [201, 'mtt', startsAt.getTime()]);
  });

  it('when a definition breaks a rule then it is a 422 under the rule\'s code naming the field, and nothing is created', async () => {
    const before = (await db().tournaments.list({ limit: 1, offset: 0 })).total;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ levels: [] }, 'no_levels', 'levels'],
      [{ payouts: [50, 30] }, 'payouts_not_100', 'payouts'],
      [{ variant: 'F7S', tableSize: 9, levels: [{ smallBlind: 5, bigBlind: 10, ante: 1, seconds: 60 }] }, 'bad_table_size', 'tableSize'],
      [{ variant: 'FB', tableSize: 7 }, 'bad_table_size', 'tableSize'],
      [{ variant: 'FR', tableSize: 8, levels: [{ smallBlind: 10, bigBlind: 10, ante: 1, seconds: 60 }] }, 'bad_blinds', 'levels.0'],
      [{ variant: 'XX' }, 'unknown_variant', 'variant'],
      [{ minEntrants: 7 }, 'bad_entrants', 'minEntrants'],
      [{ kind: 'mtt', startsAt: Date.now() - 1000 }, 'bad_starts_at', 'startsAt'],
      [{ startsAt: Date.now() + 60_000 }, 'bad_starts_at', 'startsAt'],
      [{ levels: [LEVELS[1], LEVELS[0]] }, 'blinds_not_increasing', 'levels.1'],
    ];
    for (const [overrides, code, field] of cases) {
      const problem = expectProblem(await create(sngBody(overrides)), 422, code);
      assert.deepEqual(problem.errors, [{ field, message: problem.detail }], code);
    }
    assert.equal((await db().tournaments.list({ limit: 1, offset: 0 })).total, before);
  });

  it('when an admin creates a stud and a draw sit-and-go at the largest tables they seat then both are 201 and registering', async () => {
    for (const [variant, tableSize] of [['F7S', 8], ['F2L3D', 6]] as const) {
      const answer = await create(sngBody({ name: `${variant} SNG`, variant, tableSize, maxEntrants: tableSize }));
      assert.deepEqual([answer.status, answer.body.variant, answer.body.status], [201, variant, 'registering'], variant);
    }
  });

  it('when a body has the wrong shape then it is a 400, and a player may not create tournaments', async () => {
    expectProblem(await create(sngBody({ levels: 'many' })), 400, 'invalid_request');
    expectProblem(await create(sngBody({ colour: 'green' })), 400, 'invalid_request');
    expectProblem(await create({ name: 'No rest' }), 400, 'invalid_request');
    expectProblem(await call('POST', '/api/admin/tournaments', { token: player.token, body: sngBody() }), 403, 'admin_only');
    expectProblem(await call('GET', '/api/admin/tournaments'), 401, 'missing_token');
  });

  it('when an admin lists and reads tournaments then each has its lease and times, and the detail its definition', async () => {
    const { body: created } = await create(sngBody({ name: 'Listed' }));
    await db().tournaments.claim(created.tournamentId, 'felt-9', 10_000);

    const list = await call('GET', '/api/admin/tournaments?status=registering&limit=200', { token: admin });
    const detail = await call('GET', `/api/admin/tournaments/${created.tournamentId}`, { token: admin });

    const listed = list.body.items.find((item: any) => item.tournamentId === created.tournamentId);
    assert.deepEqual([listed.processId, listed.templateId, listed.startedAt, typeof listed.createdAt], ['felt-9', null, null, 'string']);
    assert.equal(detail.status, 200);
    assert.deepEqual(
      [detail.body.processId, detail.body.definition.levels, detail.body.snapshotVersion, detail.body.source, detail.body.prizePool],
      ['felt-9', LEVELS, null, 'database', 0],
    );
    expectProblem(await call('GET', `/api/admin/tournaments/${randomUUID()}`, { token: admin }), 404, 'not_found');
  });

  it('when an admin starts or cancels through the actor then the summary comes back changed, and cancelling refunds every entry', async () => {
    const { body: started } = await create(sngBody({ name: 'Started' }));
    const { body: cancelled } = await create(sngBody({ name: 'Cancelled' }));
    await host.open(started.tournamentId);
    await host.open(cancelled.tournamentId);
    await call('POST', `/api/tournaments/${cancelled.tournamentId}/register`, { token: player.token });
    const balance = await db().ledger.balance('player', player.id);

    const start = await call('POST', `/api/admin/tournaments/${started.tournamentId}/start`, { token: admin });
    const cancel = await call('POST', `/api/admin/tournaments/${cancelled.tournamentId}/cancel`, { token: admin });

    assert.deepEqual([start.status, start.body.status], [200, 'running']);
    assert.deepEqual([cancel.status, cancel.body.status], [200, 'cancelled']);
    assert.equal(await db().ledger.balance('player', player.id), balance + 55);
    expectProblem(await call('POST', `/api/admin/tournaments/${started.tournamentId}/pause`, { token: admin }), 409, 'tournament_not_running');
    expectProblem(await call('POST', `/api/admin/tournaments/${started.tournamentId}/resume`, { token: admin }), 409, 'not_paused');
  });

  it('when no actor runs a tournament then a command is 503 while it may still run, and 409 once it is over', async () => {
    const { body: waiting } = await create(sngBody({ name: 'No actor' }));
    const { body: over } = await create(sngBody({ name: 'Over' }));
    await db().tournaments.setStatus(over.tournamentId, 'running');
    await db().tournaments.setStatus(over.tournamentId, 'finished');

    expectProblem(await call('POST', `/api/admin/tournaments/${waiting.tournamentId}/start`, { token: admin }), 503, 'tournament_unavailable');
    expectProblem(await call('POST', `/api/admin/tournaments/${over.tournamentId}/cancel`, { token: admin }), 409, 'tournament_finished');
    expectProblem(await call('POST', `/api/admin/tournaments/${randomUUID()}/pause`, { token: admin }), 404, 'not_found');
  });

  it('when places are paid then the results list them first place first and the ledger shows the pool\'s transfers', async () => {
    const { body: created } = await create(sngBody({ name: 'Results' }));
    const id = created.tournamentId;
    const players = [await felt.guest('Ann'), await felt.guest('Bob')];
    for (const p of players) await db().entries.register({ tournamentId: id, playerId: p.id, name: p.id === players[0].id ? 'Ann' : 'Bob', buyIn: 50, fee: 5 });
    await db().tournaments.setStatus(id, 'running');
    await db().entries.recordPlace({ tournamentId: id, playerId: players[1].id, entryNo: 1, place: 2, prize: 0 });
    await db().entries.payPrize({ tournamentId: id, playerId: players[0].id, entryNo: 1, place: 1, prize: 100 });

    const results = await call('GET', `/api/admin/tournaments/${id}/results`, { token: admin });
    const ledger = await call('GET', `/api/admin/tournaments/${id}/ledger?limit=2`, { token: admin });

    assert.deepEqual(results.body, {
      tournamentId: id, status: 'running', prizesPaid: 100,
      results: [
        { place: 1, playerId: players[0].id, name: 'Ann', entryNo: 1, prize: 100 },
        { place: 2, playerId: players[1].id, name: 'Bob', entryNo: 1, prize: 0 },
      ],
    });
    assert.deepEqual([ledger.body.total, ledger.body.items.map((t: any) => [t.reason, t.change])], [3, [['tournamentPrize', -100], ['tournamentBuyIn', 50]]]);
    assert.equal(ledger.body.items[0].key, `tournament-prize:${id}:1`);
  });
});
