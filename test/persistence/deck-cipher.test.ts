import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { shuffledDeck, stackedDeck } from '../../src/engine/deck.ts';
import { DeckCipher } from '../../src/persistence/deck-cipher.ts';
import { PersistenceError } from '../../src/persistence/types.ts';

const isCode = (code: string) => (error: unknown) => error instanceof PersistenceError && error.code === code;

describe('persistence: DeckCipher', () => {
  it('when a deck is sealed and opened for the same table and version then it is the same deck', () => {
    const cipher = new DeckCipher(randomBytes(32));
    const deck = { cards: [51, 0, 17, 33, 4, 8], next: 2, shuffle: true };

    assert.deepEqual(cipher.open(cipher.seal(deck, 't1', 7), 't1', 7), deck);
    assert.deepEqual(cipher.open(cipher.seal(stackedDeck([]), 't1', 0), 't1', 0), stackedDeck([]));
    assert.deepEqual(cipher.open(cipher.seal(shuffledDeck(4), 't1', 1), 't1', 1), shuffledDeck(4));
  });

  it('when the same deck is sealed twice then the two differ (a fresh IV each time) and neither shows the cards', () => {
    const cipher = new DeckCipher(randomBytes(32));
    const deck = shuffledDeck();

    const [a, b] = [cipher.seal(deck, 't1', 7), cipher.seal(deck, 't1', 7)];

    assert.notEqual(a.sealed, b.sealed);
    assert.notEqual(Buffer.from(a.sealed, 'base64').subarray(0, 12).toString('hex'), Buffer.from(b.sealed, 'base64').subarray(0, 12).toString('hex'));
    for (const sealed of [a, b]) assert.ok(!Buffer.from(sealed.sealed, 'base64').includes(Buffer.from(deck.cards.slice(0, 8))));
  });

  it('when a sealed deck is opened for another table or another version then it is refused as tampered', () => {
    const cipher = new DeckCipher(randomBytes(32));
    const sealed = cipher.seal(shuffledDeck(), 't1', 7);

    assert.throws(() => cipher.open(sealed, 't2', 7), isCode('deck_tampered'));
    assert.throws(() => cipher.open(sealed, 't1', 8), isCode('deck_tampered'));
  });

  it('when any byte of a sealed deck is changed, or it is cut short, then it is refused as tampered', () => {
    const cipher = new DeckCipher(randomBytes(32));
    const bytes = Buffer.from(cipher.seal(shuffledDeck(), 't1', 7).sealed, 'base64');

    for (let i = 0; i < bytes.length; i++) {
      const changed = Buffer.from(bytes);
      changed[i] ^= 0x80;
      assert.throws(() => cipher.open({ sealed: changed.toString('base64'), key: cipher.keyId }, 't1', 7), isCode('deck_tampered'), `byte ${i}`);
    }
    assert.throws(() => cipher.open({ sealed: bytes.subarray(0, 20).toString('base64'), key: cipher.keyId }, 't1', 7), isCode('deck_tampered'));
  });

  it('when another key sealed the deck then it is refused as deck_key_mismatch, naming both keys by id', () => {
    const mine = new DeckCipher(randomBytes(32));
    const theirs = new DeckCipher(randomBytes(32));
    const sealed = theirs.seal(shuffledDeck(), 't1', 7);

    assert.throws(() => mine.open(sealed, 't1', 7), (error: unknown) =>
      isCode('deck_key_mismatch')(error) && (error as Error).message.includes(theirs.keyId) && (error as Error).message.includes(mine.keyId));
    // A forged key id does not help: the check still fails.
    assert.throws(() => mine.open({ ...sealed, key: mine.keyId }, 't1', 7), isCode('deck_tampered'));
  });

  it('when two ciphers have the same key then they have the same id and open each other\'s decks', () => {
    const key = randomBytes(32);
    const [a, b] = [new DeckCipher(key), new DeckCipher(Uint8Array.from(key))];

    assert.equal(a.keyId, b.keyId);
    assert.match(a.keyId, /^[0-9a-f]{8}$/);
    assert.deepEqual(b.open(a.seal(shuffledDeck(), 't1', 3), 't1', 3), shuffledDeck());
  });

  it('when a key is not 32 bytes, or a deck holds something that is not a card, then it is refused', () => {
    assert.throws(() => new DeckCipher(randomBytes(16)), /32 bytes/);
    const cipher = new DeckCipher(randomBytes(32));
    assert.throws(() => cipher.seal({ cards: [1, 2, 300], next: 0, shuffle: false }, 't1', 1), isCode('invalid_snapshot'));
    assert.throws(() => cipher.seal({ cards: [1, 2], next: 3, shuffle: false }, 't1', 1), isCode('invalid_snapshot'));
  });
});
