// The server process a load test spawns (`loadtest/server-process.ts`): Felt on
// its settings, on a fresh database that gets one template of
// `FELT_LOADTEST_TABLES` six-max NL tables (and nothing else), with the pause
// between hands set by `FELT_LOADTEST_PAUSE_MS`. SIGTERM stops it gracefully.
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server.ts';
import { openDatabase } from '../src/persistence/database.ts';
import { DEFAULT_TEMPLATES } from '../src/tables/default-templates.ts';

/** The template every load-test table is opened from: the default NL 1/2 six-max. */
export const LOADTEST_TEMPLATE = { ...DEFAULT_TEMPLATES[0], name: "Loadtest NL Hold'em 1/2 6-max" };

const config = loadConfig();
const tables = Number(process.env.FELT_LOADTEST_TABLES ?? 0);
const pauseMs = process.env.FELT_LOADTEST_PAUSE_MS ? Number(process.env.FELT_LOADTEST_PAUSE_MS) : undefined;

// The server seeds `minTables` open tables for each template, and the default
// templates only into an empty database: one template here gives exactly `tables` tables.
if (tables > 0) {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if ((await db.templates.list()).length === 0) await db.templates.create({ ...LOADTEST_TEMPLATE, minTables: tables });
  await db.close();
}

const server = await startServer({ ...config, tableTimings: pauseMs === undefined ? {} : { pauseMs } });
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  server.close().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
