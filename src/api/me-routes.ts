import { Router } from 'express';
import { authenticate, authOf } from './authenticate.ts';
import { methodNotAllowed } from './method-not-allowed.ts';
import type { ApiDeps } from './types.ts';
import { userView } from './user-view.ts';

/** `GET /api/me`: the caller and their wallet. */
export function meRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.route('/')
    .get(authenticate(deps), async (req, res) => {
      const { player } = authOf(req);
      const balance = await deps.db.ledger.balance('player', player.id);
      res.set('Cache-Control', 'no-store').json({ user: userView(player), wallet: { balance } });
    })
    .all(methodNotAllowed('GET'));

  return router;
}
