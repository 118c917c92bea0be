// Web figures for `npm run bench` (or `npm run bench:web` alone): the gzipped
// JavaScript of the play client and of the dashboard, against their budgets
// (150 KB and 250 KB), and how long the table page takes to apply a patch,
// measured in Chromium with the Performance API (`felt.patch` measures: from
// the patch's first byte decoded to the DOM showing it) while bots play.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { freePort } from '../loadtest/free-port.ts';
import { LoadSession } from '../loadtest/session.ts';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server.ts';
import { buildWeb } from '../web/build.ts';
import { DIST_DIR } from '../web/vite-config.ts';
import type { ServerFigure } from './server.ts';

const CHROMIUM = process.env.FELT_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BUDGET_KB = { play: 150, admin: 250 };
const PATCH_BUDGET_MS = 4;
/** How long the watching page is measured, after the first hands. */
const MEASURE_MS = 30_000;
const BOTS = 5;
const THINK_MS = 50;

type ManifestChunk = { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean };

/** Every script a page may load: its entry, what it imports, and what those load later. */
function scriptsOf(manifest: Record<string, ManifestChunk>, entry: string): string[] {
  const files = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit(entry);
  return [...files].filter((file) => file.endsWith('.js'));
}

export async function benchBundles(): Promise<ServerFigure[]> {
  await buildWeb({ ifStale: true });
  const manifest = JSON.parse(readFileSync(join(DIST_DIR, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  return (['play', 'admin'] as const).map((page) => {
    const scripts = scriptsOf(manifest, page === 'play' ? 'index.html' : 'admin/index.html');
    const bytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST_DIR, file))).length, 0);
    const kb = Math.round((bytes / 1024) * 10) / 10;
    return { name: `web.${page}_js_gzip_kb`, value: kb, unit: 'KB', budgetKb: BUDGET_KB[page], withinBudget: kb <= BUDGET_KB[page], scripts: scripts.length };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function benchPatchApply(): Promise<ServerFigure> {
  const name = 'web.patch_apply_p99_ms';
  try {
    readFileSync(CHROMIUM);
  } catch {
    return { name, value: null, unit: 'ms', reason: `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` };
  }
  await buildWeb({ ifStale: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'felt-bench-web-'));
  const config = loadConfig({ PORT: String(await freePort()), FELT_DATA_DIR: dataDir, FELT_LOG_LEVEL: 'silent', FELT_AUTH_RATE_LIMIT: '100000' });
  // A short pause between hands: more hands, so more patches, in the same time.
  const server = await startServer({ ...config, tableTimings: { pauseMs: 500 }, runJobsOnSchedule: false });
  const url = `http://127.0.0.1:${config.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let session: LoadSession | null = null;
  try {
    const tables = (await (await fetch(`${url}/api/tables`)).json()) as { tableId: string; name: string; maxSeats: number }[];
    const table = tables.find((t) => t.maxSeats === 6 && t.name.startsWith("NL Hold'em")) ?? tables[0];
    session = await LoadSession.open({ url, thinkMs: THINK_MS, tableIds: [table.tableId] });
    await session.addBots(BOTS);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.getByLabel('Your name (optional)').fill('Bench');
    await page.getByRole('button', { name: 'Play as guest' }).click();
    await page.getByRole('list', { name: 'Tables' }).getByRole('listitem').first().waitFor();
    await page.goto(`${url}/table/${encodeURIComponent(table.tableId)}`);
    await page.getByRole('region', { name: 'Table' }).waitFor();
    // Every measure from now on, through an observer: the page drops old measures from its buffer now and then.
    await page.evaluate(() => {
      const g = globalThis as unknown as { feltPatches: number[]; PerformanceObserver: new (cb: (list: { getEntries(): { name: string; duration: number }[] }) => void) => { observe(o: object): void } };
      g.feltPatches = [];
      new g.PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.name === 'felt.patch') g.feltPatches.push(entry.duration);
      }).observe({ type: 'measure' });
    });
    const started = session.stats.handsPlayed();
    await new Promise((resolve) => setTimeout(resolve, MEASURE_MS));
    const durations = await page.evaluate(() => (globalThis as unknown as { feltPatches: number[] }).feltPatches);
    const sorted = [...durations].sort((a, b) => a - b);
    if (sorted.length === 0) return { name, value: null, unit: 'ms', reason: 'the page applied no patch' };
    const round = (ms: number): number => Math.round(ms * 100) / 100;
    return {
      name, value: round(percentile(sorted, 99)), unit: 'ms', budgetMs: PATCH_BUDGET_MS, withinBudget: percentile(sorted, 99) < PATCH_BUDGET_MS,
      p50Ms: round(percentile(sorted, 50)), maxMs: round(sorted[sorted.length - 1]), patches: sorted.length,
      hands: session.stats.handsPlayed() - started, bots: BOTS, seconds: MEASURE_MS / 1000,
      // The page's time is wall time: on a busy machine the renderer waits for a core, and the tail grows.
      loadAverage: Math.round(loadavg()[0] * 10) / 10,
    };
  } finally {
    await session?.close();
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchWeb(): Promise<ServerFigure[]> {
  return [...(await benchBundles()), await benchPatchApply()];
}

if (import.meta.main) {
  for (const figure of await benchWeb()) console.log(JSON.stringify(figure));
  process.exit(0);
}
