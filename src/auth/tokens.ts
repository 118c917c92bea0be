import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AuthError } from './errors.ts';
import { DEFAULT_TOKEN_TTL_SECONDS } from './rules.ts';

/** Who a token speaks for. */
export type TokenClaims = { playerId: string; name: string; isAdmin: boolean };

const ISSUER = 'felt';
const ALGORITHM = 'HS256';

/**
 * Signs an HS256 JWT for a player: `sub` is the player id, `name` and `adm`
 * ride along so rooms can greet the player without a query. `now` is for tests.
 */
export async function signToken(
  claims: TokenClaims,
  secret: Uint8Array,
  options: { ttlSeconds?: number; now?: Date } = {},
): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ name: claims.name, adm: claims.isAdmin })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(claims.playerId)
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS))
    .sign(secret);
}

/**
 * The claims of a token this server signed and that has not expired; anything
 * else (tampered, expired, another secret, another algorithm, missing claims)
 * throws `AuthError('bad_token')`.
 */
export async function verifyToken(token: string, secret: Uint8Array, options: { now?: Date } = {}): Promise<TokenClaims> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, secret, {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      requiredClaims: ['sub', 'exp'],
      ...(options.now ? { currentDate: options.now } : {}),
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new AuthError('bad_token', 'Your token has expired; sign in again.');
    throw new AuthError('bad_token', 'Your token is not valid; sign in again.');
  }
  const { sub, name, adm } = payload;
  if (typeof sub !== 'string' || sub === '' || typeof name !== 'string' || typeof adm !== 'boolean') {
    throw new AuthError('bad_token', 'Your token is not valid; sign in again.');
  }
  return { playerId: sub, name, isAdmin: adm };
}
