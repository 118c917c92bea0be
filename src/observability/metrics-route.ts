import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import { registerRouteDoc } from '../api/openapi/registry.ts';

/** `GET /metrics` (PROTOCOL.md): the registry in Prometheus text format, for anyone or a scraper. */
export function metricsHandler(registry: Registry): RequestHandler {
  // Served outside /api (a scraper's usual path), documented with the API all the same.
  registerRouteDoc({ method: 'get', path: '/metrics', summary: 'Prometheus metrics of this process (text format), for anyone or a scraper', tags: ['public'], auth: 'none', produces: 'text/plain' });
  return async (_req, res) => {
    const body = await registry.metrics();
    res.set('Content-Type', registry.contentType).set('Cache-Control', 'no-store').send(body);
  };
}
