import assert from 'node:assert/strict';
import { describeEachBackend, useFreshDatabase } from '../../persistence/databases.ts';
import { expectProblem, startApi, type TestApi } from '../helpers.ts';
import { adminSession, playerSession, type Session } from './sessions.ts';

describeEachBackend('api: admin tables without game rooms', (backend) => {
  const db = useFreshDatabase(backend);
  let api: TestApi;
  let admin: Session;

  before(async () => {
    api = await startApi({ db: db() });
    admin = await adminSession(api);
  });

  after(async () => {
    await api.close();
  });

  it('when the API runs without rooms then the table routes answer 503 tables_unavailable', async () => {
    for (const [method, path, body] of [['GET', '/api/admin/tables'], ['POST', '/api/admin/tables', { templateId: 'x' }], ['GET', '/api/admin/tables/t-1'], ['POST', '/api/admin/tables/t-1/close']] as const) {
      expectProblem(await api.call(method, path, { token: admin.token, ...(body ? { body } : {}) }), 503, 'tables_unavailable');
    }
  });

  it('when the API runs without rooms then a ban still refuses the player at once', async () => {
    const target = await playerSession(api, 'Target');

    const banned = await api.call('POST', `/api/admin/players/${target.player.id}/ban`, { token: admin.token });

    assert.equal(banned.status, 200);
    assert.deepEqual(banned.body.expelled, []);
    expectProblem(await api.call('GET', '/api/me', { token: target.token }), 403, 'banned');
    const lifted = await api.call('POST', `/api/admin/players/${target.player.id}/unban`, { token: admin.token });
    assert.equal(lifted.status, 200);
    assert.equal((await api.call('GET', '/api/me', { token: target.token })).status, 200);
  });
});
