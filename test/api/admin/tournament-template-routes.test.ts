import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeEachBackend, useFreshDatabase } from '../../persistence/databases.ts';
import { expectProblem } from '../helpers.ts';
import { useAdminApi } from './sessions.ts';

const definition = (overrides: Record<string, unknown> = {}) => ({
  kind: 'mtt', variant: 'NT', buyIn: 100, fee: 10, startingStack: 3000, tableSize: 9, minEntrants: 2, maxEntrants: 200,
  levels: [{ smallBlind: 10, bigBlind: 20, ante: 0, seconds: 600 }, { smallBlind: 20, bigBlind: 40, ante: 5, seconds: 600 }],
  ...overrides,
});

describeEachBackend('api: admin tournament templates', (backend) => {
  const db = useFreshDatabase(backend);
  const context = useAdminApi(db);
  const call = (method: string, path: string, body?: unknown, token = context.admin.token) => context.api.call(method, path, { token, ...(body !== undefined ? { body } : {}) });

  it('when an admin creates a scheduled template then it comes back with its schedule and lead, and is listed and readable', async () => {
    const created = await call('POST', '/api/admin/tournament-templates', { name: 'Nightly', definition: definition(), schedule: '0 20 * * *', leadMinutes: 90 });

    assert.equal(created.status, 201);
    assert.deepEqual(
      [created.body.name, created.body.schedule, created.body.leadMinutes, created.body.refill, created.body.retiredAt, created.body.definition.buyIn],
      ['Nightly', '0 20 * * *', 90, false, null, 100],
    );
    assert.deepEqual((await call('GET', `/api/admin/tournament-templates/${created.body.id}`)).body, created.body);
    const list = await call('GET', '/api/admin/tournament-templates');
    assert.ok(list.body.items.some((item: any) => item.id === created.body.id));
  });

  it('when an admin creates a sit-and-go template then it is refilled unless said otherwise and has no schedule', async () => {
    const created = await call('POST', '/api/admin/tournament-templates', { name: 'Turbo', definition: definition({ kind: 'sng', maxEntrants: 6, tableSize: 6 }) });

    assert.deepEqual([created.status, created.body.refill, created.body.schedule], [201, true, null]);
  });

  it('when a template breaks a rule then it is a 422 under the rule\'s code naming the field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: 'Bad', definition: definition(), schedule: 'every evening' }, 'bad_schedule', 'schedule'],
      [{ name: 'Bad', definition: definition(), schedule: '*/10 * * * * *' }, 'bad_schedule', 'schedule'],
      [{ name: 'Bad', definition: definition() }, 'bad_schedule', 'schedule'],
      [{ name: 'Bad', definition: definition({ kind: 'sng', maxEntrants: 6 }), schedule: '0 20 * * *' }, 'bad_schedule', 'schedule'],
      [{ name: 'Bad', definition: definition(), schedule: '0 20 * * *', leadMinutes: 0 }, 'bad_lead_minutes', 'leadMinutes'],
      [{ name: 'Bad', definition: definition({ payouts: [70, 20] }), schedule: '0 20 * * *' }, 'payouts_not_100', 'definition.payouts'],
      [{ name: 'Bad', definition: definition({ levels: [] }), schedule: '0 20 * * *' }, 'no_levels', 'definition.levels'],
      [{ name: ' ', definition: definition(), schedule: '0 20 * * *' }, 'bad_name', 'name'],
    ];
    for (const [body, code, field] of cases) {
      const problem = expectProblem(await call('POST', '/api/admin/tournament-templates', body), 422, code);
      assert.deepEqual(problem.errors, [{ field, message: problem.detail }], `${code} ${JSON.stringify(body)}`);
    }
    expectProblem(await call('POST', '/api/admin/tournament-templates', { name: 'Bad', definition: { ...definition(), name: 'x' }, schedule: '0 20 * * *' }), 400, 'invalid_request');
  });

  it('when a template is changed then the change is checked against the whole template, and a retired one cannot change', async () => {
    const { body: created } = await call('POST', '/api/admin/tournament-templates', { name: 'Weekly', definition: definition(), schedule: '0 18 * * 0' });

    const changed = await call('PATCH', `/api/admin/tournament-templates/${created.id}`, { schedule: '30 18 * * 6', leadMinutes: 120 });
    const refused = await call('PATCH', `/api/admin/tournament-templates/${created.id}`, { schedule: null });
    const retired = await call('POST', `/api/admin/tournament-templates/${created.id}/retire`);
    const afterRetiring = await call('PATCH', `/api/admin/tournament-templates/${created.id}`, { leadMinutes: 30 });

    assert.deepEqual([changed.status, changed.body.schedule, changed.body.leadMinutes], [200, '30 18 * * 6', 120]);
    expectProblem(refused, 422, 'bad_schedule');
    assert.equal(typeof retired.body.retiredAt, 'string');
    expectProblem(afterRetiring, 409, 'template_retired');
    const active = await call('GET', '/api/admin/tournament-templates');
    const all = await call('GET', '/api/admin/tournament-templates?includeRetired=true');
    assert.ok(!active.body.items.some((item: any) => item.id === created.id) && all.body.items.some((item: any) => item.id === created.id));
  });

  it('when a template is unknown or the caller no admin then it is a 404, 401 or 403', async () => {
    expectProblem(await call('GET', `/api/admin/tournament-templates/${randomUUID()}`), 404, 'not_found');
    expectProblem(await call('PATCH', `/api/admin/tournament-templates/${randomUUID()}`, { leadMinutes: 5 }), 404, 'not_found');
    expectProblem(await call('POST', `/api/admin/tournament-templates/${randomUUID()}/retire`), 404, 'not_found');
    expectProblem(await call('GET', '/api/admin/tournament-templates', undefined, context.player.token), 403, 'admin_only');
    expectProblem(await context.api.call('GET', '/api/admin/tournament-templates'), 401, 'missing_token');
  });
});
