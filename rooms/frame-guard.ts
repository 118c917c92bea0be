import { CloseCode, Protocol, type Client, type Room } from '@colyseus/core';
import { decode, type Iterator } from '@colyseus/schema';
import { unpack } from 'msgpackr';
import type { LimitedLog } from '../src/transport/limited-log.ts';
import type { Rate } from '../src/transport/token-bucket.ts';
import type { CoolOff } from './cool-off.ts';
import { BUDGET_VERDICT, MessageBudget } from './message-budget.ts';

/** How many lines a process writes about rejected frames and flooding clients: a junk flood from many clients stays a trickle of lines. */
export const FRAME_LOG_LIMIT: Rate = { rate: 10, burst: 20 };

/** A client whose frames do not decode is disconnected at its third such frame: the SDK never sends one. */
export const REJECTED_FRAMES_LIMIT = 3;

/** The protocol code is the first byte's low five bits (`PROTOCOL_CODE_MASK` in @colyseus/shared-types); the high three are modifiers. */
const CODE_MASK = 0b1_1111;

/** Frames Colyseus reads from a client. */
const CLIENT_FRAMES = new Set<number>([
  Protocol.JOIN_ROOM, Protocol.LEAVE_ROOM, Protocol.ROOM_DATA, Protocol.ROOM_DATA_BYTES, Protocol.PING,
  Protocol.ROOM_INPUT_RELIABLE, Protocol.ROOM_INPUT_UNRELIABLE, Protocol.ROOM_REQUEST,
]);

/** Bytes after the prefix of each numeric encoding Colyseus's `decode.number` reads. */
const NUMBER_SIZES: Record<number, number> = { 0xca: 4, 0xcb: 8, 0xcc: 1, 0xcd: 2, 0xce: 4, 0xcf: 8, 0xd0: 1, 0xd1: 2, 0xd2: 4, 0xd3: 8 };
/** Length bytes after each string prefix Colyseus's `decode.string` reads (little-endian, as Colyseus writes them). */
const STRING_LENGTH_SIZES: Record<number, number> = { 0xd9: 1, 0xda: 2, 0xdb: 4 };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** One frame as Colyseus would read it: its protocol code, its message type when it has one, or why it cannot be read. */
export type FrameReading = { code: number; type?: string | number; problem?: string };

/**
 * A message type or request id at `it`, read the way Colyseus reads it, or
 * null when the bytes are not one. Colyseus's decoder reads past the end of
 * a frame and prints to the console on a bad byte; this one checks first.
 */
function readKey(bytes: Uint8Array, it: Iterator): string | number | null {
  if (it.offset >= bytes.length) return null;
  const prefix = bytes[it.offset];
  if (decode.stringCheck(bytes, it)) {
    const lengthSize = STRING_LENGTH_SIZES[prefix] ?? 0;
    const start = it.offset + 1 + lengthSize;
    if (start > bytes.length) return null;
    let length = prefix & 0x1f;
    if (lengthSize > 0) {
      length = 0;
      for (let i = lengthSize - 1; i >= 0; i--) length = length * 256 + bytes[it.offset + 1 + i];
    }
    if (start + length > bytes.length) return null;
    try {
      utf8.decode(bytes.subarray(start, start + length));
    } catch {
      return null;
    }
    return decode.string(bytes, it);
  }
  if (prefix < 0x80 || prefix > 0xdf) return decode.number(bytes, it) as number;
  const size = NUMBER_SIZES[prefix];
  if (size === undefined || it.offset + 1 + size > bytes.length) return null;
  return decode.number(bytes, it) as number;
}

/**
 * Reads a frame as far as needed to tell whether Colyseus can decode it:
 * its code, and for messages and requests the type and the msgpack payload.
 * With `payload` false the payload is not unpacked (to name a frame that is
 * dropped anyway).
 */
export function readFrame(buffer: unknown, payload = true): FrameReading {
  if (!(buffer instanceof Uint8Array) || buffer.length === 0) return { code: -1, problem: 'empty frame' };
  const code = buffer[0] & CODE_MASK;
  if (!CLIENT_FRAMES.has(code)) return { code, problem: `unknown frame code ${buffer[0]}` };
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_REQUEST && code !== Protocol.ROOM_DATA_BYTES) return { code };
  const it: Iterator = { offset: 1 };
  if (code === Protocol.ROOM_REQUEST && readKey(buffer, it) === null) return { code, problem: 'no request id' };
  const type = readKey(buffer, it);
  if (type === null) return { code, problem: 'no message type' };
  if (!payload || code === Protocol.ROOM_DATA_BYTES || it.offset >= buffer.length) return { code, type };
  try {
    unpack(buffer.subarray(it.offset));
    return { code, type };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { code, type, problem: `payload is not msgpack: ${reason}` };
  }
}

export type FrameGuardOptions = {
  /** Each client's message budget (`FELT_MESSAGE_RATE`, `FELT_MESSAGE_BURST`; see `MessageBudget`). */
  messages: Rate;
  /** Where rejected frames and disconnected clients are reported: one line each, no more than it allows across the process. */
  frameLog: LimitedLog;
  now: () => number;
  /** Where a player cut for flooding is kept out for a while (`CoolOff`), when the room's joins check it. */
  coolOff?: CoolOff;
};

type Intake = (client: Client, buffer: Uint8Array) => void;

/**
 * Puts a room's clients on a message budget and keeps frames that do not
 * decode away from Colyseus. Every frame a client sends this room passes here
 * first, and all but joining and leaving count: over the budget it is dropped (the first of a run answered with
 * `error` `rate_limited`, and a client far over is disconnected); a frame
 * that does not decode is dropped, answered with `error` `bad_frame` the
 * first time, logged in one line (Colyseus would print a multi-line stack
 * for each), and its client is disconnected at its `REJECTED_FRAMES_LIMIT`th.
 * A client disconnected either way puts its player in `coolOff`, when given.
 * Every room class calls this in `onCreate`, before any client joins.
 *
 * Colyseus has no hook for this: `_onMessage`, which every client's socket
 * is bound to when the client joins, is its own (its latency simulation wraps
 * it the same way). Should a release rename it, rooms refuse to open rather
 * than run unguarded. Its `maxMessagesPerSecond` is not used: it sits behind
 * this guard, so it would only ever see frames already admitted.
 */
export function guardFrames(room: Room, options: FrameGuardOptions): void {
  const target = room as unknown as { _onMessage?: Intake };
  const intake = target._onMessage;
  if (typeof intake !== 'function') throw new Error('Colyseus no longer reads client frames through Room._onMessage; update rooms/frame-guard.ts.');
  const budget = new MessageBudget(options.messages);
  const rejected = new WeakMap<Client, number>();
  const { messages, frameLog } = options;

  const context = (client: Client): Record<string, unknown> => {
    const playerId = (client.userData as { playerId?: unknown } | undefined)?.playerId;
    return { roomId: room.roomId, room: room.roomName, sessionId: client.sessionId, ...(typeof playerId === 'string' ? { playerId } : {}) };
  };

  /** A client cut here: its player is refused at the tables for a while (`CoolOff`), so its rejoin costs a refusal, not a join. */
  const coolOff = (client: Client): void => {
    const playerId = (client.userData as { playerId?: unknown } | undefined)?.playerId;
    if (typeof playerId === 'string') options.coolOff?.start(playerId, options.now());
  };

  const overBudget = (client: Client, buffer: Uint8Array, verdict: 'warn' | 'cut'): void => {
    if (verdict === BUDGET_VERDICT.cut) {
      coolOff(client);
      frameLog.write('warn', { ...context(client), limit: messages }, 'disconnected a client that kept sending past its message budget');
      client.leave(CloseCode.WITH_ERROR, 'rate_limited');
      return;
    }
    const type = readFrame(buffer, false).type;
    client.send('error', {
      code: 'rate_limited',
      message: `Too many messages: this room takes ${messages.rate} a second from each client (bursts of ${messages.burst}) and dropped this one. Slow down, or you will be disconnected.`,
      ...(type !== undefined ? { request: String(type) } : {}),
    });
  };

  const refuse = (client: Client, bytes: number, reading: FrameReading & { problem: string }): void => {
    const count = (rejected.get(client) ?? 0) + 1;
    rejected.set(client, count);
    frameLog.write('warn', { ...context(client), bytes, reason: reading.problem, rejected: count }, 'rejected a frame that does not decode');
    if (count >= REJECTED_FRAMES_LIMIT) {
      coolOff(client);
      client.leave(CloseCode.WITH_ERROR, 'bad_frame');
    } else if (count === 1) {
      client.send('error', {
        code: 'bad_frame',
        message: `That frame is not a message this server can read (${reading.problem}); it was dropped.`,
        ...(reading.type !== undefined ? { request: String(reading.type) } : {}),
      });
    }
  };

  target._onMessage = function guardedIntake(this: Room, client: Client, buffer: Uint8Array): void {
    // Joining and leaving cost nothing and happen once: a client far over its budget can still leave (the SDK's `leave()` waits on it).
    const code = buffer instanceof Uint8Array && buffer.length > 0 ? buffer[0] & CODE_MASK : -1;
    if (code === Protocol.LEAVE_ROOM || code === Protocol.JOIN_ROOM) return intake.call(this, client, buffer);
    const verdict = budget.admit(client, options.now());
    if (verdict === BUDGET_VERDICT.drop) return;
    if (verdict !== BUDGET_VERDICT.pass) return overBudget(client, buffer, verdict);
    const reading = readFrame(buffer);
    if (reading.problem !== undefined) return refuse(client, buffer instanceof Uint8Array ? buffer.length : 0, { ...reading, problem: reading.problem });
    intake.call(this, client, buffer);
  };
}
