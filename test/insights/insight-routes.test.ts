import assert from 'node:assert/strict';
import { adminSession, playerSession } from '../api/admin/sessions.ts';
import { expectProblem, startApi, type TestApi } from '../api/helpers.ts';

describe('insight routes without the insights service', () => {
  let api: TestApi;

  before(async () => {
    api = await startApi();
  });

  after(async () => {
    await api.close();
  });

  it('when the API runs without game processes then the feed and manual runs answer 503 and the stored insights still list', async () => {
    const { token } = await adminSession(api);
    expectProblem(await api.call('POST', '/api/admin/insights/run', { token }), 503, 'insights_unavailable');
    expectProblem(await api.call('GET', '/api/admin/insights/feed', { token }), 503, 'insights_unavailable');
    const list = await api.call('GET', '/api/admin/insights', { token });
    assert.equal(list.status, 200);
    assert.deepEqual(list.body, { items: [], limit: 50, offset: 0, total: 0 });
  });

  it('when a query token is given with a header then the header decides', async () => {
    const admin = await adminSession(api);
    const player = await playerSession(api);
    expectProblem(await api.call('GET', `/api/admin/insights/feed?token=${admin.token}`, { token: player.token }), 403, 'admin_only');
  });

  it('when a token is sent in the query of any other route then it is ignored', async () => {
    const { token } = await adminSession(api);
    expectProblem(await api.call('GET', `/api/admin/insights?token=${token}`), 401, 'missing_token');
  });
});
