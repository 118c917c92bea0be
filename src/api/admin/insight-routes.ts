import { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { InsightService } from '../../insights/service.ts';
import { INSIGHT_KIND } from '../../insights/types.ts';
import { insightView, insightViewSchema, type InsightView } from '../../insights/view.ts';
import { authOf } from '../authenticate.ts';
import { defineRoute, page, pageOf, pageQuery } from '../openapi/route.ts';
import { ApiProblem } from '../problem.ts';
import type { ApiDeps } from '../types.ts';
import { ADMIN_PREFIX } from './index.ts';

const insightParams = z.object({ insightId: z.string().min(1) });

const listQuery = pageQuery.extend({
  kind: z.enum(Object.values(INSIGHT_KIND)).optional().describe('Only insights of this kind.'),
  unacknowledged: z.enum(['true', 'false']).default('false').transform((value) => value === 'true')
    .describe('true lists only insights no admin has acknowledged.'),
});

const feedQuery = z.object({
  token: z.string().optional().describe('The admin token, for EventSource clients that cannot send an Authorization header. Prefer the header.'),
});

const runView = z.object({
  found: z.number().int(),
  stored: z.array(insightViewSchema),
  handsRead: z.number().int(),
  truncated: z.boolean(),
  deliveryFailures: z.number().int(),
});

// A comment line now and then keeps proxies from closing a quiet stream.
const HEARTBEAT_MS = 25_000;

function notFound(insightId: string): ApiProblem {
  return new ApiProblem(404, 'not_found', `There is no insight ${insightId}.`);
}

function service(deps: ApiDeps): InsightService {
  if (!deps.insights) throw new ApiProblem(503, 'insights_unavailable', 'This API runs without the insights service; use a Felt server process.');
  return deps.insights;
}

/**
 * EventSource cannot send headers, so the feed also takes `?token=`. The
 * token is moved into the Authorization header, where the usual checks
 * (signature, expiry, ban, admin) apply to it alike, and cut out of the URL
 * so nothing downstream logs it. A header, when sent, wins. Only this route
 * reads the query this way.
 */
const tokenFromQuery: RequestHandler = (req, _res, next) => {
  const [path, search = ''] = req.url.split('?');
  const params = new URLSearchParams(search);
  const token = params.get('token');
  if (token !== null) {
    params.delete('token');
    const rest = params.size > 0 ? `?${params}` : '';
    req.url = path + rest;
    req.originalUrl = req.originalUrl.split('?')[0] + rest;
    if (!req.get('authorization')) req.headers.authorization = `Bearer ${token}`;
  }
  next();
};

function sseEvent(res: Response, event: string, data: unknown, id?: string): void {
  res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Insights for admins: list, read, acknowledge, run the rules now, and the live feed (Server-Sent Events). */
export function insightRoutes(deps: ApiDeps): Router {
  const router = Router();

  // Before `/insights/:insightId`, which would otherwise take "feed" for an id.
  router.get('/insights/feed', tokenFromQuery);
  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/insights/feed', tags: ['insights'], auth: 'admin', query: feedQuery, produces: 'text/event-stream', errors: [503],
    summary: 'A live stream (Server-Sent Events) of new insights from every process: an `insight` event each, after a `ready` event.',
  }, ({ req, res }) => {
    const { feed } = service(deps);
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'Connection': 'keep-alive',
      // Nginx and the like would otherwise hold events back in a buffer.
      'X-Accel-Buffering': 'no',
      'Referrer-Policy': 'no-referrer',
    });
    res.flushHeaders();
    res.write('retry: 5000\n\n');
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const stop = feed.listen({
      send: (insight: InsightView) => sseEvent(res, 'insight', insight, insight.id),
      close: () => res.end(),
    });
    res.once('close', () => {
      clearInterval(heartbeat);
      stop();
    });
    sseEvent(res, 'ready', { adminId: authOf(req).player.id });
    return undefined;
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/insights', summary: 'Stored insights, newest first; filter by kind or unacknowledged.', tags: ['insights'], auth: 'admin',
    query: listQuery, response: pageOf(insightViewSchema),
  }, async ({ query }) => {
    const { items, total } = await deps.db.insights.list({
      ...(query.kind ? { kind: query.kind } : {}), unacknowledged: query.unacknowledged, limit: query.limit, offset: query.offset,
    });
    return page(items.map(insightView), total, query);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'post', path: '/insights/run', tags: ['insights'], auth: 'admin', response: runView, errors: [503],
    summary: 'Runs the insight rules now (they also run every five minutes) and answers what was found and stored.',
  }, async () => {
    const result = await service(deps).run();
    return { ...result, stored: result.stored.map(insightView) };
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/insights/:insightId', summary: 'One insight with its evidence.', tags: ['insights'], auth: 'admin',
    params: insightParams, response: insightViewSchema, errors: [404],
  }, async ({ params }) => {
    const insight = await deps.db.insights.get(params.insightId);
    if (!insight) throw notFound(params.insightId);
    return insightView(insight);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'post', path: '/insights/:insightId/acknowledge', summary: 'Marks an insight as seen and handled by this admin.', tags: ['insights'], auth: 'admin',
    params: insightParams, response: insightViewSchema, errors: [404, 409],
  }, async ({ params, req }) => {
    const result = await deps.db.insights.acknowledge(params.insightId, authOf(req).player.id, new Date());
    if (result.outcome === 'notFound') throw notFound(params.insightId);
    if (result.outcome === 'alreadyAcknowledged') {
      throw new ApiProblem(409, 'already_acknowledged', `Insight ${params.insightId} was acknowledged at ${result.insight.acknowledgedAt?.toISOString()}.`);
    }
    return insightView(result.insight);
  });

  return router;
}
