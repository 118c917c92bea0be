import assert from 'node:assert/strict';
import { authenticate, authOf, requireAdmin } from '../../src/api/authenticate.ts';
import { apiErrorHandler } from '../../src/api/error-handler.ts';
import { ensureAdmin } from '../../src/auth/admin.ts';
import { createLogger } from '../../src/log.ts';
import { expectProblem, startApi, type TestApi } from './helpers.ts';

describe('api: authenticate and requireAdmin', () => {
  let api: TestApi;

  before(async () => {
    api = await startApi({
      env: { FELT_ADMIN_USERNAME: 'Boss', FELT_ADMIN_PASSWORD: 'admin-password' },
      // A stand-in for the admin routes to come, mounted the way they will be.
      before: (app, deps) => {
        app.get('/api/test/admin', authenticate(deps), requireAdmin, (req, res) => {
          res.json({ admin: authOf(req).player.username, claims: authOf(req).claims });
        });
      },
      after: (app, { config }) => {
        app.use(apiErrorHandler(createLogger(config)));
      },
    });
    await ensureAdmin(api.db, api.config);
  });

  after(async () => {
    await api.close();
  });

  it('when the configured admin signs in then their token opens admin routes', async () => {
    const login = await api.call('POST', '/api/auth/login', { body: { username: 'boss', password: 'admin-password' } });

    const answer = await api.call('GET', '/api/test/admin', { token: login.body.token });

    assert.equal(login.body.user.isAdmin, true);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { admin: 'boss', claims: { playerId: login.body.user.id, name: 'boss', isAdmin: true } });
  });

  it('when a player who is not an admin calls an admin route then the answer is 403 admin_only', async () => {
    const guest = await api.call('POST', '/api/auth/guest', { body: {} });

    expectProblem(await api.call('GET', '/api/test/admin', { token: guest.body.token }), 403, 'admin_only');
  });

  it('when nobody is signed in then an admin route answers 401 missing_token', async () => {
    expectProblem(await api.call('GET', '/api/test/admin'), 401, 'missing_token');
  });
});
