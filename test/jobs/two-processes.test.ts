import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase } from '../../src/persistence/database.ts';
import { BACKENDS } from '../persistence/databases.ts';

const SCRIPT = resolve(import.meta.dirname, 'run-slots.ts');
const postgresql = BACKENDS.find((backend) => backend.label === 'postgresql');
const describeWithPostgres = postgresql ? describe : describe.skip;
const title = 'jobs: once per cluster with two real processes';

/** A child process and its stdout read line by line. */
function start(args: string[]): { child: ChildProcessWithoutNullStreams; next(): Promise<string> } {
  const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => { errors += chunk; });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    async next() {
      const { value, done } = await lines.next();
      if (done) throw new Error(`the child exited early: ${errors}`);
      return value;
    },
  };
}

describeWithPostgres(postgresql ? title : `${title} (skipped: DATABASE_URL is unset; two processes need one PostgreSQL database)`, () => {
  it('when two processes run the scheduler for the same slots at the same moment then each slot runs once, in one of them', async function () {
    this.timeout(60_000);
    const fresh = await postgresql!.create();
    const folder = mkdtempSync(join(tmpdir(), 'felt-jobs-'));
    const marker = join(folder, 'runs.txt');
    // Migrate once here, so the children only connect.
    const db = await openDatabase(fresh.options);
    const slots = ['2026-12-01T00:00:00.000Z', '2026-12-01T00:01:00.000Z', '2026-12-01T00:02:00.000Z'];
    const children = ['proc-one', 'proc-two'].map((processId) => start([fresh.options.databaseUrl as string, processId, marker, ...slots]));
    try {
      const outcomes: { slot: string; status: string }[] = [];
      for (let i = 0; i < slots.length; i++) {
        assert.deepEqual(await Promise.all(children.map((child) => child.next())), ['ready', 'ready']);
        for (const { child } of children) child.stdin.write('go\n');
        outcomes.push(...(await Promise.all(children.map(async (child) => JSON.parse(await child.next())))));
      }
      await Promise.all(children.map(({ child }) => new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)))));

      const executions = existsSync(marker) ? readFileSync(marker, 'utf8').trim().split('\n') : [];
      const { items, total } = await db.jobRuns.list({ jobName: 'cluster-probe', limit: 10, offset: 0 });
      assert.equal(total, slots.length);
      assert.deepEqual(executions.map((line) => line.split(' ')[1]).sort(), slots);
      for (const slot of slots) {
        const statuses = outcomes.filter((outcome) => outcome.slot === slot).map((outcome) => outcome.status).sort();
        assert.deepEqual(statuses, ['ok', 'skipped'], `slot ${slot}`);
        const run = items.find((item) => item.slot === slot);
        assert.equal(run?.status, 'ok');
        assert.ok(executions.includes(`${run?.processId} ${slot}`), `the row names the process that ran ${slot}`);
      }
    } finally {
      for (const { child } of children) if (child.exitCode === null) child.kill('SIGKILL');
      await db.close();
      await fresh.drop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
