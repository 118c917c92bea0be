import express, { Router, type RequestHandler } from 'express';
import { createLogger } from '../log.ts';
import { requestContext } from '../observability/request-context.ts';
import { adminRoutes } from './admin/index.ts';
import { asyncApiRoutes } from './asyncapi-routes.ts';
import { authRoutes } from './auth-routes.ts';
import { apiErrorHandler } from './error-handler.ts';
import { meRoutes } from './me-routes.ts';
import { meTournamentRoutes } from './me-tournament-routes.ts';
import { openApiRoutes } from './openapi-routes.ts';
import { ApiProblem } from './problem.ts';
import { publicRoutes } from './public-routes.ts';
import { DEFAULT_AUTH_RATE_LIMIT, rateLimit } from './rate-limit.ts';
import { tournamentRoutes } from './tournament-routes.ts';
import type { ApiDeps } from './types.ts';

export type { ApiDeps, TableListing } from './types.ts';

/** Bodies are small JSON objects; anything bigger is a mistake or an attack. */
const BODY_LIMIT = '64kb';
const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * The player-facing HTTP API (PROTOCOL.md, "HTTP") under `/api`: sign-in,
 * `me`, tables and health. Parses JSON itself and answers every error,
 * including unknown `/api` routes, as a problem document.
 *
 * A JSON parser mounted on the app before this router raises its errors
 * outside it; mount `apiErrorHandler(log)` after the router to answer those too.
 */
export function createApiRouter(deps: ApiDeps): Router {
  const log = deps.log ?? createLogger(deps.config);
  const router = Router();
  // Request ids and request logs; a no-op when the server already mounted it app-wide.
  router.use(requestContext(log));

  router.use('/api', requireJsonBody, express.json({ limit: BODY_LIMIT, type: JSON_TYPES, strict: false }));
  router.use('/api/auth', rateLimit(deps.authRateLimit ?? DEFAULT_AUTH_RATE_LIMIT), authRoutes(deps));
  router.use('/api/me', meTournamentRoutes(deps), meRoutes(deps));
  router.use('/api/admin', adminRoutes(deps));
  router.use('/api', openApiRoutes());
  router.use('/api', asyncApiRoutes());
  router.use('/api', publicRoutes(deps));
  router.use('/api', tournamentRoutes(deps));
  router.use('/api', (req, _res, next) => {
    next(new ApiProblem(404, 'not_found', `There is no ${req.method} ${req.originalUrl.split('?')[0]} in this API.`));
  });
  router.use(apiErrorHandler(log));
  return router;
}

// A body that is not JSON would otherwise be ignored and look like an empty request.
const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;
  if (hasBody && !req.is(JSON_TYPES)) {
    next(new ApiProblem(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.'));
    return;
  }
  next();
};
