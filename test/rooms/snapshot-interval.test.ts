import assert from 'node:assert/strict';
import { BACKENDS } from '../persistence/databases.ts';
import { startFelt, waitFor, waitForDurable } from '../support/felt.ts';
import { startAHand } from '../support/hand-in-play.ts';

const SNAPSHOT_MS = 1_500;

async function snapshotBacklog(url: string): Promise<number> {
  const health = (await (await fetch(`${url}/api/health`)).json()) as { snapshotBacklog: number };
  return health.snapshotBacklog;
}

for (const backend of BACKENDS) {
  describe(`snapshot interval [${backend.label}]`, function () {
    this.timeout(60_000);

    it('when FELT_SNAPSHOT_MS is 1500 then an action waits that long for its snapshot, which then holds it', async () => {
      const felt = await startFelt(backend, { FELT_SNAPSHOT_MS: String(SNAPSHOT_MS) });
      try {
        const tableId = await felt.openTable();
        const { players } = await startAHand(felt.url, tableId);
        await waitForDurable(felt.url);
        const written = await felt.server.db.snapshots.load(tableId);
        // The big blind checks: the flop comes, and the table changes once more.
        const room = players[0].room;
        const actor = room.state.toAct as number;
        const acting = players.find((p) => room.state.seats.get(String(actor))?.playerId === p.id);
        assert.ok(acting, 'somebody is to act');
        const sentAt = Date.now();
        acting.room.send('act', { action: 'check' });
        await waitFor(room, (state) => state.phase === 'flop');

        assert.ok(await snapshotBacklog(felt.url) > 0, 'the check is not written yet');
        await waitForDurable(felt.url, 5_000);
        const waited = Date.now() - sentAt;
        assert.ok(waited >= SNAPSHOT_MS - 300, `the check was written ${waited} ms after it was sent, before the interval`);
        const now = await felt.server.db.snapshots.load(tableId);
        assert.ok(now && written && now.version > written.version, 'the snapshot moved on');
        assert.equal((now.state as { hand: { boards: number[][] } }).hand.boards[0].length, 3, 'the snapshot holds the flop');
        for (const p of players) await p.room.leave(true);
      } finally {
        await felt.close();
      }
    });
  });
}
