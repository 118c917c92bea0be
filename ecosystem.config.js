// PM2 runs a Felt cluster: `npm run cluster` (pm2-runtime, in the foreground)
// or `npx pm2 start ecosystem.config.js` (as a daemon).
//
// N processes (FELT_PROCESSES, default one per core) in fork mode, each on
// its own port (PORT, PORT+1, …) with its own FELT_PROCESS_ID and
// FELT_PUBLIC_ADDRESS, so a seat reservation made by any process sends the
// client to the one that hosts the table. PM2's cluster mode (one shared
// port) is not used: a room lives in one process, and clients must reach it.
// They share DATABASE_URL, REDIS_URL, FELT_JWT_SECRET and FELT_DECK_KEY, which
// are required: a process with another deck key could not resume the live
// hands of the tables it takes over.
//
// PM2 waits for each process to be ready (GET /api/ready: its tables open,
// its database and Redis answering; it sends process.send('ready') then), not
// only listening, before it counts it as online — so `pm2 reload` restarts the
// next process only once the one before has its tables back.
import { availableParallelism, hostname } from 'node:os';
import { join } from 'node:path';

const root = import.meta.dirname;
const env = process.env;

const missing = [
  ['DATABASE_URL', 'the PostgreSQL database every process shares, like postgres://felt@db:5432/felt'],
  ['REDIS_URL', 'the Redis the processes meet through, like redis://cache:6379'],
  ['FELT_JWT_SECRET', 'the token secret every process shares (at least 32 characters)'],
  ['FELT_DECK_KEY', 'the key of the live decks in snapshots, which every process shares (64 hex characters: openssl rand -hex 32)'],
].filter(([name]) => !env[name]?.trim());
if (missing.length > 0) {
  const lines = missing.map(([name, what]) => `  - ${name}: ${what}`);
  throw new Error(`Felt cannot start as a cluster: set these and start again:\n${lines.join('\n')}`);
}

function whole(name, fallback, min) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`Felt cannot start as a cluster: ${name} must be a whole number of at least ${min} (got ${JSON.stringify(raw)}).`);
  return value;
}

const processes = whole('FELT_PROCESSES', availableParallelism(), 1);
const basePort = whole('PORT', 2567, 1);
// The host clients reach these processes by; each adds its own port.
const publicHost = env.FELT_PUBLIC_HOST?.trim() || '127.0.0.1';
const drainMs = whole('FELT_DRAIN_MS', 30_000, 0);
const leaseMs = whole('FELT_LEASE_MS', 3_000, 500);
const name = env.FELT_CLUSTER_NAME?.trim() || 'felt';

// Named as well as default: PM2 loads this file with require(), which sees the module's exports.
export const apps = Array.from({ length: processes }, (_, i) => ({
  name: `${name}-${i}`,
  cwd: root,
  script: 'src/main.ts',
  // Node 24 from the `node` package (type stripping runs the TypeScript), not the machine's node.
  interpreter: join(root, 'node_modules/.bin/node'),
  exec_mode: 'fork',
  instances: 1,
  autorestart: true,
  // A graceful stop lets hands finish (FELT_DRAIN_MS) before PM2 may kill the process.
  kill_timeout: drainMs + 15_000,
  // Online once ready, not once listening. After a crash a killed process's leases hold its tables for up
  // to FELT_LEASE_MS before they can be claimed, then their rooms open; past this PM2 counts it online anyway.
  wait_ready: true,
  listen_timeout: 2 * leaseMs + 60_000,
  env: {
    ...env,
    PORT: String(basePort + i),
    FELT_PROCESS_ID: `${hostname()}-${name}-${i}`,
    FELT_PUBLIC_ADDRESS: `${publicHost}:${basePort + i}`,
    FELT_DRAIN_MS: String(drainMs),
  },
}));

export default { apps };
