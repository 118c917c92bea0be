import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import type { DeckState } from '../engine/deck.ts';
import { PersistenceError } from './types.ts';

/** A deck as a snapshot stores it: AES-256-GCM ciphertext, and which key sealed it. */
export type SealedDeck = {
  /** base64 of IV (12 bytes), ciphertext, tag (16 bytes). */
  sealed: string;
  /** The sealing key's id (`DeckCipher.keyId`), so a wrong key is told apart from a tampered deck. */
  key: string;
};

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The layout of the plaintext: this byte, then shuffle (0 or 1), next, and one byte per card. */
const ENCODING = 1;
const HEADER_BYTES = 3;
/** IVs drawn from the CSPRNG at once: one call for many seals instead of one each (a fifth of a seal's cost). */
const IVS_PER_DRAW = 256;
/** Table keys kept at once; beyond that the cache starts over (a derivation costs a few microseconds). */
const MAX_TABLE_KEYS = 10_000;

/**
 * Seals and opens the live hand's deck for snapshots, so that reading the
 * database does not tell anyone the next cards. Only the deck's bytes are
 * encrypted (a few dozen), not the state around them: a snapshot is written
 * up to ten times a hand.
 *
 * Each table seals under its own key, derived from the deck key (HKDF-SHA256,
 * the table id as info): a fresh random 12-byte IV per write stays far from the
 * number of messages one GCM key may take with random IVs however long a busy
 * cluster runs. The table id and the snapshot's version are the associated
 * data, so a sealed deck cannot be moved to another table or an older
 * snapshot without failing its check.
 */
export class DeckCipher {
  /** 8 hex characters naming the key (an HMAC of it, not the key): in each sealed deck, and in the error of a process with another key. */
  readonly keyId: string;
  private readonly key: Buffer;
  /** Each table's key as a `KeyObject`: a cipher made from a raw key imports it every time, which cost twice the whole seal. */
  private readonly tableKeys = new Map<string, KeyObject>();
  private ivs = Buffer.alloc(0);
  private ivAt = 0;

  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new Error(`A deck key is 32 bytes; this one is ${key.length}.`);
    this.key = Buffer.from(key);
    this.keyId = createHmac('sha256', this.key).update('felt deck key id').digest('hex').slice(0, 8);
  }

  seal(deck: DeckState, tableId: string, version: number): SealedDeck {
    const iv = this.nextIv();
    const cipher = createCipheriv(ALGORITHM, this.tableKey(tableId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(tableId, version));
    const body = Buffer.concat([iv, cipher.update(encodeDeck(deck, tableId)), cipher.final(), cipher.getAuthTag()]);
    return { sealed: body.toString('base64'), key: this.keyId };
  }

  /**
   * The deck sealed in the snapshot of `tableId` at `version`. Throws
   * `PersistenceError` `deck_key_mismatch` when another key sealed it, and
   * `deck_tampered` when it fails its check (altered, or taken from another
   * table or snapshot).
   */
  open(sealed: SealedDeck, tableId: string, version: number): DeckState {
    if (sealed.key !== this.keyId) {
      throw new PersistenceError('deck_key_mismatch', `The live deck in the snapshot of table ${tableId} was sealed with deck key ${sealed.key}, `
        + `but this process has deck key ${this.keyId}: give every process the same FELT_DECK_KEY (or the deck-key file of the process that wrote it).`);
    }
    const body = Buffer.from(sealed.sealed, 'base64');
    let plain: Buffer;
    try {
      if (body.length < IV_BYTES + HEADER_BYTES + TAG_BYTES) throw new Error('too short');
      const decipher = createDecipheriv(ALGORITHM, this.tableKey(tableId), body.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(tableId, version));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      plain = Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new PersistenceError('deck_tampered', `The live deck in the snapshot of table ${tableId} (version ${version}) fails its integrity check: `
        + 'it was altered, or copied from another table or snapshot. The table cannot resume that hand.');
    }
    return decodeDeck(plain, tableId);
  }

  /** A fresh random IV, never handed out twice. */
  private nextIv(): Buffer {
    if (this.ivAt + IV_BYTES > this.ivs.length) {
      this.ivs = randomBytes(IV_BYTES * IVS_PER_DRAW);
      this.ivAt = 0;
    }
    const iv = this.ivs.subarray(this.ivAt, this.ivAt + IV_BYTES);
    this.ivAt += IV_BYTES;
    return iv;
  }

  private tableKey(tableId: string): KeyObject {
    let key = this.tableKeys.get(tableId);
    if (!key) {
      if (this.tableKeys.size >= MAX_TABLE_KEYS) this.tableKeys.clear();
      key = createSecretKey(Buffer.from(hkdfSync('sha256', this.key, 'felt deck', tableId, 32)));
      this.tableKeys.set(tableId, key);
    }
    return key;
  }
}

function associatedData(tableId: string, version: number): Buffer {
  return Buffer.from(JSON.stringify([tableId, version]));
}

const isByte = (value: number): boolean => Number.isInteger(value) && value >= 0 && value <= 255;

function encodeDeck(deck: DeckState, tableId: string): Buffer {
  const { cards, next } = deck;
  if (!Array.isArray(cards) || cards.length > 255 || !isByte(next) || next > cards.length) {
    throw new PersistenceError('invalid_snapshot', `The deck of table ${tableId} is not a deck: ${cards?.length} cards, ${next} dealt.`);
  }
  const bytes = Buffer.allocUnsafe(HEADER_BYTES + cards.length);
  bytes[0] = ENCODING;
  bytes[1] = deck.shuffle ? 1 : 0;
  bytes[2] = next;
  for (let i = 0; i < cards.length; i++) {
    if (!isByte(cards[i])) throw new PersistenceError('invalid_snapshot', `The deck of table ${tableId} holds ${cards[i]}, which is not a card.`);
    bytes[HEADER_BYTES + i] = cards[i];
  }
  return bytes;
}

function decodeDeck(bytes: Buffer, tableId: string): DeckState {
  const cards = [...bytes.subarray(HEADER_BYTES)];
  if (bytes[0] !== ENCODING || bytes[1] > 1 || bytes[2] > cards.length) {
    throw new PersistenceError('snapshot_invalid', `The live deck in the snapshot of table ${tableId} opens to something that is not a deck (layout ${bytes[0]}).`);
  }
  return { cards, next: bytes[2], shuffle: bytes[1] === 1 };
}
