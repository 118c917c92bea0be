import assert from 'node:assert/strict';
import { banPlayer, expectProblem, startApi, uniqueUsername, type TestApi } from './helpers.ts';

describe('api: banned players', () => {
  let api: TestApi;

  before(async () => {
    api = await startApi();
  });

  after(async () => {
    await api.close();
  });

  async function bannedPlayer(): Promise<{ username: string; token: string }> {
    const username = uniqueUsername('ban');
    const answer = await api.call('POST', '/api/auth/register', { body: { username, password: 'password123' } });
    await banPlayer(api.db, answer.body.user.id);
    return { username, token: answer.body.token };
  }

  it('when a banned player logs in with the right password then the answer is 403 banned and no token', async () => {
    const { username } = await bannedPlayer();

    const answer = await api.call('POST', '/api/auth/login', { body: { username, password: 'password123' } });

    expectProblem(answer, 403, 'banned');
    assert.equal(answer.body.token, undefined);
  });

  it('when a banned player logs in with a wrong password then the answer is the usual 401, revealing nothing', async () => {
    const { username } = await bannedPlayer();

    expectProblem(await api.call('POST', '/api/auth/login', { body: { username, password: 'wrong-password' } }), 401, 'bad_credentials');
  });

  it('when a player is banned after signing in then their still-valid token is refused with 403', async () => {
    const { token } = await bannedPlayer();

    expectProblem(await api.call('GET', '/api/me', { token }), 403, 'banned');
  });

  it('when a banned guest uses their token then it is refused with 403', async () => {
    const guest = await api.call('POST', '/api/auth/guest', { body: {} });
    await banPlayer(api.db, guest.body.user.id);

    expectProblem(await api.call('GET', '/api/me', { token: guest.body.token }), 403, 'banned');
  });
});
