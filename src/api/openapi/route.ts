import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { authenticate, requireAdmin } from '../authenticate.ts';
import { ApiProblem } from '../problem.ts';
import { requestSchema } from '../schemas.ts';
import type { ApiDeps } from '../types.ts';
import { registerRouteDoc, type RouteDoc } from './registry.ts';

/** Who may call a route: anyone, any signed-in player, or admins only. */
export type RouteAuth = 'none' | 'player' | 'admin';

export type RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Relative to where the router is mounted, Express style (`/templates/:templateId`). */
  path: string;
  summary: string;
  tags: string[];
  auth: RouteAuth;
  params?: P;
  query?: Q;
  body?: B;
  /** The schema of a 2xx JSON answer, for the OpenAPI document. */
  response?: z.ZodType;
  /** 200 unless said (201 for creations). */
  status?: number;
  /** `text/plain` and the like; JSON when absent. */
  produces?: string;
  /** Error statuses this route can answer beyond the ones implied by auth and validation (404, 409, 422 …). */
  errors?: number[];
};

export type Parsed<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  req: Request;
  res: Response;
};

/**
 * Declares one endpoint: it is validated by the same zod schemas that the
 * OpenAPI document is generated from (`GET /api/openapi.json`), so the
 * document cannot drift from what the server accepts.
 *
 * `mountedAt` is the router's prefix (`/api/admin`) so the document names the
 * full path. The handler returns the JSON body (sent with `spec.status`), or
 * `undefined` when it answered `res` itself (text, streams).
 *
 * Shape errors are `400 invalid_request` with `errors: [{field, message}]`;
 * rule violations the handler finds are `422 unprocessable` (throw an ApiProblem).
 */
export function defineRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  router: Router,
  deps: Pick<ApiDeps, 'db' | 'secret'>,
  mountedAt: string,
  spec: RouteSpec<P, Q, B>,
  handler: (input: Parsed<P, Q, B>) => Promise<unknown> | unknown,
): void {
  registerRouteDoc({ ...spec, path: `${mountedAt}${spec.path}` } as RouteDoc);
  const guards: RequestHandler[] = [];
  if (spec.auth !== 'none') guards.push(authenticate(deps));
  if (spec.auth === 'admin') guards.push(requireAdmin);
  router[spec.method](spec.path, ...guards, async (req, res) => {
    const params = parsePart('path', spec.params, req.params);
    const query = parsePart('query', spec.query, req.query);
    const body = spec.body ? parsePart('body', spec.body, bodyObject(req.body)) : undefined;
    const result = await handler({ params, query, body, req, res } as Parsed<P, Q, B>);
    if (result === undefined || res.headersSent) return;
    res.status(spec.status ?? 200).set('Cache-Control', 'no-store').json(result);
  });
}

function bodyObject(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiProblem(400, 'invalid_request', 'The request body must be a JSON object (send Content-Type: application/json).');
  }
  return body;
}

function parsePart(where: 'path' | 'query' | 'body', schema: z.ZodType | undefined, value: unknown): unknown {
  // Undeclared parts are checked too: a handler may still read them.
  const result = requestSchema(schema).safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    field: [where === 'body' ? null : where, ...issue.path.map(String)].filter(Boolean).join('.') || where,
    message: issue.message,
  }));
  const detail = errors.map(({ field, message }) => `${field}: ${message}`).join('; ');
  throw new ApiProblem(400, 'invalid_request', `${detail}.`, { extensions: { errors } });
}

/** `?limit=&offset=` on every list: at most 200 a page, 50 unless asked. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export type PageQuery = z.output<typeof pageQuery>;

/** Every list answers `{items, limit, offset, total}`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), limit: z.number().int(), offset: z.number().int(), total: z.number().int() });
}

export function page<T>(items: T[], total: number, query: PageQuery): { items: T[]; limit: number; offset: number; total: number } {
  return { items, limit: query.limit, offset: query.offset, total };
}
