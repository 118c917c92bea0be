import type { Request, RequestHandler } from 'express';
import { AuthError } from '../auth/errors.ts';
import { verifyToken, type TokenClaims } from '../auth/tokens.ts';
import type { PlayerRecord } from '../persistence/types.ts';
import type { ApiDeps } from './types.ts';

/** Who made an authenticated request: the token's claims and the player as stored now. */
export type AuthContext = { claims: TokenClaims; player: PlayerRecord };

declare global {
  namespace Express {
    interface Request {
      /** Set by `authenticate`. */
      auth?: AuthContext;
    }
  }
}

/**
 * Requires `Authorization: Bearer <token>` and puts the caller on `req.auth`.
 * The player is read from the database on every request, so a ban or a lost
 * admin right takes effect at once rather than when the token expires.
 */
export function authenticate(deps: Pick<ApiDeps, 'db' | 'secret'>): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization');
    if (!header) throw new AuthError('missing_token', 'Sign in first and send your token as "Authorization: Bearer <token>".');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new AuthError('bad_token', 'Send your token as "Authorization: Bearer <token>".');
    const claims = await verifyToken(match[1], deps.secret);
    const player = await deps.db.players.findById(claims.playerId);
    if (!player) throw new AuthError('unknown_player', 'This token belongs to no player here; sign in again.');
    if (player.bannedAt) throw new AuthError('banned', 'This account is banned.');
    req.auth = { claims, player };
    next();
  };
}

/** After `authenticate`: lets only admins through (403 `admin_only`). */
export const requireAdmin: RequestHandler = (req, _res, next) => {
  if (!req.auth) throw new AuthError('missing_token', 'Sign in first and send your token as "Authorization: Bearer <token>".');
  if (!req.auth.player.isAdmin) throw new AuthError('admin_only', 'This needs an admin account.');
  next();
};

/** The caller of a route behind `authenticate`. */
export function authOf(req: Request): AuthContext {
  if (!req.auth) throw new Error('authOf() used on a route without authenticate()');
  return req.auth;
}
