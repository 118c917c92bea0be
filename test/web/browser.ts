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

/** Collects the page's script errors and console errors, for the test to assert there were none. */
export function failOnPageErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A refused request is logged as "Failed to load resource"; the tests make some on purpose and check the page's answer.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
}

/** Collects every request the page makes to another origin than `origin` (the tests assert there are none). */
export function collectForeignRequests(page: Page, origin: string, foreign: string[]): void {
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url) && !url.startsWith(origin.replace(/^http/, 'ws'))) foreign.push(url);
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };
