import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Router } from 'express';
import { createApiRouter } from '../../src/api/router.ts';
import { loadConfig } from '../../src/config.ts';
import { startFelt, type Felt } from '../support/felt.ts';

type Json = any;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Follows a local JSON pointer (`#/components/schemas/Problem`) from the document root. */
function resolve(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let at: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (at === null || typeof at !== 'object' || !(key in at)) return undefined;
    at = at[key];
  }
  return at;
}

/** Every `$ref` anywhere in `value`, with where it was found. */
function refs(value: Json, where = '#', found: { where: string; ref: string }[] = []): { where: string; ref: string }[] {
  if (Array.isArray(value)) value.forEach((item, i) => refs(item, `${where}/${i}`, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push({ where, ref: item });
      else refs(item, `${where}/${key}`, found);
    }
  }
  return found;
}

const isObject = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Each schema object in a JSON Schema and the schemas nested in it (properties, items, unions). */
function schemaProblems(schema: Json, where: string, problems: string[]): void {
  if (!isObject(schema)) {
    problems.push(`${where} is not a schema object`);
    return;
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) schemaProblems(property, `${where}/properties/${name}`, problems);
  if (schema.items !== undefined) schemaProblems(schema.items, `${where}/items`, problems);
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
    (schema[keyword] ?? []).forEach((member: Json, i: number) => schemaProblems(member, `${where}/${keyword}/${i}`, problems));
  }
}

/**
 * What is wrong with a document as OpenAPI 3.1, structurally: the version,
 * info, every operation's responses, path parameters matching the path
 * template, unique operation ids, resolvable `$ref`s, schemas that are
 * objects, and security schemes that exist.
 */
function openApiProblems(doc: Json): string[] {
  const problems: string[] = [];
  if (doc.openapi !== '3.1.0') problems.push(`openapi is ${doc.openapi}, not 3.1.0`);
  if (typeof doc.info?.title !== 'string' || typeof doc.info?.version !== 'string') problems.push('info needs a title and a version');
  if (!isObject(doc.paths) || Object.keys(doc.paths).length === 0) problems.push('no paths');
  const schemes = Object.keys(doc.components?.securitySchemes ?? {});
  const operationIds = new Map<string, string>();
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    if (!path.startsWith('/')) problems.push(`path ${path} does not start with /`);
    if (/:\w/.test(path)) problems.push(`path ${path} uses an Express :param instead of {param}`);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
    for (const [method, operation] of Object.entries<Json>(item)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!METHODS.includes(method)) {
        problems.push(`${where}: ${method} is not an HTTP method`);
        continue;
      }
      if (typeof operation.operationId !== 'string' || operation.operationId === '') problems.push(`${where}: no operationId`);
      else if (operationIds.has(operation.operationId)) problems.push(`${where}: operationId ${operation.operationId} is also ${operationIds.get(operation.operationId)}'s`);
      else operationIds.set(operation.operationId, where);

      const responses = Object.entries<Json>(operation.responses ?? {});
      if (responses.length === 0) problems.push(`${where}: no responses`);
      if (!responses.some(([status]) => /^2\d\d$/.test(status))) problems.push(`${where}: no success response`);
      for (const [status, response] of responses) {
        if (!/^[1-5](\d\d|XX)$/.test(status) && status !== 'default') problems.push(`${where}: response ${status} is not a status code`);
        if (typeof response.description !== 'string') problems.push(`${where}: response ${status} has no description`);
        for (const [type, media] of Object.entries<Json>(response.content ?? {})) schemaProblems(media.schema, `${where} ${status} ${type}`, problems);
      }

      const parameters: Json[] = operation.parameters ?? [];
      const seen = new Set<string>();
      for (const parameter of parameters) {
        const key = `${parameter.in}:${parameter.name}`;
        if (seen.has(key)) problems.push(`${where}: parameter ${key} is declared twice`);
        seen.add(key);
        if (!['path', 'query', 'header', 'cookie'].includes(parameter.in)) problems.push(`${where}: parameter ${parameter.name} is in ${parameter.in}`);
        if (parameter.in === 'path' && parameter.required !== true) problems.push(`${where}: path parameter ${parameter.name} must be required`);
        schemaProblems(parameter.schema, `${where} parameter ${parameter.name}`, problems);
      }
      const declared = parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name).sort();
      if (JSON.stringify(declared) !== JSON.stringify(templated)) {
        problems.push(`${where}: path parameters ${JSON.stringify(declared)} do not match the template's ${JSON.stringify(templated)}`);
      }
      for (const [type, media] of Object.entries<Json>(operation.requestBody?.content ?? {})) schemaProblems(media.schema, `${where} body ${type}`, problems);
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement)) if (!schemes.includes(scheme)) problems.push(`${where}: security scheme ${scheme} is not defined`);
      }
    }
  }
  for (const [name, schema] of Object.entries<Json>(doc.components?.schemas ?? {})) schemaProblems(schema, `components/schemas/${name}`, problems);
  for (const { where, ref } of refs(doc)) if (resolve(doc, ref) === undefined) problems.push(`${where}: $ref ${ref} does not resolve`);
  return problems;
}

/** Every `METHOD /full/path` an Express router serves, joining the paths it is mounted under. */
function servedRoutes(router: Router, prefix = ''): string[] {
  const routes: string[] = [];
  for (const layer of (router as any).stack) {
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) {
        // `.all(...)` answers 405 for the other methods: not an operation of its own.
        if (method !== '_all') routes.push(`${method} ${prefix}${layer.route.path}`.replace(/\/$/, ''));
      }
    } else if (Array.isArray(layer.handle?.stack)) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      routes.push(...servedRoutes(layer.handle, `${prefix}${mount}`));
    }
  }
  return routes;
}

describe('api: OpenAPI document', function () {
  this.timeout(30_000);
  let felt: Felt;
  let doc: Json;

  before(async () => {
    felt = await startFelt(null);
    const response = await fetch(`${felt.url}/api/openapi.json`);
    assert.equal(response.status, 200);
    doc = await response.json();
  });

  after(async () => {
    await felt.close();
  });

  /** The document's operations as `method /express/:path`. */
  const documented = (): Set<string> => new Set(Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`)));

  it('when the running server\'s document is checked then it is structurally valid OpenAPI 3.1', () => {
    assert.deepEqual(openApiProblems(doc), []);
  });

  it('when the checker sees a broken document then it names each fault (so a pass means something)', () => {
    const broken = structuredClone(doc);
    broken.openapi = '3.0.0';
    const [path] = Object.keys(broken.paths).filter((key) => key.includes('{'));
    const [method] = Object.keys(broken.paths[path]);
    broken.paths[path][method].parameters = [];
    broken.paths[path][method].responses = {};
    broken.paths['/api/tables'].get.operationId = broken.paths['/api/health'].get.operationId;
    broken.paths['/api/health'].get.responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/Nothing' };
    broken.components.schemas.Loose = 'not a schema';

    const problems = openApiProblems(broken).join('\n');

    for (const fault of ['not 3.1.0', 'no responses', 'do not match the template', 'operationId', 'does not resolve', 'Loose is not a schema object']) {
      assert.ok(problems.includes(fault), `expected "${fault}" in:\n${problems}`);
    }
  });

  it('when the API router is walked then every route it serves, admin routes included, is in the document', () => {
    const router = createApiRouter({
      db: felt.server.db,
      config: loadConfig(felt.env),
      secret: randomBytes(32),
      listTables: async () => [],
      health: async () => ({ db: true, presence: 'local' }),
    });
    const served = servedRoutes(router);
    const inDocument = documented();

    assert.ok(served.some((route) => route.startsWith('get /api/admin/')), `the walk found admin routes: ${served.join(', ')}`);
    assert.deepEqual(served.filter((route) => !inDocument.has(route)), [], 'served but not documented');
  });

  it('when every documented operation is called without a token then it exists, and those behind auth answer 401', async () => {
    const wrong: string[] = [];
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const [method, operation] of Object.entries<Json>(item)) {
        const url = `${felt.url}${path.replace(/\{\w+\}/g, 'x')}`;
        const body = ['post', 'put', 'patch'].includes(method) ? '{}' : undefined;
        const response = await fetch(url, { method: method.toUpperCase(), ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}) });
        await response.body?.cancel();
        const expected = operation.security ? 401 : null;
        if (response.status === 404 && !operation.security) {
          // Documented, unauthenticated, and unknown to the server: only acceptable for a lookup by id (`x`).
          if (!path.includes('{')) wrong.push(`${method} ${path} answered 404`);
        } else if (response.status === 405) wrong.push(`${method} ${path} answered 405`);
        else if (expected && response.status !== expected) wrong.push(`${method} ${path} answered ${response.status}, not ${expected}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
