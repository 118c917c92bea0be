import { Router } from 'express';
import type { ApiDeps } from '../types.ts';

/** Where the admin API is mounted; every admin route is declared relative to it. */
export const ADMIN_PREFIX = '/api/admin';

/**
 * The admin API (`/api/admin`, admin token): one router per resource, each
 * declared with `defineRoute` so it is validated and documented alike.
 */
export function adminRoutes(deps: ApiDeps): Router {
  const router = Router();
  return router;
}
