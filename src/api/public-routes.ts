import { Router } from 'express';
import { methodNotAllowed } from './method-not-allowed.ts';
import type { ApiDeps, HealthReport } from './types.ts';

/** `GET /api/tables` and `GET /api/health`: open to anyone. */
export function publicRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.route('/tables')
    .get(async (_req, res) => {
      res.set('Cache-Control', 'no-store').json(await deps.listTables());
    })
    .all(methodNotAllowed('GET'));

  // 200 `ok` when the database answers; 503 `degraded` (same fields) when it does not, so load balancers can tell.
  router.route('/health')
    .get(async (_req, res) => {
      const report: HealthReport = await deps.health().catch(() => ({ db: false, presence: 'unknown' }));
      const healthy = report.db === true;
      res.status(healthy ? 200 : 503).set('Cache-Control', 'no-store').json({
        status: healthy ? 'ok' : 'degraded',
        db: report.db,
        presence: report.presence,
        processId: deps.config.processId,
      });
    })
    .all(methodNotAllowed('GET'));

  return router;
}
