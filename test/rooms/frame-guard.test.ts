import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { CloseCode, Protocol, type Client, type Room } from '@colyseus/core';
import { pack } from 'msgpackr';
import { CoolOff } from '../../rooms/cool-off.ts';
import { guardFrames, readFrame, REJECTED_FRAMES_LIMIT } from '../../rooms/frame-guard.ts';
import { createLogger } from '../../src/log.ts';
import { LimitedLog } from '../../src/transport/limited-log.ts';

/** A frame as the SDK sends `room.send(type, message)`: the code, the type as a short string, the msgpack payload. */
function message(type: string, payload?: unknown, code: number = Protocol.ROOM_DATA): Uint8Array {
  const body = payload === undefined ? [] : [...pack(payload)];
  return Uint8Array.from([code, 0xa0 | type.length, ...Buffer.from(type), ...body]);
}

type FakeClient = Client & { sent: [string, any][]; left: [number, string | undefined][] };

function client(sessionId: string): FakeClient {
  const fake = {
    sessionId, userData: { playerId: `p-${sessionId}` }, sent: [] as [string, any][], left: [] as [number, string | undefined][],
    send(type: string, payload: unknown) {
      fake.sent.push([type, payload]);
    },
    leave(code: number, reason?: string) {
      fake.left.push([code, reason]);
    },
  };
  return fake as unknown as FakeClient;
}

/** A stand-in for a room: the frames that reached Colyseus's intake, and the lines logged. */
function guardedRoom(limit = { rate: 1, burst: 5 }): { room: Room; reached: Uint8Array[]; lines: () => any[]; now: { ms: number }; coolOff: CoolOff } {
  const reached: Uint8Array[] = [];
  const room = {
    roomId: 't-1', roomName: 'table',
    _onMessage(_client: Client, buffer: Uint8Array) {
      reached.push(buffer);
    },
  } as unknown as Room;
  let text = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  const now = { ms: 0 };
  const frameLog = new LimitedLog(createLogger({ logLevel: 'info', processId: 'test' }, sink), { rate: 1, burst: 100 }, () => now.ms);
  const coolOff = new CoolOff(10_000);
  guardFrames(room, { messages: limit, frameLog, now: () => now.ms, coolOff });
  return { room, reached, lines: () => text.split('\n').filter(Boolean).map((line) => JSON.parse(line)), now, coolOff };
}

function deliver(room: Room, from: Client, frame: Uint8Array, times = 1): void {
  const intake = (room as unknown as { _onMessage(client: Client, buffer: Uint8Array): void })._onMessage;
  for (let i = 0; i < times; i++) intake.call(room, from, frame);
}

describe('rooms: frame guard', () => {
  describe('reading a frame', () => {
    it('when a frame is a message, a request or a control frame the SDK sends then it reads, with its type', () => {
      assert.deepEqual(readFrame(message('sit', { buyIn: 100 })), { code: Protocol.ROOM_DATA, type: 'sit' });
      assert.deepEqual(readFrame(message('leave')), { code: Protocol.ROOM_DATA, type: 'leave' });
      assert.deepEqual(readFrame(Uint8Array.from([Protocol.ROOM_DATA, 7, ...pack({ a: 1 })])), { code: Protocol.ROOM_DATA, type: 7 });
      assert.deepEqual(readFrame(Uint8Array.from([Protocol.ROOM_REQUEST, 3, 0xa3, ...Buffer.from('act'), ...pack({})])), { code: Protocol.ROOM_REQUEST, type: 'act' });
      assert.deepEqual(readFrame(Uint8Array.from([Protocol.JOIN_ROOM])), { code: Protocol.JOIN_ROOM });
      assert.deepEqual(readFrame(Uint8Array.from([Protocol.PING])), { code: Protocol.PING });
    });

    it('when a frame is junk then it says why, whatever part is broken', () => {
      const problems = [
        new Uint8Array(),
        Uint8Array.from([250, 1, 2, 3]),
        Uint8Array.from([Protocol.ROOM_DATA]),
        Uint8Array.from([Protocol.ROOM_DATA, 0xd9, 0xff, 1, 2]),
        Uint8Array.from([Protocol.ROOM_DATA, 0xa2, 0xff, 0xfe]),
        Uint8Array.from([Protocol.ROOM_DATA, 0xcb, 1, 2]),
        Uint8Array.from([Protocol.ROOM_DATA, 0xa3, ...Buffer.from('sit'), 0xc1, 0xc1]),
        Uint8Array.from([Protocol.ROOM_REQUEST, 1, 0xa3, ...Buffer.from('aaa'), 0xc1, 0xc1]),
        'text',
      ].map((frame) => readFrame(frame).problem);

      assert.deepEqual(problems.map((problem) => problem?.replace(/:.*/, '')), [
        'empty frame', 'unknown frame code 250', 'no message type', 'no message type', 'no message type', 'no message type',
        'payload is not msgpack', 'payload is not msgpack', 'empty frame',
      ]);
    });
  });

  describe('on a room', () => {
    it('when a client sends within its budget then every frame reaches the room', () => {
      const { room, reached } = guardedRoom();
      const ann = client('a');

      deliver(room, ann, message('act', { action: 'call' }), 5);

      assert.equal(reached.length, 5);
      assert.deepEqual(ann.sent, []);
    });

    it('when a client floods then the first excess is answered rate_limited once, nothing more reaches the room, and it is cut at twice the burst over', () => {
      const { room, reached, lines } = guardedRoom({ rate: 1, burst: 5 });
      const ann = client('a');
      const bob = client('b');

      deliver(room, ann, message('sit', { buyIn: 100 }), 100);
      deliver(room, bob, message('act', { action: 'fold' }));

      assert.equal(reached.length, 5 + 1, 'the burst of the flooder, and the other client');
      assert.deepEqual(ann.sent.map(([type, payload]) => [type, payload.code, payload.request]), [['error', 'rate_limited', 'sit']]);
      assert.match(ann.sent[0][1].message, /1 a second .*bursts of 5/);
      assert.deepEqual(ann.left, [[CloseCode.WITH_ERROR, 'rate_limited']]);
      assert.deepEqual(bob.sent, []);
      assert.deepEqual(lines().map((line) => [line.msg, line.sessionId, line.playerId]), [['disconnected a client that kept sending past its message budget', 'a', 'p-a']]);
    });

    it('when a client is cut for flooding or for junk frames then its player cools off, and a calm client\'s does not', () => {
      const { room, now, coolOff } = guardedRoom({ rate: 1, burst: 5 });
      now.ms = 1_000;
      const junk = Uint8Array.from([Protocol.ROOM_DATA, 0xa3, ...Buffer.from('sit'), 0xc1, 0xc1]);

      deliver(room, client('flood'), message('sitOut'), 100);
      deliver(room, client('calm'), message('sitOut'), 5);
      deliver(room, client('junk'), junk, REJECTED_FRAMES_LIMIT);

      assert.equal(coolOff.remainingMs('p-flood', now.ms), 10_000);
      assert.equal(coolOff.remainingMs('p-calm', now.ms), 0);
      assert.equal(coolOff.remainingMs('p-junk', now.ms), 10_000);
    });

    it('when a client over its budget asks to leave then the leave still reaches the room', () => {
      const { room, reached } = guardedRoom({ rate: 1, burst: 5 });
      const ann = client('a');
      deliver(room, ann, message('sitOut'), 30);
      const leave = Uint8Array.from([Protocol.LEAVE_ROOM]);

      deliver(room, ann, leave);

      assert.equal(reached.at(-1), leave);
    });

    it('when a client sends frames that do not decode then none reaches the room, each is one log line, the first is answered and the third cuts it', () => {
      const { room, reached, lines } = guardedRoom({ rate: 1, burst: 50 });
      const ann = client('a');
      const junk = Uint8Array.from([Protocol.ROOM_REQUEST, 1, 0xa3, ...Buffer.from('aaa'), 0xc1, 0xc1]);

      deliver(room, ann, junk, REJECTED_FRAMES_LIMIT);
      deliver(room, ann, message('act', { action: 'call' }));

      assert.equal(reached.length, 1, 'only the good frame');
      assert.deepEqual(ann.sent.map(([, payload]) => [payload.code, payload.request]), [['bad_frame', 'aaa']]);
      assert.deepEqual(ann.left, [[CloseCode.WITH_ERROR, 'bad_frame']]);
      assert.deepEqual(lines().map((line) => [line.msg, line.roomId, line.sessionId, line.rejected, line.bytes]), [1, 2, 3].map((n) => ['rejected a frame that does not decode', 't-1', 'a', n, junk.length]));
      assert.match(lines()[0].reason, /^payload is not msgpack: /);
    });

    it('when Colyseus no longer reads frames where the guard expects then the room refuses to open', () => {
      const frameLog = new LimitedLog(createLogger({ logLevel: 'silent', processId: 'test' }), { rate: 1, burst: 1 });

      assert.throws(() => guardFrames({} as Room, { messages: { rate: 1, burst: 1 }, frameLog, now: Date.now }), /_onMessage/);
    });
  });
});
