import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { feltAsyncApi } from '../../src/api/asyncapi/rooms.ts';
import { routeDocs } from '../../src/api/openapi/registry.ts';
import { createApiRouter } from '../../src/api/router.ts';
import { AUTH_ERROR_CODES } from '../../src/auth/errors.ts';
import { loadConfig } from '../../src/config.ts';
import { RAISE_REFUSALS, raiseRefusalCode, type RaiseRefusal } from '../../src/engine/hand/betting-rules.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { TABLE_ERROR } from '../../src/tables/manage.ts';
import {
  codeProblems, matchedCodes, roomProblems, routeProblems, settingProblems, sourceFiles, thrownCodes,
  type CodeGroup, type Route,
} from './contract-doc.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const at = (path: string): string => resolve(ROOT, path);
const DOC_PATH = at('docs/protocol.md');

/** Every setting `loadConfig` reads: it is given an environment that records each name asked for. */
function settingsRead(): string[] {
  const read = new Set<string>();
  const env = new Proxy({} as Record<string, string | undefined>, {
    get(_target, key) {
      if (typeof key === 'string' && /^[A-Z][A-Z0-9_]*$/.test(key)) read.add(key);
      return undefined;
    },
  });
  loadConfig(env);
  return [...read].sort();
}

/** The codes the AsyncAPI document's `error` message names (its `code` field's description). */
function asyncApiErrorCodes(asyncapi: any): Set<string> {
  const description: string = asyncapi.components.messages['table.error'].payload.properties.code.description;
  return new Set(description.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? []);
}

/** Every code a client can get, by where it comes from, and the subsection of "## Error codes" that lists it. */
function codeGroups(asyncapi: any): CodeGroup[] {
  const throws = ['illegal', 'refuse', 'IllegalActionError'];
  return [
    { name: 'AsyncAPI `error`', codes: asyncApiErrorCodes(asyncapi), subsection: /^Table room/ },
    {
      name: 'room',
      codes: new Set([...matchedCodes(sourceFiles(at('rooms')), /\bcode: '([a-z_]+)'/g), ...matchedCodes(sourceFiles(at('rooms')), /\bRejection\('([a-z_]+)'/g)]),
      subsection: /^Table room/,
    },
    {
      // Every rule of the table and the hand: the ones a message can break are in the table room's list, the rest (which none can) below it.
      name: 'engine',
      codes: new Set([...thrownCodes(sourceFiles(at('src/engine/cash'), at('src/engine/table'), at('src/engine/hand')), throws), ...Object.keys(RAISE_REFUSALS).map((refusal) => raiseRefusalCode(refusal as RaiseRefusal))]),
      subsection: null,
    },
    {
      name: 'HTTP',
      codes: new Set([
        ...matchedCodes(sourceFiles(at('src/api'), at('src/web')), /ApiProblem\(\s*\d{3},\s*'([a-z_]+)'/g),
        ...matchedCodes(sourceFiles(at('src/web')), /\bcode: '([a-z_]+)'/g),
        ...Object.values(AUTH_ERROR_CODES),
        ...Object.values(TABLE_ERROR),
      ]),
      subsection: /^HTTP/,
    },
    {
      // What a tournament table answers the tournament's calls (server to server): its engine's refusals and its room's.
      name: 'tournament table',
      codes: new Set([
        ...thrownCodes(sourceFiles(at('src/engine/tournament')), throws),
        ...matchedCodes([at('rooms/tournament-table.ts')], /\brefusal\('([a-z_]+)'/g),
      ]),
      subsection: /^Answers of tournament tables/,
    },
    {
      name: 'tournament',
      codes: thrownCodes([
        ...sourceFiles(at('src/tournaments/rules/registration.ts'), at('src/tournaments/rules/lifecycle.ts'), at('src/tournaments/rules/structure.ts')),
        at('src/tournaments/entries.ts'), at('src/jobs/tournament-templates.ts'), at('src/persistence/tournament-entries.ts'),
      ], [...throws, 'PersistenceError']),
      subsection: /^Tournament/,
    },
  ];
}

describe('docs: the client contract (docs/protocol.md) says what the code does', () => {
  let db: Database;
  let doc: string;
  let routes: Route[];
  const asyncapi = feltAsyncApi() as any;

  before(async () => {
    doc = existsSync(DOC_PATH) ? readFileSync(DOC_PATH, 'utf8') : '';
    // Building the API registers every route's documentation (the OpenAPI registry); no request is served.
    db = await openDatabase({});
    createApiRouter({ db, config: loadConfig({ FELT_LOG_LEVEL: 'silent' }), secret: randomBytes(32), listTables: async () => [], health: async () => ({ db: true, presence: 'local' }) });
    routes = routeDocs().map(({ method, path }) => ({ method, path }));
  });

  after(async () => {
    await db?.close();
  });

  const missing = (problems: string[]): string => `docs/protocol.md is out of date:\n  - ${problems.join('\n  - ')}`;

  it('when docs/protocol.md is read then it exists and names its version', () => {
    assert.ok(doc.length > 0, 'docs/protocol.md does not exist');
    assert.match(doc, /^# .*\(v1\)/m, 'its title names the version, "(v1)"');
  });

  it('when every route of the OpenAPI registry is looked for then each is in the document, and each /api route it names is served', () => {
    assert.ok(routes.length > 40, `the registry holds the API's routes (${routes.length})`);
    const problems = routeProblems(doc, routes);
    assert.deepEqual(problems, [], missing(problems));
  });

  it('when every room of the AsyncAPI document is looked for then its messages both ways, their fields, its join options and its state are in the document', () => {
    assert.deepEqual(Object.keys(asyncapi.channels).sort(), ['lobby', 'table', 'tournament'], 'the rooms this test reads');
    const problems = roomProblems(doc, asyncapi);
    assert.deepEqual(problems, [], missing(problems));
  });

  it('when every setting src/config.ts reads is looked for then each has a row under "Settings"', () => {
    const settings = settingsRead();
    assert.ok(settings.includes('FELT_MESSAGE_BURST') && settings.includes('PORT'), `the settings read: ${settings.join(', ')}`);
    const problems = settingProblems(doc, settings);
    assert.deepEqual(problems, [], missing(problems));
  });

  it('when every error code a client can get is looked for then each is listed under "Error codes", and each listed code is sent', () => {
    const groups = codeGroups(asyncapi);
    for (const code of ['bad_message', 'rate_limited', 'bad_frame']) assert.ok(groups[0].codes.has(code), `the AsyncAPI error schema names ${code}`);
    for (const code of ['not_your_turn', 'raise_due', 'raise_too_small', 'raise_cap', 'not_reopened', 'cannot_raise', 'seat_taken', 'table_full', 'waitlist_first']) {
      assert.ok(groups[2].codes.has(code), `the engine's codes include ${code}`);
    }
    const problems = codeProblems(doc, groups);
    assert.deepEqual(problems, [], missing(problems));
  });

  describe('the checks themselves', () => {
    const room = (name: string, sends: string[], receives: string[], state?: Record<string, any>) => ({ name, sends, receives, state });
    /** A small AsyncAPI document of the shape feltAsyncApi() gives. */
    function fakeAsyncApi(rooms: ReturnType<typeof room>[]): any {
      const doc: any = { channels: {}, operations: {}, components: { messages: {}, schemas: {} } };
      for (const r of rooms) {
        doc.channels[r.name] = { messages: {}, 'x-felt-join': { options: { type: 'object', properties: { token: { type: 'string' } } } } };
        for (const [action, types] of [['receive', r.receives], ['send', r.sends]] as const) {
          for (const type of types) {
            doc.components.messages[`${r.name}.${type}`] = { name: type, payload: { type: 'object', properties: { amount: { type: 'number' } } } };
            doc.channels[r.name].messages[type] = { $ref: `#/components/messages/${r.name}.${type}` };
            doc.operations[`${r.name}.${action}.${type}`] = { action, channel: { $ref: `#/channels/${r.name}` }, messages: [{ $ref: `#/channels/${r.name}/messages/${type}` }] };
          }
        }
        if (r.state) {
          doc.components.schemas.State = { type: 'object', properties: r.state };
          doc.channels[r.name]['x-felt-state'] = { $ref: '#/components/schemas/State' };
        }
      }
      return doc;
    }

    it('when a document lacks a route, a message, a field, a setting or a code then each check names what is missing', () => {
      const text = [
        '# Felt (v1)',
        '`POST /api/gone`',
        '## The `table` room',
        '### Client → server', '| type | payload |', '|---|---|', '| `sit` | `{amount}` |', '| `dance` | |',
        '### Server → client', '| type | payload |', '|---|---|',
        '### `State`', '| field | meaning |', '|---|---|', '| `phase` | |', '| `cards` | the owner\'s |', '| `ghost` | |',
        '## The `tournament` room',
        '## Settings', '| name |', '|---|', '| `PORT` |',
        '## Error codes', '### Table room', '| code |', '|---|', '| `not_your_turn` | |', '| `invented_code` | |',
      ].join('\n');
      const asyncapi = fakeAsyncApi([room('table', ['error'], ['sit', 'act'], { phase: { type: 'string' }, cards: { type: 'array', 'x-felt-view': true }, toAct: { type: 'number' } })]);

      const problems = [
        ...routeProblems(text, [{ method: 'get', path: '/api/tables' }]),
        ...roomProblems(text, asyncapi),
        ...settingProblems(text, ['PORT', 'FELT_LEASE_MS']),
        ...codeProblems(text, [{ name: 'room', codes: new Set(['not_your_turn', 'bad_message']), subsection: /^Table room/ }]),
      ].join('\n');

      for (const fault of [
        'route `GET /api/tables` is served but not in the document',
        'route `POST /api/gone` is in the document but not served',
        'client → server message `act` has no row',
        'server → client message `error` has no row',
        'message `dance` is in the document but not in the room',
        'join option `token` is not named',
        '`State.toAct` has no row',
        '`State.cards` is private: its row must say StateView',
        '`State.ghost` is in the document but not in the state',
        'room `tournament` is in the document but not served',
        'setting `FELT_LEASE_MS` has no row',
        'room code `bad_message` is not listed',
        'code `invented_code` is listed but no code sends it',
      ]) assert.ok(problems.includes(fault), `expected "${fault}" in:\n${problems}`);
    });

    it('when a row says "not built yet" then it may name what is not served, and must stop saying it once it is', () => {
      const text = [
        '## The `table` room',
        '### Client → server', '|---|', '| `sit` | not built yet |', '| `bringIn` | not built yet |',
        '### Server → client', '|---|', '| `moved` | not built yet |',
        '## The `tournament` room (not built yet)', '### Server → client', '|---|', '| `seated` | |',
        '## Error codes', '### Table room', '|---|', '| `tournament_table` | not built yet |',
      ].join('\n');
      const asyncapi = fakeAsyncApi([room('table', [], ['sit'])]);

      const problems = [...roomProblems(text, asyncapi), ...codeProblems(text, [{ name: 'room', codes: new Set(), subsection: /^Table room/ }])];

      assert.deepEqual(problems.filter((problem) => !problem.includes('field `amount`') && !problem.includes('join option')), [
        'room `table`: client → server message `sit` is built: its row still says "not built yet"',
      ]);
    });
  });
});
