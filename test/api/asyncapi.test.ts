import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import specs from '@asyncapi/specs';
import { matchMaker } from '@colyseus/core';
import type { Room } from '@colyseus/sdk';
import { Ajv, type ValidateFunction } from 'ajv';
import { asyncApiDocument, type RoomDoc } from '../../src/api/asyncapi/document.ts';
import { FELT_ROOMS } from '../../src/api/asyncapi/rooms.ts';
import { tableRoomDoc } from '../../src/api/asyncapi/table-room.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { BACKENDS } from '../persistence/databases.ts';
import { nextMessage, startFelt, waitFor, type Felt } from '../support/felt.ts';
import { startApi, type TestApi } from './helpers.ts';

const ROOMS_DIR = resolve(import.meta.dirname, '../../rooms');

// The AsyncAPI schema carries its own copy of the draft-07 meta-schema: Ajv must not add another.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, meta: false, validateSchema: false });
const validateAsyncApi = ajv.compile(specs.schemas['3.0.0']);

type Doc = { channels: Record<string, any>; operations: Record<string, any>; components: { messages: Record<string, any>; schemas: Record<string, any> }; [key: string]: any };

/** The payload schema of a room's message in the document, by its wire type. */
function payloadValidator(doc: Doc, room: string, type: string): ValidateFunction {
  const entry = Object.entries(doc.components.messages).find(([id, message]) => id.startsWith(`${room}.`) && message.name === type);
  assert.ok(entry, `the document has ${room}'s "${type}"`);
  return new Ajv({ strict: false, allErrors: true }).compile(entry[1].payload);
}

/** What a local `$ref` (`#/a/b`) points at in the document, following references on the way. */
function resolveRef(doc: unknown, ref: string): any {
  const target = ref.replace(/^#\//, '').split('/').reduce<any>((node, part) => node?.[part.replaceAll('~1', '/').replaceAll('~0', '~')], doc);
  return typeof target?.$ref === 'string' ? resolveRef(doc, target.$ref) : target;
}

/** Every `$ref` in the document that points at nothing in it. */
function danglingRefs(doc: unknown): string[] {
  const dangling: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string') {
          if (resolveRef(doc, inner) === undefined) dangling.push(inner);
        } else walk(inner);
      }
    }
  };
  walk(doc);
  return dangling;
}

/** The wire types of the messages the server receives on a room's channel, from its operations. */
const received = (doc: Doc, room: string): string[] => Object.values(doc.operations)
  .filter((operation) => operation.action === 'receive' && operation.channel.$ref === `#/channels/${room}`)
  .map((operation) => resolveRef(doc, operation.messages[0].$ref).name as string)
  .sort();

/** Payloads of every shape: the document and the room must agree on each. */
const SAMPLES: Record<string, unknown[]> = {
  any: [{}, null, [], 'text', 7, true, { bogus: 1 }],
  sit: [{ buyIn: 100 }, { seat: 0, buyIn: 1 }, { seat: 9, buyIn: 50 }, { seat: 10, buyIn: 50 }, { seat: -1, buyIn: 50 }, { buyIn: 0 }, { buyIn: 1.5 }, { buyIn: '100' }, { buyIn: 100, extra: true }],
  act: [{ action: 'fold' }, { action: 'allin' }, { action: 'bet', amount: 0 }, { action: 'raise', amount: -1 }, { action: 'raise', amount: 2.5 }, { action: 'dance' }, { action: 'call', amount: 3, why: 'x' }],
  draw: [{ discard: [] }, { discard: ['As', 'Td', '2c'] }, { discard: ['1s'] }, { discard: ['as'] }, { discard: ['As', 'Ks', 'Qs', 'Js', 'Ts', '9s', '8s', '7s'] }, { discard: 'As' }],
  topUp: [{ amount: 1 }, { amount: 0 }, { amount: 10.5 }],
  waitlist: [{ join: false }, { join: 'yes' }, { join: 1 }],
};

describe('api: the AsyncAPI document of the rooms', () => {
  let db: Database;
  let api: TestApi;
  let doc: Doc;

  before(async () => {
    db = await openDatabase({});
    api = await startApi({ db });
    doc = (await api.call('GET', '/api/asyncapi.json')).body;
  });

  after(async () => {
    await api?.close();
    await db?.close();
  });

  it('when GET /api/asyncapi.json is asked then it is a valid AsyncAPI 3.0 document whose references all resolve', () => {
    const valid = validateAsyncApi(doc);

    assert.equal(valid, true, JSON.stringify(validateAsyncApi.errors?.slice(0, 5)));
    assert.equal(doc.asyncapi, '3.0.0');
    assert.deepEqual(danglingRefs(doc), []);
  });

  it('when the document is read then it has a channel for the table, the lobby and the tournament, with how to join and the table\'s state', () => {
    assert.deepEqual(Object.keys(doc.channels).sort(), ['lobby', 'table', 'tournament']);
    assert.equal(doc.channels.tournament['x-felt-state'].$ref, '#/components/schemas/TournamentState');
    assert.equal(doc.channels.table['x-felt-join'].code, 'client.joinById(tableId, { token })');
    assert.deepEqual(doc.channels.table['x-felt-join'].options.required, ['token']);
    assert.equal(doc.channels.table['x-felt-state'].$ref, '#/components/schemas/TableState');
    const state = doc.components.schemas.TableState.properties;
    for (const field of ['tableId', 'name', 'variant', 'smallBlind', 'bigBlind', 'ante', 'minBuyIn', 'maxBuyIn', 'maxSeats', 'handNumber', 'phase', 'board', 'pots', 'button', 'toAct', 'actionDeadline', 'seats', 'waiting']) {
      assert.ok(state[field], `TableState.${field} (PROTOCOL.md)`);
    }
    assert.equal(doc.components.schemas.Seat.properties.cards['x-felt-view'], true, 'hole cards are marked private');
    assert.deepEqual(received(doc, 'lobby'), ['filter']);
    const lobbySends = Object.values(doc.operations).filter((operation) => operation.action === 'send' && operation.channel.$ref === '#/channels/lobby').length;
    assert.equal(lobbySends, 4, 'rooms, +, - and error');
  });

  it('when the OpenAPI document is read then it names the AsyncAPI document and lists its route', async () => {
    const openapi = (await api.call('GET', '/api/openapi.json')).body;

    assert.match(openapi.info.description, /\/api\/asyncapi\.json/);
    assert.ok(openapi.paths['/api/asyncapi.json']?.get);
  });

  it('when a sample payload is checked then the document\'s schema and the room\'s zod schema agree on it', () => {
    for (const message of tableRoomDoc.receives) {
      const validate = payloadValidator(doc, 'table', message.type);
      for (const sample of [...SAMPLES.any, ...(SAMPLES[message.type] ?? []), ...(message.examples ?? [])]) {
        assert.equal(validate(sample), message.payload.safeParse(sample).success, `${message.type} ${JSON.stringify(sample)}`);
      }
    }
  });

  it('when a room\'s examples are checked then each passes its own message\'s schema', () => {
    for (const room of FELT_ROOMS) {
      for (const message of [...room.receives, ...room.sends]) {
        for (const example of message.examples ?? []) {
          assert.equal(payloadValidator(doc, room.name, message.type)(example), true, `${room.name} ${message.type} ${JSON.stringify(example)}`);
        }
      }
    }
  });

  it('when the rooms\' sources send a message then the document has it as one the server sends', () => {
    const sent = new Set<string>();
    for (const file of readdirSync(ROOMS_DIR).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(ROOMS_DIR, file), 'utf8');
      for (const match of source.matchAll(/\.(?:send|broadcast)\(\s*'([^']+)'/g)) sent.add(match[1]);
    }
    const documented = new Set(FELT_ROOMS.flatMap((room) => room.sends).map((message) => message.type));

    assert.ok(sent.size > 0);
    for (const type of sent) assert.ok(documented.has(type), `"${type}" is sent by a room and documented`);
  });

  it('when a room is described twice with one message id then the generator refuses it', () => {
    const room: RoomDoc = { ...tableRoomDoc, receives: [tableRoomDoc.receives[0], tableRoomDoc.receives[0]], sends: [] };

    assert.throws(() => asyncApiDocument({ version: '1', description: '' }, [room]), /documents message "sit" twice/);
  });

  describe('against a live table', function () {
    this.timeout(60_000);
    let felt: Felt;
    let tableId: string;
    let room: Room;
    const errors: { code: string; message: string; request?: string }[] = [];

    before(async () => {
      // The samples go out faster than a client may send (FELT_MESSAGE_RATE): the budget is out of the way here.
      felt = await startFelt(BACKENDS[0], { FELT_MESSAGE_BURST: '100000' });
      tableId = ((await (await fetch(`${felt.url}/api/tables`)).json()) as { tableId: string }[])[0].tableId;
      const { token } = await felt.guest('Doc');
      room = await felt.client().joinById(tableId, { token });
      room.onMessage('error', (payload) => errors.push(payload));
    });

    after(async () => {
      await room?.leave();
      await felt?.close();
    });

    /** Sends a payload, then a probe the room answers at once: the errors in between answer the payload's shape. */
    async function refusedAsBadMessage(type: string, payload: unknown): Promise<boolean> {
      errors.length = 0;
      const probe = `probe-${Math.random().toString(36).slice(2)}`;
      const answered = new Promise<void>((done) => {
        const off = room.onMessage('error', (error: { request?: string }) => {
          if (error.request !== probe) return;
          off();
          done();
        });
      });
      room.send(type, payload);
      room.send(probe, {});
      await answered;
      return errors.some((error) => error.code === 'bad_message' && error.request === type);
    }

    it('when the table room registers its messages then each is one the document says the server receives, and no other', () => {
      const live = matchMaker.getLocalRoomById(tableId) as unknown as { onMessageEvents: { events: Record<string, unknown> } };
      const registered = Object.keys(live.onMessageEvents.events).filter((type) => type !== '*').sort();

      assert.deepEqual(received(doc, 'table'), registered);
    });

    it('when each sample is sent to the table then the room refuses exactly the ones the document\'s schema refuses', async () => {
      for (const message of tableRoomDoc.receives) {
        const validate = payloadValidator(doc, 'table', message.type);
        for (const sample of [...SAMPLES.any, ...(SAMPLES[message.type] ?? []), ...(message.examples ?? [])]) {
          assert.equal(await refusedAsBadMessage(message.type, sample), !validate(sample), `${message.type} ${JSON.stringify(sample)}`);
        }
      }
    });

    it('when the room answers error then the payload fits the document\'s error message', async () => {
      const validate = payloadValidator(doc, 'table', 'error');
      const bad = nextMessage(room, 'error');
      room.send('sit', { buyIn: 'lots' });
      const unknown = nextMessage(room, 'error');
      room.send('nonsense', {});

      for (const payload of [await bad, await unknown]) assert.equal(validate(payload), true, JSON.stringify({ payload, errors: validate.errors }));
    });

    it('when a seated player reads the state then it fits the document\'s TableState, private fields included', async () => {
      const { token, id } = await felt.guest('Seated');
      const seated = await felt.client().joinById(tableId, { token });
      try {
        seated.send('sit', { buyIn: 100 });
        await waitFor(seated, (state) => Object.values(state.toJSON().seats ?? {}).some((seat: any) => seat.playerId === id));
        const schema = { ...doc.components.schemas.TableState, components: doc.components };
        const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

        const state = seated.state.toJSON();

        assert.equal(validate(state), true, JSON.stringify(validate.errors));
      } finally {
        await seated.leave();
      }
    });

    it('when the lobby lists the tables and then a table opens then rooms and + fit the document', async () => {
      const lobby = await felt.client().join('lobby');
      try {
        const rooms = await nextMessage(lobby, 'rooms');
        const added = nextMessage(lobby, '+');
        await felt.openTable();
        const change = await added;

        const validateRooms = payloadValidator(doc, 'lobby', 'rooms');
        const validateChange = payloadValidator(doc, 'lobby', '+');
        assert.equal(validateRooms(rooms), true, JSON.stringify(validateRooms.errors));
        assert.ok((rooms as unknown[]).length > 0);
        assert.equal(validateChange(change), true, JSON.stringify(validateChange.errors));
      } finally {
        await lobby.leave();
      }
    });
  });
});
