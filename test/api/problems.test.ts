import assert from 'node:assert/strict';
import express from 'express';
import { apiErrorHandler } from '../../src/api/error-handler.ts';
import { createLogger } from '../../src/log.ts';
import { expectProblem, startApi, type TestApi } from './helpers.ts';

describe('api: errors as problem documents', () => {
  let api: TestApi;

  before(async () => {
    api = await startApi({
      before: (app) => {
        app.get('/elsewhere', (_req, res) => {
          res.type('text/plain').send('not the API');
        });
      },
    });
  });

  after(async () => {
    await api.close();
  });

  it('when a body is malformed JSON then the answer is 400 malformed_json as application/problem+json', async () => {
    const answer = await api.call('POST', '/api/auth/register', { raw: '{"username": "abc", ' });

    const problem = expectProblem(answer, 400, 'malformed_json');
    assert.equal(problem.type, 'urn:felt:problem:malformed_json');
    assert.equal(problem.title, 'Malformed JSON');
    assert.equal(problem.instance, '/api/auth/register');
  });

  it('when a body is JSON but not an object then the answer is 400 invalid_request', async () => {
    expectProblem(await api.call('POST', '/api/auth/login', { raw: '"just a string"' }), 400, 'invalid_request');
    expectProblem(await api.call('POST', '/api/auth/login', { raw: 'null' }), 400, 'invalid_request');
  });

  it('when a body is not sent as JSON then the answer is 415', async () => {
    const answer = await api.call('POST', '/api/auth/login', { raw: 'username=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });

    expectProblem(answer, 415, 'unsupported_media_type');
  });

  it('when a body is larger than 64 kB then the answer is 413', async () => {
    const answer = await api.call('POST', '/api/auth/guest', { body: { name: 'x'.repeat(70_000) } });

    expectProblem(answer, 413, 'payload_too_large');
  });

  it('when an /api path does not exist then the answer is 404 not_found', async () => {
    for (const path of ['/api/nothing', '/api', '/api/me/extra', '/api/auth/logout', '/api/tables/t-1']) {
      const problem = expectProblem(await api.call('GET', path), 404, 'not_found');
      assert.match(problem.detail, /There is no GET \/api/, path);
    }
  });

  it('when a known path is asked with the wrong method then the answer is 405 with Allow', async () => {
    const login = await api.call('GET', '/api/auth/login');
    const tables = await api.call('POST', '/api/tables', { body: {} });

    expectProblem(login, 405, 'method_not_allowed');
    assert.equal(login.headers.get('allow'), 'POST, OPTIONS');
    expectProblem(tables, 405, 'method_not_allowed');
    assert.equal(tables.headers.get('allow'), 'GET, OPTIONS');
  });

  it('when a path outside /api is asked then the API router leaves it alone', async () => {
    const answer = await api.call('GET', '/elsewhere');

    assert.equal(answer.status, 200);
    assert.equal(answer.body, 'not the API');
    const missing = await api.call('GET', '/not-api-either');
    assert.equal(missing.status, 404);
    assert.doesNotMatch(missing.headers.get('content-type') ?? '', /problem/);
  });

  describe('mounted like the server: a JSON parser on the app before the router', () => {
    let served: TestApi;

    before(async () => {
      served = await startApi({
        before: (app) => {
          app.use(express.json({ limit: '64kb' }));
        },
        after: (app, { config }) => {
          app.use(apiErrorHandler(createLogger(config)));
        },
      });
    });

    after(async () => {
      await served.close();
    });

    it('when a body is malformed JSON then apiErrorHandler still answers 400 malformed_json', async () => {
      expectProblem(await served.call('POST', '/api/auth/login', { raw: '{oops' }), 400, 'malformed_json');
    });

    it('when a body is well formed then the routes work as usual', async () => {
      const answer = await served.call('POST', '/api/auth/guest', { body: { name: 'Parsed Once' } });

      assert.equal(answer.status, 201);
      assert.equal(answer.body.user.name, 'Parsed Once');
    });
  });
});
