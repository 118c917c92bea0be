import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveJwtSecret } from '../../src/auth/secret.ts';
import { useTempDir } from '../support/temp-dir.ts';

describe('auth: resolveJwtSecret', () => {
  const tempDir = useTempDir('felt-secret-');

  it('when FELT_JWT_SECRET is set then it is the secret and nothing is written', async () => {
    const secret = await resolveJwtSecret({ jwtSecret: 'a-configured-secret-of-32-chars!!', dataDir: join(tempDir(), 'data') });

    assert.equal(Buffer.from(secret).toString('utf8'), 'a-configured-secret-of-32-chars!!');
    await assert.rejects(stat(join(tempDir(), 'data')), { code: 'ENOENT' });
  });

  it('when no secret is set then one is generated into the data dir, private, and reused on the next start', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');

    const first = await resolveJwtSecret({ jwtSecret: undefined, dataDir });
    const second = await resolveJwtSecret({ jwtSecret: undefined, dataDir });

    assert.ok(first.length >= 32);
    assert.deepEqual(Buffer.from(second), Buffer.from(first));
    assert.equal((await readFile(join(dataDir, 'jwt-secret'), 'utf8')).trim(), Buffer.from(first).toString('utf8'));
    assert.equal((await stat(join(dataDir, 'jwt-secret'))).mode & 0o777, 0o600);
  });

  it('when two data dirs are used then their generated secrets differ', async () => {
    const a = await resolveJwtSecret({ jwtSecret: undefined, dataDir: join(tempDir(), 'a') });
    const b = await resolveJwtSecret({ jwtSecret: undefined, dataDir: join(tempDir(), 'b') });

    assert.notDeepEqual(Buffer.from(a), Buffer.from(b));
  });

  it('when many processes start together on one data dir then they all agree on one secret', async () => {
    const dataDir = join(tempDir(), 'shared');

    const secrets = await Promise.all(Array.from({ length: 8 }, () => resolveJwtSecret({ jwtSecret: undefined, dataDir })));

    assert.equal(new Set(secrets.map((secret) => Buffer.from(secret).toString('hex'))).size, 1);
  });

  it('when the secret file already exists then its content is used as written', async () => {
    await writeFile(join(tempDir(), 'jwt-secret'), 'operator-provided-secret-value\n');

    const secret = await resolveJwtSecret({ jwtSecret: undefined, dataDir: tempDir() });

    assert.equal(Buffer.from(secret).toString('utf8'), 'operator-provided-secret-value');
  });
});
