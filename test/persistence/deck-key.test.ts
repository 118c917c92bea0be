import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DECK_KEY_FILE, deckKeyWarning, resolveDeckKey } from '../../src/persistence/deck-key.ts';
import { useTempDir } from '../support/temp-dir.ts';

describe('persistence: resolveDeckKey', () => {
  const tempDir = useTempDir('felt-deck-key-');

  it('when FELT_DECK_KEY is set then it is the key and nothing is written', async () => {
    const resolved = await resolveDeckKey({ deckKey: '0f'.repeat(32), dataDir: join(tempDir(), 'data') });

    assert.equal(Buffer.from(resolved.key).toString('hex'), '0f'.repeat(32));
    assert.equal(resolved.source, 'setting');
    await assert.rejects(stat(join(tempDir(), 'data')), { code: 'ENOENT' });
  });

  it('when no key is set then one is generated into the data dir, private, and read back on the next start', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');

    const first = await resolveDeckKey({ deckKey: undefined, dataDir });
    const second = await resolveDeckKey({ deckKey: undefined, dataDir });

    assert.equal(first.key.length, 32);
    assert.deepEqual(second.key, first.key);
    assert.deepEqual([first.source, first.path], ['file', join(dataDir, DECK_KEY_FILE)]);
    assert.equal((await readFile(join(dataDir, DECK_KEY_FILE), 'utf8')).trim(), Buffer.from(first.key).toString('hex'));
    assert.equal((await stat(join(dataDir, DECK_KEY_FILE))).mode & 0o777, 0o600);
  });

  it('when processes sharing a data dir start at once then they all get the same key', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => resolveDeckKey({ deckKey: undefined, dataDir: tempDir() })));

    for (const { key } of keys) assert.deepEqual(key, keys[0].key);
  });

  it('when the key file holds something that is not a key then start-up fails, saying what to do', async () => {
    await writeFile(join(tempDir(), DECK_KEY_FILE), 'not a key\n');

    await assert.rejects(resolveDeckKey({ deckKey: undefined, dataDir: tempDir() }), /not 64 hex characters; restore it from a backup or set FELT_DECK_KEY/);
  });

  it('when PostgreSQL is used with a generated key then a warning says to give every process FELT_DECK_KEY; otherwise none', async () => {
    const generated = await resolveDeckKey({ deckKey: undefined, dataDir: tempDir() });
    const configured = await resolveDeckKey({ deckKey: 'ab'.repeat(32), dataDir: tempDir() });

    assert.match(deckKeyWarning(generated, 'postgres://db/felt') ?? '', new RegExp(`FELT_DECK_KEY is not set.*${DECK_KEY_FILE}.*same value on every process`));
    assert.equal(deckKeyWarning(generated, undefined), null);
    assert.equal(deckKeyWarning(configured, 'postgres://db/felt'), null);
  });
});
