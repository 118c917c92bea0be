import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildWeb } from '../../web/build.ts';

/** Debian's Chromium (`.ci/run` installs it when it is missing). */
export const CHROMIUM = process.env.FELT_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Screenshots of every flow's key steps: test output, git-ignored. */
export const SHOTS_DIR = resolve(import.meta.dirname, '../../test-output/web');

export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;
}

/** Builds the pages when their sources changed since the last build, and starts Chromium. */
export async function openBrowser(): Promise<Browser> {
  await buildWeb({ ifStale: true });
  mkdirSync(SHOTS_DIR, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
}

/** Fails the test on any script error of the page, instead of leaving a blank page to time out on. */
export function failOnPageErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };
