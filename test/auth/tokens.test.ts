import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { AuthError } from '../../src/auth/errors.ts';
import { signToken, verifyToken } from '../../src/auth/tokens.ts';

const claims = { playerId: 'p-123', name: 'Ada', isAdmin: false };

function isBadToken(error: unknown): boolean {
  return error instanceof AuthError && error.code === 'bad_token' && error.message.length > 0;
}

describe('auth: tokens', () => {
  const secret = randomBytes(32);

  it('when a token is signed then verifying it gives back the same claims', async () => {
    const token = await signToken(claims, secret);

    assert.deepEqual(await verifyToken(token, secret), claims);
  });

  it('when an admin token is signed then isAdmin survives the round trip', async () => {
    const token = await signToken({ ...claims, isAdmin: true }, secret);

    assert.equal((await verifyToken(token, secret)).isAdmin, true);
  });

  it('when no expiry is given then the token lasts 7 days', async () => {
    const token = await signToken(claims, secret);
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

    assert.equal(payload.exp - payload.iat, 7 * 24 * 60 * 60);
    assert.equal(payload.sub, 'p-123');
  });

  it('when an expiry is given then the token is refused once it has passed', async () => {
    const issued = new Date('2030-01-01T00:00:00Z');
    const token = await signToken(claims, secret, { ttlSeconds: 3600, now: issued });

    assert.deepEqual(await verifyToken(token, secret, { now: new Date('2030-01-01T00:59:00Z') }), claims);
    await assert.rejects(verifyToken(token, secret, { now: new Date('2030-01-01T01:00:01Z') }), (error: unknown) => isBadToken(error) && /expired/.test((error as Error).message));
  });

  it('when a token has expired in real time then it is refused', async () => {
    const token = await signToken(claims, secret, { ttlSeconds: 60, now: new Date(Date.now() - 120_000) });

    await assert.rejects(verifyToken(token, secret), isBadToken);
  });

  it('when the payload is altered then the token is refused', async () => {
    const token = await signToken(claims, secret);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'p-123', name: 'Ada', adm: true, iss: 'felt', exp: 4_000_000_000 })).toString('base64url');

    await assert.rejects(verifyToken(`${header}.${forged}.${signature}`, secret), isBadToken);
  });

  it('when the token was signed with another secret then it is refused', async () => {
    const token = await signToken(claims, randomBytes(32));

    await assert.rejects(verifyToken(token, secret), isBadToken);
  });

  it('when the token is unsigned (alg none) or garbage then it is refused', async () => {
    const unsigned = new UnsecuredJWT({ name: 'Ada', adm: true }).setSubject('p-123').setIssuer('felt').setExpirationTime('1h').encode();

    await assert.rejects(verifyToken(unsigned, secret), isBadToken);
    await assert.rejects(verifyToken('', secret), isBadToken);
    await assert.rejects(verifyToken('a.b.c', secret), isBadToken);
  });

  it('when a correctly signed token lacks Felt\'s claims then it is refused', async () => {
    const noName = await new SignJWT({ adm: false }).setProtectedHeader({ alg: 'HS256' }).setSubject('p-1').setIssuer('felt').setExpirationTime('1h').sign(secret);
    const noExpiry = await new SignJWT({ name: 'x', adm: false }).setProtectedHeader({ alg: 'HS256' }).setSubject('p-1').setIssuer('felt').sign(secret);
    const otherIssuer = await new SignJWT({ name: 'x', adm: false }).setProtectedHeader({ alg: 'HS256' }).setSubject('p-1').setIssuer('elsewhere').setExpirationTime('1h').sign(secret);

    await assert.rejects(verifyToken(noName, secret), isBadToken);
    await assert.rejects(verifyToken(noExpiry, secret), isBadToken);
    await assert.rejects(verifyToken(otherIssuer, secret), isBadToken);
  });
});
