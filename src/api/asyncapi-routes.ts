import { Router } from 'express';
import { z } from 'zod';
import { feltAsyncApi } from './asyncapi/rooms.ts';
import { methodNotAllowed } from './method-not-allowed.ts';
import { registerRouteDoc } from './openapi/registry.ts';

/** `GET /api/asyncapi.json`: the AsyncAPI 3.0 document of the rooms' messages (`asyncapi/`). */
export function asyncApiRoutes(): Router {
  const router = Router();
  registerRouteDoc({
    method: 'get', path: '/api/asyncapi.json', summary: 'The rooms\' messages and state (AsyncAPI 3.0): the WebSocket half of the contract', tags: ['public'], auth: 'none',
    response: z.record(z.string(), z.unknown()).describe('An AsyncAPI 3.0 document.'),
  });
  // Built once: it depends only on the code.
  let document: Record<string, unknown> | undefined;
  router.route('/asyncapi.json')
    .get((_req, res) => {
      document ??= feltAsyncApi();
      res.set('Cache-Control', 'no-store').json(document);
    })
    .all(methodNotAllowed('GET'));
  return router;
}
