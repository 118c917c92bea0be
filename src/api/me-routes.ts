import { Router } from 'express';
import { z } from 'zod';
import { authOf } from './authenticate.ts';
import { meHandsRoutes } from './me-hands-routes.ts';
import { meStatsRoutes } from './me-stats-routes.ts';
import { methodNotAllowed } from './method-not-allowed.ts';
import { defineRoute } from './openapi/route.ts';
import type { ApiDeps } from './types.ts';
import { userView } from './user-view.ts';

const meAnswer = z.object({
  user: z.object({ id: z.string(), name: z.string(), username: z.string().nullable(), isAdmin: z.boolean(), createdAt: z.iso.datetime() }),
  wallet: z.object({ balance: z.number().int() }),
});

/** `GET /api/me`: the caller and their wallet; `/hands` and `/stats` below it. */
export function meRoutes(deps: ApiDeps): Router {
  const router = Router();

  defineRoute(router, deps, '/api/me', {
    method: 'get', path: '', summary: 'Me and my wallet', tags: ['me'], auth: 'player', response: meAnswer,
  }, async ({ req }) => {
    const { player } = authOf(req);
    const balance = await deps.db.ledger.balance('player', player.id);
    return { user: userView(player), wallet: { balance } };
  });
  router.use(meHandsRoutes(deps), meStatsRoutes(deps));
  for (const path of ['', '/hands', '/hands/:handId', '/stats']) router.all(path, methodNotAllowed('GET'));

  return router;
}
