import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedSecret } from '../src/generated-secret.ts';
import { useTempDir } from './support/temp-dir.ts';

describe('generatedSecret', () => {
  const tempDir = useTempDir('felt-generated-secret-');

  it('when the file is missing then the generated text is written once, read back later, and no draft is left', async () => {
    const dataDir = join(tempDir(), 'nested');
    let generated = 0;
    const generate = (): string => `text-${++generated}`;

    const first = await generatedSecret(dataDir, 'a-secret', generate);
    const second = await generatedSecret(dataDir, 'a-secret', generate);

    assert.deepEqual(first, { path: join(dataDir, 'a-secret'), text: 'text-1' });
    assert.deepEqual(second, first);
    assert.equal(generated, 1);
    assert.equal(await readFile(join(dataDir, 'a-secret'), 'utf8'), 'text-1\n');
    assert.deepEqual(await readdir(dataDir), ['a-secret']);
  });

  it('when the file exists but is empty then it is left as it is and the text is empty', async () => {
    await writeFile(join(tempDir(), 'a-secret'), '\n');

    const result = await generatedSecret(tempDir(), 'a-secret', () => 'never-written');

    assert.equal(result.text, '');
    assert.equal(await readFile(join(tempDir(), 'a-secret'), 'utf8'), '\n');
  });
});
