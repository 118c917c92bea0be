import { Router } from 'express';
import { openApiDocument } from './openapi/registry.ts';

/** `GET /api/openapi.json`: the OpenAPI 3.1 document of every declared route. */
export function openApiRoutes(): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(openApiDocument({ version: '1' }));
  });
  return router;
}
