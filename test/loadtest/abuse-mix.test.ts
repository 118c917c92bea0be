import assert from 'node:assert/strict';
import { decode } from '@colyseus/schema';
import { unpack } from 'msgpackr';
import type { z } from 'zod';
import { ABUSE_WEIGHTS, AbuseKind, AbuseMix, brokenFrame, isProtocolFrame, junkFrame, MALFORMED, UNKNOWN_TYPES, type AbuseMessage } from '../../loadtest/abuse-mix.ts';
import { ActMessage, DrawMessage, EmptyMessage, SitMessage, TopUpMessage, WaitlistMessage } from '../../rooms/messages.ts';

/** The table room's message types and their schemas (rooms/TableRoom.ts, PROTOCOL.md). */
const TABLE_SCHEMAS: Record<string, z.ZodType> = {
  sit: SitMessage, act: ActMessage, draw: DrawMessage, show: EmptyMessage, muck: EmptyMessage,
  sitOut: EmptyMessage, sitIn: EmptyMessage, topUp: TopUpMessage, leave: EmptyMessage, waitlist: WaitlistMessage,
};

/** A seeded generator, so a failing case can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function draw(mix: AbuseMix, n: number): AbuseMessage[] {
  return Array.from({ length: n }, () => mix.next());
}

describe('loadtest: the abusers\' message mix', () => {
  it('when ten thousand messages are drawn then each kind comes exactly as often as its weight says', () => {
    const counts: Record<string, number> = {};
    for (const message of draw(new AbuseMix(100, seeded(1)), 10_000)) counts[message.kind] = (counts[message.kind] ?? 0) + 1;
    assert.deepEqual(counts, { ...ABUSE_WEIGHTS });
  });

  it('when messages are drawn then the costly buy-ins are spread out: 4 to 6 in any 10 in a row, never three other messages between two', () => {
    const kinds = draw(new AbuseMix(100, seeded(2)), 2000).map((message) => message.kind);
    let run = 0;
    let longest = 0;
    for (const kind of kinds) {
      run = kind === AbuseKind.unaffordableSit ? 0 : run + 1;
      longest = Math.max(longest, run);
    }
    assert.ok(longest <= 2, `${longest} other messages in a row`);
    for (let i = 0; i + 10 <= kinds.length; i++) {
      const sits = kinds.slice(i, i + 10).filter((kind) => kind === AbuseKind.unaffordableSit).length;
      assert.ok(sits >= 4 && sits <= 6, `${sits} buy-ins in messages ${i}–${i + 9}`);
    }
  });

  it('when a buy-in is drawn then it passes the table\'s sit schema and asks the amount given', () => {
    const sits = draw(new AbuseMix(100, seeded(3)), 100).filter((message) => message.kind === AbuseKind.unaffordableSit);
    assert.ok(sits.length > 0);
    for (const sit of sits) {
      assert.ok('type' in sit && sit.type === 'sit');
      assert.deepEqual(SitMessage.parse(sit.payload), { buyIn: 100 });
    }
  });

  it('when a malformed message is drawn then its type is one the table knows and its schema refuses the payload', () => {
    const malformed = draw(new AbuseMix(100, seeded(4)), 10_000).filter((message) => message.kind === AbuseKind.malformed);
    assert.equal(malformed.length, ABUSE_WEIGHTS.malformed);
    for (const message of malformed) {
      assert.ok('type' in message);
      const schema = TABLE_SCHEMAS[String(message.type)];
      assert.ok(schema, `${String(message.type)} is a table message`);
      assert.equal(schema.safeParse(message.payload).success, false, JSON.stringify(message));
    }
    // Every variant comes up.
    assert.equal(new Set(malformed.map((message) => JSON.stringify(message))).size, MALFORMED.length);
  });

  it('when an unknown type is drawn then no table handles it', () => {
    for (const type of UNKNOWN_TYPES) assert.equal(TABLE_SCHEMAS[String(type)], undefined, String(type));
    const unknown = draw(new AbuseMix(100, seeded(5)), 1000).filter((message) => message.kind === AbuseKind.unknownType);
    assert.equal(new Set(unknown.map((message) => ('type' in message ? message.type : null))).size, UNKNOWN_TYPES.length);
  });

  it('when junk frames are made then each is 8 to 64 bytes and none starts with a Colyseus protocol code', () => {
    const random = seeded(6);
    for (let i = 0; i < 2000; i++) {
      const frame = junkFrame(random);
      assert.ok(frame.length >= 8 && frame.length <= 64, `${frame.length} bytes`);
      assert.equal(isProtocolFrame(frame), false, `first byte ${frame[0]}`);
    }
  });

  it('when the broken frame is read then it is room data for "sit" whose payload cannot be unpacked', () => {
    const frame = brokenFrame();
    assert.equal(isProtocolFrame(frame), true);
    assert.equal(frame[0], 13);
    const it = { offset: 1 };
    assert.equal(decode.stringCheck(frame, it), true);
    assert.equal(decode.string(frame, it), 'sit');
    assert.throws(() => unpack(frame.subarray(it.offset)));
  });
});
