/**
 * One process of the two-process coordination test (`two-processes.test.ts`).
 * Usage: node test/jobs/run-slots.ts <databaseUrl> <processId> <markerFile> <slot>...
 *
 * Opens the database, registers a probe job that appends "<processId> <slot>"
 * to the marker file when it runs, and then, for each slot, says `ready`,
 * waits for a `go` line on stdin (so both processes ask at the same moment),
 * runs the scheduler's `runDue` for that slot and prints its outcome.
 */
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Scheduler } from '../../src/jobs/scheduler.ts';
import { createLogger } from '../../src/log.ts';
import { openDatabase } from '../../src/persistence/database.ts';

const [databaseUrl, processId, marker, ...slots] = process.argv.slice(2);
const db = await openDatabase({ databaseUrl });
const scheduler = new Scheduler({ db, processId, log: createLogger({ logLevel: 'silent', processId }) }).register({
  name: 'cluster-probe',
  cron: '* * * * *',
  run: async (ctx) => {
    appendFileSync(marker, `${processId} ${ctx.slot}\n`);
    return processId;
  },
});

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
for (const slot of slots) {
  process.stdout.write('ready\n');
  const { value } = await lines.next();
  if (value !== 'go') break;
  const outcomes = await scheduler.runDue(new Date(slot));
  process.stdout.write(`${JSON.stringify({ slot, status: outcomes.get('cluster-probe')?.status })}\n`);
}
await scheduler.stop();
await db.close();
process.exit(0);
