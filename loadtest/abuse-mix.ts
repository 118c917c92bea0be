import { encode } from '@colyseus/schema';

/**
 * What an abusive client sends (`--abuse`): mostly buy-ins its empty wallet
 * cannot pay — the refusal that cost a table two snapshots and a ledger
 * transaction each — and around them the junk a careless or hostile client
 * sends: message types no table knows, payloads that fail the table's
 * schemas, and frames that are not Colyseus messages at all.
 */
export const AbuseKind = {
  /** `sit {buyIn}` in the table's range, from a wallet holding nothing: refused `insufficient_funds` once the table has tried the ledger. */
  unaffordableSit: 'unaffordableSit',
  /** A message type the table has no handler for: `unknown_message`. */
  unknownType: 'unknownType',
  /** A known type with a payload its schema refuses: `bad_message`. */
  malformed: 'malformed',
  /** A frame whose first byte is no Colyseus protocol code: the server drops it without an answer. */
  junkFrame: 'junkFrame',
  /** A `ROOM_DATA` frame whose payload is cut short: Colyseus cannot unpack it and closes the connection (4002). */
  brokenFrame: 'brokenFrame',
} as const;
export type AbuseKind = (typeof AbuseKind)[keyof typeof AbuseKind];

/**
 * Shares out of 10,000 messages. Half are the costly refusal. One in ten
 * thousand is a frame that gets the client disconnected, so the abusers also
 * reconnect now and then on a server with no rate limit; rarely, because
 * Colyseus prints a stack trace for each such frame on the server's stderr.
 */
export const ABUSE_WEIGHTS: Readonly<Record<AbuseKind, number>> = {
  unaffordableSit: 5_000,
  unknownType: 2_000,
  malformed: 2_000,
  junkFrame: 999,
  brokenFrame: 1,
};

/** One message for the room (`room.send(type, payload)`) or one raw WebSocket frame. */
export type AbuseMessage =
  | { kind: AbuseKind; type: string | number; payload: unknown }
  | { kind: AbuseKind; frame: Uint8Array };

/**
 * Types no table handles. Numbers too: the SDK sends them, and the room's
 * catch-all answers them like unknown names.
 */
export const UNKNOWN_TYPES: readonly (string | number)[] = ['hello', 'cashOut', 'deal', 'admin', 'SIT', 'sit ', 'chat', 'x'.repeat(64), 7, 255];

/** Payloads for the table's own types that its schemas (`rooms/messages.ts`) refuse. */
export const MALFORMED: readonly { type: string; payload: unknown }[] = [
  { type: 'sit', payload: { buyIn: 'everything' } },
  { type: 'sit', payload: { buyIn: 100, seat: 42 } },
  { type: 'sit', payload: { buyIn: -100 } },
  { type: 'sit', payload: { buyIn: 100, admin: true } },
  { type: 'sit', payload: 'x'.repeat(512) },
  { type: 'act', payload: { action: 'win' } },
  { type: 'act', payload: { action: 'raise', amount: 1.5 } },
  { type: 'act', payload: [1, 2, 3] },
  { type: 'topUp', payload: { amount: '1e9' } },
  { type: 'draw', payload: { discard: ['Zz'] } },
  { type: 'waitlist', payload: { join: 'yes' } },
  { type: 'sitIn', payload: { now: true } },
];

/** Colyseus protocol codes (`@colyseus/shared-types`): 10–22, read from the low five bits of a frame's first byte. */
const PROTOCOL_CODES = { first: 10, last: 22, mask: 31, roomData: 13 } as const;

/** A frame of 8 to 64 random bytes whose first byte names no protocol code. */
export function junkFrame(random: () => number): Uint8Array {
  const frame = new Uint8Array(8 + Math.floor(random() * 57));
  for (let i = 0; i < frame.length; i++) frame[i] = Math.floor(random() * 256);
  // Codes 0–9 and 23–31 are unused; the three high bits are modifiers and change nothing.
  const unused = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 23, 24, 25, 26, 27, 28, 29, 30, 31];
  frame[0] = (frame[0] & ~PROTOCOL_CODES.mask) | unused[Math.floor(random() * unused.length)];
  return frame;
}

/** `ROOM_DATA` for `sit` with a payload cut short (an array of two holding one item): the server cannot unpack it. */
export function brokenFrame(): Uint8Array {
  const header = new Uint8Array(16);
  header[0] = PROTOCOL_CODES.roomData;
  const it = { offset: 1 };
  encode.string(header, 'sit', it);
  const frame = new Uint8Array(it.offset + 2);
  frame.set(header.subarray(0, it.offset));
  frame.set([0x92, 0x01], it.offset);
  return frame;
}

/** Whether a frame's first byte names a Colyseus protocol code. */
export function isProtocolFrame(frame: Uint8Array): boolean {
  const code = frame[0] & PROTOCOL_CODES.mask;
  return code >= PROTOCOL_CODES.first && code <= PROTOCOL_CODES.last;
}

/**
 * One abuser's stream of messages: the kinds in `ABUSE_WEIGHTS` interleaved
 * by smooth weighted round-robin, so every 10,000 messages hold exactly the
 * weights and the costly ones are spread out rather than bunched; each kind
 * cycles through its variants. `buyIn` is what the unaffordable sits ask:
 * an honest bot's buy-in (`standardBuyIn`), which an empty wallet cannot pay.
 */
export class AbuseMix {
  private readonly weights: Readonly<Record<AbuseKind, number>>;
  private readonly kinds: AbuseKind[];
  private readonly credit = new Map<AbuseKind, number>();
  private readonly variant = new Map<AbuseKind, number>();
  private readonly total: number;
  private readonly random: () => number;
  private readonly broken = brokenFrame();
  buyIn: number;

  /** `weights` replaces `ABUSE_WEIGHTS`, e.g. to have disconnects come sooner. */
  constructor(buyIn: number, random: () => number = Math.random, weights: Readonly<Record<AbuseKind, number>> = ABUSE_WEIGHTS) {
    this.buyIn = buyIn;
    this.random = random;
    this.weights = weights;
    this.kinds = (Object.keys(weights) as AbuseKind[]).filter((kind) => weights[kind] > 0);
    this.total = this.kinds.reduce((sum, kind) => sum + weights[kind], 0);
  }

  next(): AbuseMessage {
    let best = this.kinds[0];
    for (const kind of this.kinds) {
      this.credit.set(kind, (this.credit.get(kind) ?? 0) + this.weights[kind]);
      if ((this.credit.get(kind) as number) > (this.credit.get(best) as number)) best = kind;
    }
    this.credit.set(best, (this.credit.get(best) as number) - this.total);
    const n = this.variant.get(best) ?? 0;
    this.variant.set(best, n + 1);
    switch (best) {
      case AbuseKind.unaffordableSit:
        return { kind: best, type: 'sit', payload: { buyIn: this.buyIn } };
      case AbuseKind.unknownType:
        return { kind: best, type: UNKNOWN_TYPES[n % UNKNOWN_TYPES.length], payload: { n } };
      case AbuseKind.malformed: {
        const { type, payload } = MALFORMED[n % MALFORMED.length];
        return { kind: best, type, payload };
      }
      case AbuseKind.junkFrame:
        return { kind: best, frame: junkFrame(this.random) };
      case AbuseKind.brokenFrame:
        return { kind: best, frame: this.broken };
    }
  }
}
