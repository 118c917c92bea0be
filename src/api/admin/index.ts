import { Router } from 'express';
import type { ApiDeps } from '../types.ts';
import { analyticsRoutes } from './analytics-routes.ts';
import { templateRoutes } from './template-routes.ts';
import { playerListRoutes } from './player-list-routes.ts';
import { walletRoutes } from './wallet-routes.ts';
import { handRoutes } from './hand-routes.ts';
import { tableRoutes } from './table-routes.ts';
import { playerBanRoutes } from './player-ban-routes.ts';
import { insightRoutes } from './insight-routes.ts';
import { adminTournamentRoutes } from './tournament-routes.ts';
import { tournamentTemplateRoutes } from './tournament-template-routes.ts';

/** Where the admin API is mounted; every admin route is declared relative to it. */
export const ADMIN_PREFIX = '/api/admin';

/**
 * The admin API (`/api/admin`, admin token): one router per resource, each
 * declared with `defineRoute` so it is validated and documented alike.
 */
export function adminRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.use(analyticsRoutes(deps));
  router.use(templateRoutes(deps));
  router.use(playerListRoutes(deps));
  router.use(walletRoutes(deps));
  router.use(handRoutes(deps));
  router.use(tableRoutes(deps));
  router.use(playerBanRoutes(deps));
  router.use(insightRoutes(deps));
  router.use(adminTournamentRoutes(deps));
  router.use(tournamentTemplateRoutes(deps));
  return router;
}
