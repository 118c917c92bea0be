import { Router } from 'express';
import { z } from 'zod';
import { methodNotAllowed } from './method-not-allowed.ts';
import { registerRouteDoc } from './openapi/registry.ts';
import { ApiProblem } from './problem.ts';
import type { ApiDeps, HealthReport, ReadinessReport } from './types.ts';

const tableListings = z.array(z.object({
  tableId: z.string(), name: z.string(), variant: z.string(), stakes: z.string().describe('"1/2", or a limit game\'s bets'),
  minBuyIn: z.number().int(), maxBuyIn: z.number().int(),
  seated: z.number().int(), maxSeats: z.number().int(), waiting: z.number().int(),
}));

const healthView = z.object({
  status: z.enum(['ok', 'degraded']), db: z.boolean(), presence: z.string(), processId: z.string(),
  snapshotBacklog: z.number().int().optional().describe('tables whose latest changes are not in the database yet; 0 once everything so far is durable'),
});

const readyView = z.object({
  status: z.literal('ready'), processId: z.string(), tables: z.number().int().describe('Tables whose lease this process holds, each with its room open here.'),
});

/** `GET /api/tables`, `GET /api/health` and `GET /api/ready`: open to anyone. */
export function publicRoutes(deps: ApiDeps): Router {
  const router = Router();
  registerRouteDoc({
    method: 'get', path: '/api/tables', summary: 'The open tables, as the lobby lists them', tags: ['public'], auth: 'none', response: tableListings,
  });
  registerRouteDoc({
    method: 'get', path: '/api/health', summary: 'Whether this process and its database answer (503 when degraded)', tags: ['public'], auth: 'none', response: healthView,
  });

  registerRouteDoc({
    method: 'get', path: '/api/ready', tags: ['public'], auth: 'none', response: readyView, errors: [503],
    summary: 'Whether this process should get traffic: the database and presence answer, and the tables it should host are open (503 not_ready with `missing: [{check, message, tables?}]` otherwise). For load balancers; /api/health only says it is alive.',
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

  // 200 only when ready; a 503 problem lists what is missing, so an operator sees why a balancer holds traffic back.
  router.route('/ready')
    .get(async (_req, res) => {
      const report = await (deps.ready ?? (() => databaseOnly(deps)))();
      if (!report.ready) {
        const detail = report.missing.map((gap) => gap.message).join('; ');
        throw new ApiProblem(503, 'not_ready', `This process is not ready: ${detail}.`, {
          extensions: { processId: deps.config.processId, missing: report.missing },
          headers: { 'Cache-Control': 'no-store' },
        });
      }
      res.set('Cache-Control', 'no-store').json({ status: 'ready', processId: deps.config.processId, tables: report.tables });
    })
    .all(methodNotAllowed('GET'));

  return router;
}

async function databaseOnly(deps: ApiDeps): Promise<ReadinessReport> {
  const { db } = await deps.health().catch(() => ({ db: false }));
  return { ready: db, missing: db ? [] : [{ check: 'database', message: 'the database does not answer' }], tables: 0 };
}
