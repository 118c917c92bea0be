import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Inside a `describe`: a new folder under the system's temporary folder for
 * each test (named `<prefix>…`), removed with everything in it after the
 * test. Call the returned function in a test to get its path.
 */
export function useTempDir(prefix: string): () => string {
  let dir: string | null = null;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });
  return () => {
    if (!dir) throw new Error('useTempDir: the folder exists only while a test runs');
    return dir;
  };
}
