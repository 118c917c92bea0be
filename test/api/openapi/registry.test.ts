import assert from 'node:assert/strict';
import { z } from 'zod';
import { openApiDocument, type RouteDoc } from '../../../src/api/openapi/registry.ts';

const operation = (doc: any, path: string, method: string) => doc.paths[path][method];

describe('api: OpenAPI registry', () => {
  it('when a path names a parameter its schema does not describe then it is still documented, as a required string', () => {
    const route: RouteDoc = {
      method: 'get', path: '/api/things/:thingId/parts/:partId', summary: 's', tags: ['t'], auth: 'none',
      params: z.object({ thingId: z.string().min(3) }),
    };

    const doc = openApiDocument({ version: '1' }, [route]);

    assert.deepEqual(operation(doc, '/api/things/{thingId}/parts/{partId}', 'get').parameters, [
      { name: 'thingId', in: 'path', required: true, schema: { type: 'string', minLength: 3 } },
      { name: 'partId', in: 'path', required: true, schema: { type: 'string' } },
    ]);
  });

  it('when a path has dots or dashes then its operation id is letters and digits only', () => {
    const doc = openApiDocument({ version: '1' }, [
      { method: 'get', path: '/api/openapi.json', summary: 's', tags: ['t'], auth: 'none' },
      { method: 'post', path: '/api/admin/job-runs/:runId', summary: 's', tags: ['t'], auth: 'admin' },
    ]);

    assert.equal(operation(doc, '/api/openapi.json', 'get').operationId, 'getApiOpenapiJson');
    assert.equal(operation(doc, '/api/admin/job-runs/{runId}', 'post').operationId, 'postApiAdminJobRunsRunId');
  });

  it('when a route needs a token then 401 and 403 are documented with the Problem schema and bearer security', () => {
    const doc = openApiDocument({ version: '1' }, [{ method: 'get', path: '/api/admin/x', summary: 's', tags: ['t'], auth: 'admin', errors: [404] }]);
    const get = operation(doc, '/api/admin/x', 'get');

    assert.deepEqual(Object.keys(get.responses), ['200', '401', '403', '404']);
    assert.deepEqual(get.responses['404'].content['application/problem+json'].schema, { $ref: '#/components/schemas/Problem' });
    assert.deepEqual(get.security, [{ bearer: [] }]);
  });
});
