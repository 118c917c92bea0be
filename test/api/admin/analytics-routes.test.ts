import assert from 'node:assert/strict';
import { JobCoordinator } from '../../../src/jobs/coordinator.ts';
import { describeEachBackend, useFreshDatabase } from '../../persistence/databases.ts';
import { expectProblem, startApi, type TestApi } from '../helpers.ts';
import { adminSession, playerSession, type Session } from './sessions.ts';

const minute = (n: number) => new Date(Date.UTC(2026, 11, 2, 9, n));

describeEachBackend('api: admin analytics and job runs', (backend) => {
  const db = useFreshDatabase(backend);
  let api: TestApi;
  let admin: Session;
  let player: Session;

  before(async () => {
    api = await startApi({ db: db() });
    admin = await adminSession(api);
    player = await playerSession(api);
    for (const n of [0, 1, 2]) {
      await db().analytics.saveSnapshot({
        takenAt: minute(n), openTables: n, seatedPlayers: 2 * n, watchers: n, hands: 10 + n, rake: 3 * n,
        tournamentEntries: n + 1, tournamentFees: 5 * n, tournamentPrizes: 100 * n, connections: { 'felt-1': n },
      });
    }
    await db().orm.em.fork().execute(
      `insert into "template_hourly" ("template_id", "hour", "hands", "unique_players", "rake", "pot_total", "flop_hands", "flop_players") values
       ('tpl-a', ?, 4, 5, 6, 100, 3, 7), ('tpl-b', ?, 2, 3, 0, 9, 0, 0), ('tpl-a', ?, 1, 2, 1, 30, 1, 2)`,
      [new Date('2026-12-02T08:00:00Z'), new Date('2026-12-02T08:00:00Z'), new Date('2026-12-02T09:00:00Z')],
    );
    await db().orm.em.fork().execute(
      `insert into "tournament_hourly" ("hour", "entries", "refunds", "rebuys", "add_ons", "buy_ins", "purchases", "fees", "prizes") values
       (?, 10, 1, 2, 3, 1000, 250, 90, 400), (?, 4, 0, 0, 0, 400, 0, 40, 0)`,
      [new Date('2026-12-02T08:00:00Z'), new Date('2026-12-02T09:00:00Z')],
    );
    const coordinator = new JobCoordinator({ runs: db().jobRuns, processId: 'felt-7', now: () => new Date('2026-12-02T09:00:01Z') });
    await coordinator.runOnce('cleanup', minute(0).toISOString(), async () => 'done');
    await coordinator.runOnce('cleanup', minute(1).toISOString(), async () => {
      throw new Error('table t-1 did not answer');
    });
  });

  after(async () => {
    await api.close();
  });

  it('when an admin lists snapshots in a range then those minutes come, newest first, with every figure', async () => {
    const answer = await api.call('GET', `/api/admin/analytics/snapshots?from=${minute(1).toISOString()}&to=${minute(3).toISOString()}&limit=1`, { token: admin.token });

    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, {
      items: [{
        takenAt: minute(2).toISOString(), openTables: 2, seatedPlayers: 4, watchers: 2, hands: 12, rake: 6,
        tournamentEntries: 3, tournamentFees: 10, tournamentPrizes: 200, connections: { 'felt-1': 2 },
      }],
      limit: 1, offset: 0, total: 2,
    });
  });

  it('when an admin lists hourly rows of a template then the averages come with the sums', async () => {
    const answer = await api.call('GET', '/api/admin/analytics/hourly?templateId=tpl-a', { token: admin.token });
    const everyTemplate = await api.call('GET', '/api/admin/analytics/hourly?from=2026-12-02T08:00:00Z&to=2026-12-02T09:00:00Z', { token: admin.token });

    assert.equal(answer.status, 200);
    assert.equal(answer.body.total, 2);
    assert.deepEqual(answer.body.items[0], {
      templateId: 'tpl-a', hour: '2026-12-02T09:00:00.000Z', hands: 1, uniquePlayers: 2, rake: 1, potTotal: 30,
      averagePot: 30, flopHands: 1, flopPlayers: 2, flopShare: 1, playersPerFlop: 2,
    });
    assert.deepEqual(answer.body.items[1], {
      templateId: 'tpl-a', hour: '2026-12-02T08:00:00.000Z', hands: 4, uniquePlayers: 5, rake: 6, potTotal: 100,
      averagePot: 25, flopHands: 3, flopPlayers: 7, flopShare: 0.75, playersPerFlop: 2.33,
    });
    assert.deepEqual(everyTemplate.body.items.map((item: any) => [item.templateId, item.playersPerFlop]), [['tpl-a', 2.33], ['tpl-b', null]]);
  });

  it('when an admin lists hourly tournament money then each hour comes with its counts and amounts, newest first', async () => {
    const answer = await api.call('GET', '/api/admin/analytics/tournaments/hourly?from=2026-12-02T08:00:00Z', { token: admin.token });
    const later = await api.call('GET', '/api/admin/analytics/tournaments/hourly?from=2026-12-02T09:00:00Z', { token: admin.token });

    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.items, [
      { hour: '2026-12-02T09:00:00.000Z', entries: 4, refunds: 0, rebuys: 0, addOns: 0, buyIns: 400, purchases: 0, fees: 40, prizes: 0 },
      { hour: '2026-12-02T08:00:00.000Z', entries: 10, refunds: 1, rebuys: 2, addOns: 3, buyIns: 1000, purchases: 250, fees: 90, prizes: 400 },
    ]);
    assert.equal(later.body.total, 1);
  });

  it('when an admin lists job runs then each shows its status, process and error, filtered by status on request', async () => {
    const all = await api.call('GET', '/api/admin/jobs/runs?jobName=cleanup', { token: admin.token });
    const failed = await api.call('GET', '/api/admin/jobs/runs?status=failed', { token: admin.token });

    assert.equal(all.status, 200);
    assert.equal(all.body.total, 2);
    assert.deepEqual(failed.body.items.map(({ durationMs, ...run }: any) => run), [{
      jobName: 'cleanup', slot: minute(1).toISOString(), processId: 'felt-7', status: 'failed',
      startedAt: '2026-12-02T09:00:01.000Z', finishedAt: '2026-12-02T09:00:01.000Z', error: 'Error: table t-1 did not answer',
    }]);
    assert.equal(typeof failed.body.items[0].durationMs, 'number');
  });

  it('when no token or a player\'s token is sent then every route refuses with 401 or 403', async () => {
    for (const path of ['/api/admin/analytics/snapshots', '/api/admin/analytics/hourly', '/api/admin/analytics/tournaments/hourly', '/api/admin/jobs/runs']) {
      expectProblem(await api.call('GET', path), 401, 'missing_token');
      expectProblem(await api.call('GET', path, { token: player.token }), 403, 'admin_only');
    }
  });

  it('when the query is malformed then it is 400 naming the field, and a range that ends before it starts is 422', async () => {
    const badDate = expectProblem(await api.call('GET', '/api/admin/analytics/snapshots?from=yesterday', { token: admin.token }), 400, 'invalid_request');
    expectProblem(await api.call('GET', '/api/admin/analytics/hourly?limit=0', { token: admin.token }), 400, 'invalid_request');
    const badStatus = expectProblem(await api.call('GET', '/api/admin/jobs/runs?status=exploded', { token: admin.token }), 400, 'invalid_request');
    const backwards = expectProblem(await api.call('GET', `/api/admin/analytics/snapshots?from=${minute(2).toISOString()}&to=${minute(1).toISOString()}`, { token: admin.token }), 422, 'unprocessable');

    assert.deepEqual((badDate.errors as any[]).map((error) => error.field), ['query.from']);
    assert.deepEqual((badStatus.errors as any[]).map((error) => error.field), ['query.status']);
    assert.match(backwards.detail, /must be before/);
  });
});
