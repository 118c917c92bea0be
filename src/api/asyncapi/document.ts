import { z } from 'zod';
import { stateSchemas, type FieldNotes, type JsonSchema, type SchemaClass } from './colyseus-state.ts';

/** One message of a room, in one direction. */
export type MessageDoc = {
  /** The Colyseus message type: what `room.send(type, …)` and `room.onMessage(type, …)` name. */
  type: string;
  /** The message's id in the document when `type` cannot be one (`+`, `-`): letters, digits, `.`, `-`, `_`. */
  id?: string;
  summary: string;
  description?: string;
  /** The zod schema the room validates it with (client → server) or builds it by (server → client). */
  payload: z.ZodType;
  /** Payloads as sent; each must pass `payload` (the document's tests check). */
  examples?: unknown[];
};

/** What the document says of one room: a channel, its messages both ways, how to join it and its state. */
export type RoomDoc = {
  /** The room's name as the server defines it (`table`, `lobby`): the channel's id. */
  name: string;
  title: string;
  description: string;
  /** The channel's address; each `{param}` in it is described in `parameters`. */
  address: string;
  parameters?: Record<string, string>;
  /** How a client joins, as SDK code: `client.joinById(tableId, { token })`. */
  join: string;
  /** The options object of the join call. */
  joinOptions?: z.ZodType;
  /** The room's Colyseus state class, summarised as JSON Schema (with `stateNotes` as descriptions). */
  state?: SchemaClass;
  stateNotes?: FieldNotes;
  /** Client → server: what the room accepts. */
  receives: MessageDoc[];
  /** Server → client. */
  sends: MessageDoc[];
};

const ID = /^[\w.-]+$/;

/**
 * A JSON Schema (draft-07, the base of AsyncAPI 3.0's default schema format)
 * of what a zod schema accepts. `undefined` — a message sent with no payload
 * — has no JSON form: it becomes a schema nothing matches, so `{}` or `null`
 * remain, as the room's `EmptyMessage` accepts them.
 */
export function payloadSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'undefined') Object.assign(ctx.jsonSchema, { not: {}, description: 'No payload at all: room.send(type).' });
    },
  }) as JsonSchema;
  return rest;
}

/**
 * The AsyncAPI 3.0 document of the rooms' messages, described from the
 * server's side: a client → server message is an operation the server
 * `receive`s, a server → client one an operation it `send`s. Every payload
 * schema comes from the zod schema the room uses, and each room's state from
 * its Colyseus schema class, so the document cannot drift from the server. A
 * new room is one more `RoomDoc`.
 */
export function asyncApiDocument(info: { version: string; description: string }, rooms: RoomDoc[]): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, JsonSchema> = {};
  for (const room of rooms) {
    const channelMessages: Record<string, unknown> = {};
    const add = (message: MessageDoc, action: 'receive' | 'send'): void => {
      const id = message.id ?? message.type;
      if (!ID.test(id)) throw new Error(`Message "${message.type}" of room ${room.name} needs an id of letters, digits, ".", "-" or "_".`);
      if (channelMessages[id]) throw new Error(`Room ${room.name} documents message "${id}" twice.`);
      const componentId = `${room.name}.${id}`;
      messages[componentId] = {
        name: message.type,
        title: message.type,
        summary: message.summary,
        ...(message.description ? { description: message.description } : {}),
        payload: payloadSchema(message.payload),
        ...(message.examples ? { examples: message.examples.map((payload) => ({ payload })) } : {}),
      };
      channelMessages[id] = { $ref: `#/components/messages/${componentId}` };
      operations[`${room.name}.${action}.${id}`] = {
        action,
        channel: { $ref: `#/channels/${room.name}` },
        messages: [{ $ref: `#/channels/${room.name}/messages/${id}` }],
        summary: message.summary,
      };
    };
    for (const message of room.receives) add(message, 'receive');
    for (const message of room.sends) add(message, 'send');
    if (room.state) stateSchemas(room.state, room.stateNotes, schemas);
    channels[room.name] = {
      address: room.address,
      title: room.title,
      description: room.description,
      ...(room.parameters ? { parameters: Object.fromEntries(Object.entries(room.parameters).map(([name, description]) => [name, { description }])) } : {}),
      messages: channelMessages,
      'x-felt-join': {
        code: room.join,
        ...(room.joinOptions ? { options: payloadSchema(room.joinOptions) } : {}),
      },
      ...(room.state ? { 'x-felt-state': { $ref: `#/components/schemas/${room.state.name}` } } : {}),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: { title: 'Felt rooms', version: info.version, description: info.description },
    // Colyseus encodes every message with msgpack; the SDK does it, and the payloads are the decoded objects.
    defaultContentType: 'application/msgpack',
    channels,
    operations,
    components: { messages, schemas },
  };
}
