// `npm start`: Felt on its settings (embedded PGlite and local presence unless
// DATABASE_URL / REDIS_URL say otherwise). SIGINT/SIGTERM stop it gracefully:
// no table is lost, hands resume on the next start.
import { loadConfig } from './config.ts';
import { startServer } from './server.ts';

const config = loadConfig();
const server = await startServer(config);
// Under PM2 with `wait_ready` (ecosystem.config.js), the process counts as started once it is ready, not when it listens.
void server.whenReady().then((ready) => {
  if (ready) process.send?.('ready');
});

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`Felt: ${signal} received, stopping gracefully`);
  server.close().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
