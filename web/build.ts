// Builds the web client into web/dist. `npm install` (postinstall) and
// `npm start` (prestart) run it with --if-stale, so the README's two commands
// serve fresh pages; it rebuilds only when a source or the lockfile changed.
//
//   node web/build.ts [--if-stale]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DIST_DIR, WEB_ROOT, feltViteConfig } from './vite-config.ts';

const STAMP = '.source-hash';
/** What the build reads besides node_modules: a change to any of these makes the build stale. */
const INPUTS = ['src', 'index.html', 'admin', 'vite-config.ts', 'build.ts', '../package-lock.json'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesUnder(join(path, name)));
}

/** A hash of every build input's path and contents. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of filesUnder(resolve(WEB_ROOT, input))) {
      hash.update(relative(WEB_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

export function isBuilt(): boolean {
  const stamp = join(DIST_DIR, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === sourceHash();
}

/**
 * Builds into a fresh folder and swaps it in, so a server reading web/dist
 * never sees half a build. Returns whether it built (false: already fresh).
 */
export async function buildWeb(options: { ifStale?: boolean } = {}): Promise<boolean> {
  if (options.ifStale && isBuilt()) return false;
  const hash = sourceHash();
  const { build } = await import('vite');
  const staging = `${DIST_DIR}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const config = feltViteConfig();
  await build({ ...config, build: { ...config.build, outDir: staging } });
  writeFileSync(join(staging, STAMP), hash);
  rmSync(DIST_DIR, { recursive: true, force: true });
  renameSync(staging, DIST_DIR);
  return true;
}

if (import.meta.main) {
  const started = performance.now();
  const built = await buildWeb({ ifStale: process.argv.includes('--if-stale') });
  console.log(built ? `web: built web/dist in ${Math.round(performance.now() - started)} ms` : 'web: web/dist is up to date');
}
