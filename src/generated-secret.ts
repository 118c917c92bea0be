import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The text of `<dataDir>/<file>` (trimmed; '' when the file is empty),
 * written first from `generate()` when there is no such file, so that a
 * secret generated on the first start is read back on every later one.
 * Processes sharing a data dir agree on one text: it is written in full to a
 * private file, then linked into place, so a second process either wins the
 * link or reads the whole text, never half of it.
 */
export async function generatedSecret(dataDir: string, file: string, generate: () => string): Promise<{ path: string; text: string }> {
  const path = join(dataDir, file);
  const existing = await readText(path);
  if (existing) return { path, text: existing };

  await mkdir(dataDir, { recursive: true });
  const draft = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(draft, `${generate()}\n`, { mode: 0o600 });
  try {
    await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft).catch(() => {});
  }
  return { path, text: (await readText(path)) ?? '' };
}

async function readText(path: string): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
