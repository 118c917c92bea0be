import assert from 'node:assert/strict';
import { verifyToken } from '../../src/auth/tokens.ts';
import { expectProblem, startApi, uniqueUsername, type TestApi } from './helpers.ts';

describe('api: auth routes', () => {
  let api: TestApi;

  before(async () => {
    api = await startApi();
  });

  after(async () => {
    await api.close();
  });

  describe('POST /api/auth/guest', () => {
    it('when a guest gives no name then they get a Guest-XXXX name, a token for that player and a fresh wallet', async () => {
      const answer = await api.call('POST', '/api/auth/guest', { body: {} });

      assert.equal(answer.status, 201);
      assert.match(answer.body.user.name, /^Guest-\d{4}$/);
      assert.equal(typeof answer.body.user.id, 'string');
      assert.equal(answer.body.user.username, null);
      assert.equal(answer.body.user.isAdmin, false);
      const claims = await verifyToken(answer.body.token, api.secret);
      assert.deepEqual(claims, { playerId: answer.body.user.id, name: answer.body.user.name, isAdmin: false });
      assert.equal(await api.db.ledger.balance('player', answer.body.user.id), 5000);
    });

    it('when a guest sends no body at all then they still get a guest account', async () => {
      const answer = await api.call('POST', '/api/auth/guest');

      assert.equal(answer.status, 201);
      assert.match(answer.body.user.name, /^Guest-\d{4}$/);
    });

    it('when a guest gives a padded name then it is trimmed', async () => {
      const answer = await api.call('POST', '/api/auth/guest', { body: { name: '  Ada Lovelace  ' } });

      assert.equal(answer.status, 201);
      assert.equal(answer.body.user.name, 'Ada Lovelace');
      assert.equal((await api.db.players.findById(answer.body.user.id))?.name, 'Ada Lovelace');
    });

    it('when a guest gives a blank name then they get a default name', async () => {
      const answer = await api.call('POST', '/api/auth/guest', { body: { name: '   ' } });

      assert.equal(answer.status, 201);
      assert.match(answer.body.user.name, /^Guest-\d{4}$/);
    });

    it('when a guest name has 24 characters then it is accepted, and with 25 then it is refused with 400', async () => {
      const ok = await api.call('POST', '/api/auth/guest', { body: { name: 'x'.repeat(24) } });
      const tooLong = await api.call('POST', '/api/auth/guest', { body: { name: 'x'.repeat(25) } });

      assert.equal(ok.status, 201);
      const problem = expectProblem(tooLong, 400, 'invalid_request');
      assert.deepEqual(problem.errors, [{ field: 'name', message: 'must be at most 24 characters' }]);
    });

    it('when a guest name is not text or holds control characters then it is refused with 400', async () => {
      expectProblem(await api.call('POST', '/api/auth/guest', { body: { name: 42 } }), 400, 'invalid_request');
      expectProblem(await api.call('POST', '/api/auth/guest', { body: { name: 'bad\u0007name' } }), 400, 'invalid_request');
    });

    it('when the body is a JSON array then it is refused with 400', async () => {
      expectProblem(await api.call('POST', '/api/auth/guest', { body: ['name'] }), 400, 'invalid_request');
    });
  });

  describe('POST /api/auth/register', () => {
    it('when a free username registers then the answer has a token and the user, and the wallet holds the starting balance', async () => {
      const answer = await api.call('POST', '/api/auth/register', { body: { username: 'alice_01', password: 'correct horse' } });

      assert.equal(answer.status, 201);
      assert.equal(answer.body.user.username, 'alice_01');
      assert.equal(answer.body.user.name, 'alice_01');
      assert.equal(answer.body.user.isAdmin, false);
      const claims = await verifyToken(answer.body.token, api.secret);
      assert.equal(claims.playerId, answer.body.user.id);
      assert.equal(await api.db.ledger.balance('player', answer.body.user.id), 5000);
    });

    it('when the username has capitals then it is stored lower-cased and a display name can be given', async () => {
      const answer = await api.call('POST', '/api/auth/register', { body: { username: 'BoB_Smith', password: 'password123', name: 'Bob S.' } });

      assert.equal(answer.status, 201);
      assert.equal(answer.body.user.username, 'bob_smith');
      assert.equal(answer.body.user.name, 'Bob S.');
      assert.equal((await api.db.players.findByUsername('bob_smith'))?.id, answer.body.user.id);
    });

    it('when the password is stored then it is an scrypt hash, not the password', async () => {
      const username = uniqueUsername('hash');
      await api.call('POST', '/api/auth/register', { body: { username, password: 'password123' } });

      const stored = await api.db.players.findByUsername(username);
      assert.match(stored?.passwordHash ?? '', /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
      assert.ok(!stored?.passwordHash?.includes('password123'));
    });

    it('when the username is taken (in any case) then the answer is 409 username_taken and nothing changes', async () => {
      const username = uniqueUsername('taken');
      const first = await api.call('POST', '/api/auth/register', { body: { username, password: 'password123' } });
      const second = await api.call('POST', '/api/auth/register', { body: { username: username.toUpperCase(), password: 'another-pass' } });

      expectProblem(second, 409, 'username_taken');
      const login = await api.call('POST', '/api/auth/login', { body: { username, password: 'password123' } });
      assert.equal(login.body.user.id, first.body.user.id);
    });

    it('when two registrations race for one username then exactly one wins and the other gets 409', async () => {
      const username = uniqueUsername('race');
      const answers = await Promise.all([
        api.call('POST', '/api/auth/register', { body: { username, password: 'password-one' } }),
        api.call('POST', '/api/auth/register', { body: { username, password: 'password-two' } }),
      ]);

      assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 409]);
    });

    it('when the username breaks the rules then the answer is 400 naming the field', async () => {
      for (const username of ['ab', 'a'.repeat(21), 'has space', 'dash-name', 'émile']) {
        const problem = expectProblem(await api.call('POST', '/api/auth/register', { body: { username, password: 'password123' } }), 400, 'invalid_request');
        assert.deepEqual(problem.errors, [{ field: 'username', message: 'must be 3 to 20 letters, digits or underscores' }], username);
      }
    });

    it('when the password is shorter than 8 or longer than 128 characters then the answer is 400', async () => {
      const short = expectProblem(await api.call('POST', '/api/auth/register', { body: { username: uniqueUsername('pw'), password: 'seven77' } }), 400, 'invalid_request');
      const long = expectProblem(await api.call('POST', '/api/auth/register', { body: { username: uniqueUsername('pw'), password: 'p'.repeat(129) } }), 400, 'invalid_request');
      const longest = await api.call('POST', '/api/auth/register', { body: { username: uniqueUsername('pw'), password: 'p'.repeat(128) } });

      assert.deepEqual(short.errors, [{ field: 'password', message: 'must be at least 8 characters' }]);
      assert.deepEqual(long.errors, [{ field: 'password', message: 'must be at most 128 characters' }]);
      assert.equal(longest.status, 201);
    });

    it('when fields are missing then every missing field is listed', async () => {
      const problem = expectProblem(await api.call('POST', '/api/auth/register', { body: {} }), 400, 'invalid_request');

      assert.deepEqual(problem.errors, [
        { field: 'username', message: 'is required' },
        { field: 'password', message: 'is required' },
      ]);
      assert.equal(problem.detail, 'Username is required; password is required.');
    });
  });

  describe('POST /api/auth/login', () => {
    const password = 'open sesame';
    let username: string;
    let playerId: string;

    before(async () => {
      username = uniqueUsername('login');
      const answer = await api.call('POST', '/api/auth/register', { body: { username, password, name: 'Login Tester' } });
      playerId = answer.body.user.id;
    });

    it('when the username and password are right then the answer is a token for that player', async () => {
      const answer = await api.call('POST', '/api/auth/login', { body: { username, password } });

      assert.equal(answer.status, 200);
      assert.equal(answer.body.user.id, playerId);
      assert.equal(answer.body.user.name, 'Login Tester');
      assert.deepEqual(await verifyToken(answer.body.token, api.secret), { playerId, name: 'Login Tester', isAdmin: false });
    });

    it('when the username is typed in another case then login still works', async () => {
      const answer = await api.call('POST', '/api/auth/login', { body: { username: ` ${username.toUpperCase()} `, password } });

      assert.equal(answer.status, 200);
      assert.equal(answer.body.user.id, playerId);
    });

    it('when the password is wrong or the user unknown then both get the same 401 answer', async () => {
      const wrongPassword = expectProblem(await api.call('POST', '/api/auth/login', { body: { username, password: 'not the password' } }), 401, 'bad_credentials');
      const unknownUser = expectProblem(await api.call('POST', '/api/auth/login', { body: { username: 'nobody_here', password } }), 401, 'bad_credentials');
      const impossibleUser = expectProblem(await api.call('POST', '/api/auth/login', { body: { username: 'no such user!', password } }), 401, 'bad_credentials');

      assert.equal(wrongPassword.detail, unknownUser.detail);
      assert.equal(wrongPassword.detail, impossibleUser.detail);
      assert.equal(wrongPassword.title, unknownUser.title);
    });

    it('when the password differs only in case then it is refused', async () => {
      expectProblem(await api.call('POST', '/api/auth/login', { body: { username, password: password.toUpperCase() } }), 401, 'bad_credentials');
    });

    it('when the body lacks the password then the answer is 400', async () => {
      const problem = expectProblem(await api.call('POST', '/api/auth/login', { body: { username } }), 400, 'invalid_request');

      assert.deepEqual(problem.errors, [{ field: 'password', message: 'is required' }]);
    });
  });
});
