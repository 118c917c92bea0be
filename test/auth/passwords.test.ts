import assert from 'node:assert/strict';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../src/auth/passwords.ts';

describe('auth: passwords', () => {
  it('when a password is hashed then the same password verifies and the encoding is scrypt$N$r$p$salt$hash', async () => {
    const encoded = await hashPassword('correct horse battery');

    assert.match(encoded, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.equal(await verifyPassword('correct horse battery', encoded), true);
  });

  it('when a different password is checked then it does not verify', async () => {
    const encoded = await hashPassword('correct horse battery');

    assert.equal(await verifyPassword('correct horse batterz', encoded), false);
    assert.equal(await verifyPassword('', encoded), false);
  });

  it('when the same password is hashed twice then the salts and hashes differ', async () => {
    const [first, second] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);

    assert.notEqual(first, second);
    assert.equal(await verifyPassword('same password', first), true);
    assert.equal(await verifyPassword('same password', second), true);
  });

  it('when a password has accents in either Unicode form then both forms verify', async () => {
    const composed = 'caf\u00e9-password';
    const decomposed = 'cafe\u0301-password';

    assert.equal(await verifyPassword(decomposed, await hashPassword(composed)), true);
  });

  it('when the stored cost differs from today\'s then the hash still verifies by its own parameters', async () => {
    const encoded = await hashPassword('rehash me');
    const [, , , , salt] = encoded.split('$');
    const { scryptSync } = await import('node:crypto');
    const cheap = ['scrypt', 1024, 8, 1, salt, scryptSync('rehash me', Buffer.from(salt, 'base64url'), 32, { N: 1024, r: 8, p: 1 }).toString('base64url')].join('$');

    assert.equal(await verifyPassword('rehash me', cheap), true);
    assert.equal(await verifyPassword('not me', cheap), false);
  });

  it('when the stored hash is malformed or asks for absurd costs then no password matches', async () => {
    const encoded = await hashPassword('password123');
    const parts = encoded.split('$');

    for (const bad of [
      '',
      'plain-text-password',
      `bcrypt$${parts.slice(1).join('$')}`,
      parts.slice(0, 5).join('$'),
      ['scrypt', 2 ** 24, ...parts.slice(2)].join('$'),
      ['scrypt', 1000, ...parts.slice(2)].join('$'),
      ['scrypt', parts[1], 0, ...parts.slice(3)].join('$'),
      [...parts.slice(0, 5), 'c2hvcnQ'].join('$'),
    ]) {
      assert.equal(await verifyPassword('password123', bad), false, bad);
    }
  });

  it('when an unknown user logs in then the dummy check takes part and answers false', async () => {
    assert.equal(await verifyAgainstDummy('felt-dummy-password'), false);
  });
});
