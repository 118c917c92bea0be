import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { signToken } from '../../src/auth/tokens.ts';
import { expectProblem, startApi, uniqueUsername, type TestApi } from './helpers.ts';

describe('api: GET /api/me', () => {
  let api: TestApi;

  before(async () => {
    api = await startApi();
  });

  after(async () => {
    await api.close();
  });

  async function register(): Promise<{ token: string; id: string; username: string }> {
    const username = uniqueUsername('me');
    const answer = await api.call('POST', '/api/auth/register', { body: { username, password: 'password123' } });
    return { token: answer.body.token, id: answer.body.user.id, username };
  }

  it('when a player sends their token then the answer is their account and wallet balance', async () => {
    const { token, id, username } = await register();

    const answer = await api.call('GET', '/api/me', { token });

    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.deepEqual(answer.body.wallet, { balance: 5000 });
    assert.equal(answer.body.user.id, id);
    assert.equal(answer.body.user.name, username);
    assert.equal(answer.body.user.username, username);
    assert.equal(answer.body.user.isAdmin, false);
    assert.ok(!Number.isNaN(Date.parse(answer.body.user.createdAt)));
  });

  it('when a guest sends their token then they see their guest account', async () => {
    const guest = await api.call('POST', '/api/auth/guest', { body: { name: 'Visitor' } });

    const answer = await api.call('GET', '/api/me', { token: guest.body.token });

    assert.equal(answer.status, 200);
    assert.deepEqual({ id: answer.body.user.id, name: answer.body.user.name, username: answer.body.user.username }, { id: guest.body.user.id, name: 'Visitor', username: null });
    assert.deepEqual(answer.body.wallet, { balance: 5000 });
  });

  it('when chips move into the wallet then the balance shows them', async () => {
    const { token, id } = await register();
    await api.db.ledger.transfer({
      key: `test-credit-${id}`,
      reason: 'credit',
      entries: [{ kind: 'external', owner: 'test', amount: -250 }, { kind: 'player', owner: id, amount: 250 }],
    });

    const answer = await api.call('GET', '/api/me', { token });

    assert.deepEqual(answer.body.wallet, { balance: 5250 });
  });

  it('when no token is sent then the answer is 401 missing_token with a Bearer challenge', async () => {
    const answer = await api.call('GET', '/api/me');

    expectProblem(answer, 401, 'missing_token');
    assert.equal(answer.headers.get('www-authenticate'), 'Bearer');
  });

  it('when the Authorization header is not a Bearer token then the answer is 401 bad_token', async () => {
    const { token } = await register();

    expectProblem(await api.call('GET', '/api/me', { headers: { authorization: `Token ${token}` } }), 401, 'bad_token');
    expectProblem(await api.call('GET', '/api/me', { headers: { authorization: 'Bearer' } }), 401, 'bad_token');
  });

  it('when the token is tampered with then the answer is 401 bad_token', async () => {
    const { token } = await register();
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, adm: true }), 'base64url').toString('base64url');
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');

    const answer = await api.call('GET', '/api/me', { token: `${header}.${forged}.${signature}` });
    expectProblem(answer, 401, 'bad_token');
    assert.equal(answer.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
    expectProblem(await api.call('GET', '/api/me', { token: `${header}.${payload}.${flipped}` }), 401, 'bad_token');
    expectProblem(await api.call('GET', '/api/me', { token: 'not-a-jwt' }), 401, 'bad_token');
  });

  it('when the token has expired then the answer is 401 bad_token saying so', async () => {
    const { id } = await register();
    const expired = await signToken({ playerId: id, name: 'x', isAdmin: false }, api.secret, { ttlSeconds: 60, now: new Date(Date.now() - 3_600_000) });

    const problem = expectProblem(await api.call('GET', '/api/me', { token: expired }), 401, 'bad_token');

    assert.match(problem.detail, /expired/);
  });

  it('when the token was signed with another secret then the answer is 401 bad_token', async () => {
    const { id } = await register();
    const foreign = await signToken({ playerId: id, name: 'x', isAdmin: true }, new TextEncoder().encode('some-other-secret-some-other-secret'));

    expectProblem(await api.call('GET', '/api/me', { token: foreign }), 401, 'bad_token');
  });

  it('when a valid token names no player here then the answer is 401 unknown_player', async () => {
    const token = await signToken({ playerId: randomUUID(), name: 'ghost', isAdmin: false }, api.secret);

    expectProblem(await api.call('GET', '/api/me', { token }), 401, 'unknown_player');
  });
});
