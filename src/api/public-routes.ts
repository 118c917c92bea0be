import { Router } from 'express';
import { z } from 'zod';
import { methodNotAllowed } from './method-not-allowed.ts';
import { registerRouteDoc } from './openapi/registry.ts';
import type { ApiDeps, HealthReport } from './types.ts';

const tableListings = z.array(z.object({
  tableId: z.string(), name: z.string(), variant: z.string(), stakes: z.string().describe('"1/2", or a limit game\'s bets'),
  seated: z.number().int(), maxSeats: z.number().int(), waiting: z.number().int(),
}));

const healthView = z.object({
  status: z.enum(['ok', 'degraded']), db: z.boolean(), presence: z.string(), processId: z.string(),
  snapshotBacklog: z.number().int().optional().describe('tables whose latest changes are not in the database yet; 0 once everything so far is durable'),
});

/** `GET /api/tables` and `GET /api/health`: open to anyone. */
export function publicRoutes(deps: ApiDeps): Router {
  const router = Router();
  registerRouteDoc({
    method: 'get', path: '/api/tables', summary: 'The open tables, as the lobby lists them', tags: ['public'], auth: 'none', response: tableListings,
  });
  registerRouteDoc({
    method: 'get', path: '/api/health', summary: 'Whether this process and its database answer (503 when degraded)', tags: ['public'], auth: 'none', response: healthView,
  });

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
        ...(report.snapshotBacklog !== undefined ? { snapshotBacklog: report.snapshotBacklog } : {}),
      });
    })
    .all(methodNotAllowed('GET'));

  return router;
}
