import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { monitor } from '@colyseus/monitor';
import express, { Router, type Request, type RequestHandler } from 'express';
import type { Logger } from '../log.ts';
import type { Database } from '../persistence/database.ts';
import { adminSessionRoutes, requireAdminCookie } from './admin-cookie.ts';
import { apiDocsRoutes } from './api-docs.ts';
import { monitorIndex } from './monitor-page.ts';

/** Where `web/build.ts` puts the built pages. */
export const WEB_DIST = resolve(import.meta.dirname, '../../web/dist');

/** Paths that belong to the server, never to a page: they are not answered with a page's HTML. */
const SERVER_PATHS = ['/api', '/metrics', '/matchmake', '/monitor', '/docs', '/__healthcheck'];

export type WebDeps = { db: Database; secret: Uint8Array; log?: Logger; distDir?: string };

function isServerPath(path: string): boolean {
  return SERVER_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** A request a browser makes for a page (not a script, an image or a fetch of JSON). */
function wantsPage(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && req.accepts(['html', 'json']) === 'html' && !isServerPath(req.path) && !req.path.startsWith('/assets/');
}

/**
 * The browser side of Felt, mounted after the API: the play client at `/`
 * and the admin dashboard at `/admin` (built pages from `web/dist`, every
 * path of each answered with its page so links and reloads work), the API
 * reference at `/docs`, and the Colyseus monitor at `/monitor` for admins.
 */
export function webRoutes(deps: WebDeps): Router {
  const dist = deps.distDir ?? WEB_DIST;
  const router = Router();

  const session = adminSessionRoutes(deps);
  router.post('/monitor/session', session.create);
  router.delete('/monitor/session', session.remove);
  router.use('/monitor', requireAdminCookie(deps), monitorIndex(), monitor({
    columns: ['roomId', 'name', 'clients', { metadata: 'seated' }, { metadata: 'maxSeats' }, 'locked', 'elapsedTime', 'processId'],
  }));

  router.use(apiDocsRoutes());

  // Hashed file names: a new build has new names, so these may be kept for good.
  router.use('/assets', express.static(join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false }), (_req, res) => {
    res.status(404).type('text').send('No such file in this build of the web pages.');
  });

  const page = (file: string): RequestHandler => (req, res, next) => {
    if (!wantsPage(req)) {
      next();
      return;
    }
    const path = join(dist, file);
    if (!existsSync(path)) {
      res.status(503).type('text').send('The web pages are not built yet: run `npm run build:web` (npm install and npm start build them).');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(path);
  };
  router.get(['/admin', '/admin/{*rest}'], page('admin/index.html'));
  router.get('/{*rest}', page('index.html'));
  return router;
}
