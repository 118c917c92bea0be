import assert from 'node:assert/strict';
import { matchMaker } from '@colyseus/core';
import type { Room } from '@colyseus/sdk';
import { BACKENDS } from '../persistence/databases.ts';
import { startFelt, type Felt } from '../support/felt.ts';

const HOUR = 3_600_000;
const ADMIN = { FELT_ADMIN_USERNAME: 'job_watcher', FELT_ADMIN_PASSWORD: 'password123', FELT_PROCESS_ID: 'felt-jobs-test' };

for (const backend of BACKENDS) {
  describe(`jobs: in the running server [${backend.label}]`, function () {
    this.timeout(60_000);
    let felt: Felt;
    let room: Room | null = null;

    before(async () => {
      felt = await startFelt(backend, ADMIN);
    });

    after(async () => {
      await room?.leave(true).catch(() => undefined);
      await felt.close();
    });

    async function adminGet(path: string): Promise<any> {
      const login = await fetch(`${felt.url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: ADMIN.FELT_ADMIN_USERNAME, password: ADMIN.FELT_ADMIN_PASSWORD }),
      });
      const { token } = (await login.json()) as { token: string };
      const answer = await fetch(`${felt.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(answer.status, 200, `${path} answered ${answer.status}`);
      return answer.json();
    }

    it('when the minute five past an hour comes then every job runs once, and the snapshot sees the live tables and a watcher', async () => {
      const tables = (await (await fetch(`${felt.url}/api/tables`)).json()) as { tableId: string }[];
      const watcher = await felt.guest('Watcher');
      room = await felt.client().joinById(tables[0].tableId, { token: watcher.token });
      for (let tries = 0; (await matchMaker.query({ roomId: tables[0].tableId }))[0]?.clients !== 1; tries++) {
        if (tries > 100) throw new Error('the watcher never showed in the listing');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Five past the previous hour: long gone, so the server's own cron cannot have taken this slot.
      const slot = new Date(Math.floor(Date.now() / HOUR) * HOUR - HOUR + 5 * 60_000);

      const outcomes = await felt.server.jobs.runDue(slot);
      const again = await felt.server.jobs.runDue(slot);

      assert.deepEqual([...outcomes.keys()].sort(), ['analytics-snapshot', 'cleanup', 'insights', 'template-hourly', 'tournament-templates']);
      for (const name of ['analytics-snapshot', 'cleanup', 'insights', 'template-hourly', 'tournament-templates']) assert.equal(outcomes.get(name)?.status, 'ok', `${name}: ${JSON.stringify(outcomes.get(name))}`);
      assert.deepEqual([...again.values()].map((outcome) => outcome.status), ['skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
      const runs = await adminGet(`/api/admin/jobs/runs?limit=200`);
      const ours = runs.items.filter((run: any) => run.slot === slot.toISOString());
      assert.deepEqual(ours.map((run: any) => run.jobName).sort(), ['analytics-snapshot', 'cleanup', 'insights', 'template-hourly', 'tournament-templates']);
      assert.ok(ours.every((run: any) => run.processId === 'felt-jobs-test'));
      const snapshots = await adminGet(`/api/admin/analytics/snapshots?from=${slot.toISOString()}&to=${new Date(slot.getTime() + 60_000).toISOString()}`);
      assert.deepEqual(snapshots.items, [{
        takenAt: slot.toISOString(), openTables: tables.length, seatedPlayers: 0, watchers: 1, hands: 0, rake: 0,
        tournamentEntries: 0, tournamentFees: 0, tournamentPrizes: 0, connections: { 'felt-jobs-test': 1 },
      }]);
    });
  });
}
