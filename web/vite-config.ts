// The one Vite configuration of the web client, used by the build (`build.ts`)
// and the development server (`dev.ts`): two pages, the play client (`/`) and
// the admin dashboard (`/admin/`), built into `web/dist`.
import { resolve } from 'node:path';
import type { InlineConfig } from 'vite';

export const WEB_ROOT = import.meta.dirname;
export const DIST_DIR = resolve(WEB_ROOT, 'dist');

export function feltViteConfig(overrides: InlineConfig = {}): InlineConfig {
  return {
    configFile: false,
    root: WEB_ROOT,
    base: '/',
    publicDir: false,
    logLevel: 'warn',
    // Preact's automatic JSX runtime through Vite's own transformer: no Babel plugin to install.
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: DIST_DIR,
      emptyOutDir: true,
      manifest: true,
      target: 'es2022',
      sourcemap: false,
      rolldownOptions: {
        input: {
          play: resolve(WEB_ROOT, 'index.html'),
          admin: resolve(WEB_ROOT, 'admin/index.html'),
        },
      },
    },
    ...overrides,
  };
}
