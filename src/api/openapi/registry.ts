import { z } from 'zod';

/** What the OpenAPI document says of one endpoint (see `defineRoute`). */
export type RouteDoc = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Full Express-style path: `/api/admin/templates/:templateId`. */
  path: string;
  summary: string;
  tags: string[];
  auth: 'none' | 'player' | 'admin';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number;
  produces?: string;
  errors?: number[];
};

// Keyed by method and path: building the API twice in one process (tests) documents each route once.
const routes = new Map<string, RouteDoc>();

export function registerRouteDoc(doc: RouteDoc): void {
  routes.set(`${doc.method} ${doc.path}`, doc);
}

/** Every documented route, for tests and the document. */
export function routeDocs(): RouteDoc[] {
  return [...routes.values()];
}

const ERROR_TEXT: Record<number, string> = {
  400: 'The request is malformed or fails validation.',
  401: 'Sign in first: no token, or a bad one.',
  403: 'Not allowed: banned, or not an admin.',
  404: 'No such resource.',
  409: 'Conflicts with the current state.',
  415: 'The body is not JSON.',
  422: 'Well-formed, but breaks a rule.',
  429: 'Too many requests; see Retry-After.',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function parameters(where: 'path' | 'query', schema: z.ZodType | undefined): { name: string }[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name, in: where, required: where === 'path' || (object.required ?? []).includes(name), schema: property,
  }));
}

/** The path's parameters: those its `params` schema describes, and any other `:name` in the path as a plain string. */
function pathParameters(doc: RouteDoc): { name: string }[] {
  const described = parameters('path', doc.params);
  const missing = [...doc.path.matchAll(/:(\w+)/g)].map((match) => match[1]).filter((name) => !described.some((parameter) => parameter.name === name));
  return [...described, ...missing.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }))];
}

/** `get /api/admin/templates/{templateId}` → `getApiAdminTemplatesTemplateId`: unique per method and path, letters and digits only. */
function operationId(method: string, path: string): string {
  return method + path.split(/[^A-Za-z0-9]+/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join('');
}

/** The OpenAPI 3.1 document of every route declared with `defineRoute` (or of `docs`, for tests). */
export function openApiDocument(info: { version: string }, docs: RouteDoc[] = routeDocs()): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of [...docs].sort((a, b) => a.path.localeCompare(b.path))) {
    const path = doc.path.replace(/:(\w+)/g, '{$1}');
    const statuses = new Set<number>(doc.errors ?? []);
    if (doc.params || doc.query || doc.body) statuses.add(400);
    if (doc.auth !== 'none') statuses.add(401);
    if (doc.auth === 'admin' || doc.auth === 'player') statuses.add(403);
    const responses: Record<string, unknown> = {
      [String(doc.status ?? 200)]: {
        description: 'Success.',
        ...(doc.produces
          ? { content: { [doc.produces]: { schema: { type: 'string' } } } }
          : doc.response ? { content: { 'application/json': { schema: jsonSchema(doc.response, 'output') } } } : {}),
      },
    };
    for (const status of [...statuses].sort()) {
      responses[String(status)] = { description: ERROR_TEXT[status] ?? 'Error.', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    }
    paths[path] ??= {};
    paths[path][doc.method] = {
      summary: doc.summary,
      tags: doc.tags,
      operationId: operationId(doc.method, path),
      ...(doc.auth !== 'none' ? { security: [{ bearer: [] }] } : {}),
      parameters: [...pathParameters(doc), ...parameters('query', doc.query)],
      ...(doc.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(doc.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Felt',
      version: info.version,
      description: 'The Felt poker server: players, tables and the admin API. The rooms\' WebSocket messages and state (the `table` and `lobby` rooms) are the other half of the contract: GET /api/asyncapi.json, an AsyncAPI 3.0 document.',
    },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details.',
          required: ['type', 'title', 'status', 'detail', 'code'],
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' },
            detail: { type: 'string' }, code: { type: 'string' }, instance: { type: 'string' },
          },
        },
      },
    },
  };
}
