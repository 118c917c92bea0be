import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';

/** `GET /metrics` (PROTOCOL.md): the registry in Prometheus text format, for anyone or a scraper. */
export function metricsHandler(registry: Registry): RequestHandler {
  return async (_req, res) => {
    const body = await registry.metrics();
    res.set('Content-Type', registry.contentType).set('Cache-Control', 'no-store').send(body);
  };
}
