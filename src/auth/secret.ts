import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import { generatedSecret } from '../generated-secret.ts';

export const SECRET_FILE = 'jwt-secret';
const GENERATED_BYTES = 32;

/**
 * The key that signs tokens: `FELT_JWT_SECRET` when set; otherwise a random
 * secret generated once into `<dataDir>/jwt-secret` and read back on every
 * later start, so tokens survive restarts. Processes sharing a data dir agree
 * on one secret (the file is published atomically); processes on different
 * machines must be given `FELT_JWT_SECRET`.
 */
export async function resolveJwtSecret(config: Pick<Config, 'jwtSecret' | 'dataDir'>): Promise<Uint8Array> {
  if (config.jwtSecret) return new TextEncoder().encode(config.jwtSecret);
  const { path, text } = await generatedSecret(config.dataDir, SECRET_FILE, () => randomBytes(GENERATED_BYTES).toString('base64url'));
  if (!text) throw new Error(`The token secret in ${path} is empty; delete the file or set FELT_JWT_SECRET.`);
  return new TextEncoder().encode(text);
}
