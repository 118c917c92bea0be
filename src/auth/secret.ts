import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.ts';

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
  const path = join(config.dataDir, SECRET_FILE);
  const existing = await readSecret(path);
  if (existing) return existing;

  await mkdir(config.dataDir, { recursive: true });
  // Written in full to a private file, then linked into place: a second
  // process either wins the link or reads the whole secret, never half of it.
  const draft = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(draft, `${randomBytes(GENERATED_BYTES).toString('base64url')}\n`, { mode: 0o600 });
  try {
    await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft).catch(() => {});
  }
  const written = await readSecret(path);
  if (!written) throw new Error(`The token secret in ${path} is empty; delete the file or set FELT_JWT_SECRET.`);
  return written;
}

async function readSecret(path: string): Promise<Uint8Array | null> {
  try {
    const text = (await readFile(path, 'utf8')).trim();
    return text ? new TextEncoder().encode(text) : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
