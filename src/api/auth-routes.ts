import { Router } from 'express';
import { AuthError } from '../auth/errors.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../auth/passwords.ts';
import { guestName } from '../auth/rules.ts';
import { issueSession } from './issue-token.ts';
import { methodNotAllowed } from './method-not-allowed.ts';
import { registerRouteDoc } from './openapi/registry.ts';
import { ApiProblem } from './problem.ts';
import { guestBody, loginBody, parseBody, registerBody } from './schemas.ts';
import type { ApiDeps } from './types.ts';
import { sessionView } from './user-view.ts';

const BAD_CREDENTIALS = 'The username or password is wrong.';

/** `/api/auth/guest`, `/register`, `/login`: each answers `{token, user}`. */
export function authRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db, config } = deps;
  const tags = ['auth'];
  registerRouteDoc({
    method: 'post', path: '/api/auth/guest', summary: 'Play as a guest: a token and a funded wallet', tags, auth: 'none',
    body: guestBody, response: sessionView, status: 201, errors: [415, 429],
  });
  registerRouteDoc({
    method: 'post', path: '/api/auth/register', summary: 'Register a username and password', tags, auth: 'none',
    body: registerBody, response: sessionView, status: 201, errors: [409, 415, 429],
  });
  registerRouteDoc({
    method: 'post', path: '/api/auth/login', summary: 'Sign in with username and password', tags, auth: 'none',
    body: loginBody, response: sessionView, errors: [401, 403, 415, 429],
  });

  router.route('/guest')
    .post(async (req, res) => {
      const { name } = parseBody(guestBody, req.body ?? {});
      const player = await db.players.createGuest(name ?? guestName(), config.startingBalance);
      res.status(201).json(await issueSession(deps, player));
    })
    .all(methodNotAllowed('POST'));

  router.route('/register')
    .post(async (req, res) => {
      const { username, password, name } = parseBody(registerBody, req.body);
      // A cheap look-up first spares a password hash; the insert still decides races (username_taken → 409).
      if (await db.players.findByUsername(username)) throw usernameTaken(username);
      const passwordHash = await hashPassword(password);
      const player = await db.players.register({ username, name: name ?? username, passwordHash }, config.startingBalance);
      res.status(201).json(await issueSession(deps, player));
    })
    .all(methodNotAllowed('POST'));

  router.route('/login')
    .post(async (req, res) => {
      const { username, password } = parseBody(loginBody, req.body);
      const player = await db.players.findByUsername(username);
      // Unknown user and wrong password take the same time and get the same answer.
      const valid = player?.passwordHash ? await verifyPassword(password, player.passwordHash) : await verifyAgainstDummy(password);
      if (!player || !valid) throw new AuthError('bad_credentials', BAD_CREDENTIALS);
      // Only someone who knows the password learns that the account is banned.
      if (player.bannedAt) throw new AuthError('banned', 'This account is banned.');
      const { passwordHash: _secret, ...record } = player;
      res.json(await issueSession(deps, record));
    })
    .all(methodNotAllowed('POST'));

  return router;
}

function usernameTaken(username: string): ApiProblem {
  return new ApiProblem(409, 'username_taken', `The username "${username}" is taken; choose another.`);
}
