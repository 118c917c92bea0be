import type { Request, RequestHandler, Response } from 'express';
import { verifyToken } from '../auth/tokens.ts';
import type { Database } from '../persistence/database.ts';
import { problemType } from '../api/problem.ts';

/**
 * The admin pages Felt serves outside the API (the Colyseus monitor) cannot
 * send a Bearer header from a plain link, so the dashboard trades its token
 * for this cookie after signing in. HttpOnly (no script reads it), SameSite
 * Strict (no other site's page sends it), scoped to the monitor's path, and
 * checked on every request like a token: a ban or a lost admin right
 * applies at once.
 */
export const ADMIN_COOKIE = 'felt_admin';
const COOKIE_PATH = '/monitor';
const COOKIE_MAX_AGE_S = 8 * 60 * 60;

export type AdminCheck = { db: Database; secret: Uint8Array };

/** The player behind `token` when it is a valid token of an admin who is not banned; null otherwise. */
export async function adminOf(deps: AdminCheck, token: string | undefined | null): Promise<{ id: string } | null> {
  if (!token) return null;
  try {
    const claims = await verifyToken(token, deps.secret);
    const player = await deps.db.players.findById(claims.playerId);
    return player && player.isAdmin && !player.bannedAt ? { id: player.id } : null;
  } catch {
    return null;
  }
}

export function cookieOf(req: Request, name: string): string | null {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

function isHttps(req: Request): boolean {
  return req.secure || req.get('x-forwarded-proto') === 'https';
}

function setAdminCookie(req: Request, res: Response, token: string): void {
  const secure = isHttps(req) ? '; Secure' : '';
  res.append('Set-Cookie', `${ADMIN_COOKIE}=${encodeURIComponent(token)}; Path=${COOKIE_PATH}; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Strict${secure}`);
}

function clearAdminCookie(res: Response): void {
  res.append('Set-Cookie', `${ADMIN_COOKIE}=; Path=${COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Strict`);
}

function bearer(req: Request): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1] ?? null;
}

/** The API's 401 (no admin's token yet), as a whole problem document; 403 `admin_only` is for a signed-in player, which a cookie cannot tell apart. */
function adminSignInProblem(detail: string): Record<string, unknown> {
  return { type: problemType('missing_token'), title: 'Sign in as an admin', status: 401, code: 'missing_token', detail };
}

/** `POST /monitor/session` with the admin's Bearer token sets the cookie (204); `DELETE` clears it. */
export function adminSessionRoutes(deps: AdminCheck): { create: RequestHandler; remove: RequestHandler } {
  return {
    async create(req, res) {
      const token = bearer(req);
      if (!(await adminOf(deps, token))) {
        res.status(401).type('application/problem+json').json(adminSignInProblem('Send an admin token as "Authorization: Bearer <token>".'));
        return;
      }
      setAdminCookie(req, res, token as string);
      res.status(204).end();
    },
    remove(_req, res) {
      clearAdminCookie(res);
      res.status(204).end();
    },
  };
}

const SIGN_IN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Felt: admins only</title><style>body{font-family:system-ui,sans-serif;background:#0f1512;color:#e8efe9;display:grid;place-items:center;min-height:100vh;margin:0}a{color:#e2b34b}</style></head>
<body><main><h1>Admins only</h1><p>The monitor is for Felt's admins. <a href="/admin">Sign in to the dashboard</a>, then open the monitor from there.</p></main></body></html>`;

/**
 * Lets an admin through, by the cookie or by `?token=` (which sets the cookie
 * and redirects to the same address without it, so the token leaves the URL).
 * Anyone else gets a 401: a page pointing to the dashboard, or JSON for the
 * monitor's own requests.
 */
export function requireAdminCookie(deps: AdminCheck): RequestHandler {
  return async (req, res, next) => {
    const url = new URL(req.originalUrl, 'http://felt');
    const fromQuery = url.searchParams.get('token');
    if (fromQuery !== null) {
      url.searchParams.delete('token');
      if (await adminOf(deps, fromQuery)) setAdminCookie(req, res, fromQuery);
      res.redirect(302, url.pathname + url.search);
      return;
    }
    if (await adminOf(deps, cookieOf(req, ADMIN_COOKIE))) {
      next();
      return;
    }
    res.status(401).set('Cache-Control', 'no-store');
    if (req.accepts(['html', 'json']) === 'html') res.type('html').send(SIGN_IN_PAGE);
    else res.type('application/problem+json').json(adminSignInProblem('Sign in to /admin as an admin first.'));
  };
}
