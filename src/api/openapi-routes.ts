import { Router } from 'express';
import { z } from 'zod';
import { openApiDocument, registerRouteDoc } from './openapi/registry.ts';

/** `GET /api/openapi.json`: the OpenAPI 3.1 document of every declared route. */
export function openApiRoutes(): Router {
  const router = Router();
  registerRouteDoc({
    method: 'get', path: '/api/openapi.json', summary: 'This document', tags: ['public'], auth: 'none',
    response: z.record(z.string(), z.unknown()).describe('An OpenAPI 3.1 document.'),
  });
  router.get('/openapi.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(openApiDocument({ version: '1' }));
  });
  return router;
}
