import assert from 'node:assert/strict';
import { Client } from '@colyseus/sdk';
import { describeCluster, useCluster } from '../support/cluster.ts';
import { sitAndGo } from '../persistence/tournament-definitions.ts';
import { waitFor } from '../support/felt.ts';
import { eventually, guest } from './helpers.ts';

async function register(url: string, tournamentId: string, token: string): Promise<number> {
  const response = await fetch(`${url}/api/tournaments/${tournamentId}/register`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  return response.status;
}

describeCluster('cluster: a killed process loses no tournament', function () {
  this.timeout(120_000);
  const env = useCluster(2, { env: { FELT_LEASE_MS: '1500' } });

  it('when the process running a tournament\'s actor is killed then a survivor takes it over from its snapshot, entries and all', async () => {
    const { cluster, db } = env;
    const record = await db.tournaments.create({ definition: sitAndGo({ name: 'Failover SNG', minEntrants: 3, maxEntrants: 3 }) });
    const owner = await eventually(async () => (await db.tournaments.get(record.id))?.ownerProcess, 10_000, 'a process to claim the tournament');
    const ownerIndex = cluster.nodes.findIndex((node) => node.processId === owner);
    const survivor = cluster.nodes[1 - ownerIndex];
    const ann = await guest(survivor.url, 'Ann');
    // Registered through the survivor's API: the command crosses to the owner's actor.
    assert.equal(await eventually(async () => ((await register(survivor.url, record.id, ann.token)) === 201 ? 201 : null), 10_000, 'the actor to take a registration'), 201);
    await eventually(async () => ((await db.tournaments.get(record.id))!.snapshotVersion ?? 0) > 0, 5_000, 'the snapshot with the entry');

    await cluster.kill(ownerIndex);
    await eventually(async () => (await db.tournaments.get(record.id))?.ownerProcess === survivor.processId, 15_000, 'the survivor to take the tournament over');
    const bob = await guest(survivor.url, 'Bob');
    assert.equal(await eventually(async () => ((await register(survivor.url, record.id, bob.token)) === 201 ? 201 : null), 10_000, 'the new actor to take a registration'), 201);
    const again = await fetch(`${survivor.url}/api/tournaments/${record.id}/register`, { method: 'POST', headers: { authorization: `Bearer ${ann.token}` } });
    const watcher = await new Client(survivor.url).joinById(record.id, {});
    const state = await waitFor(watcher, (s) => s.entrants === 2 && s);

    assert.equal(again.status, 409);
    assert.equal(((await again.json()) as { code: string }).code, 'already_registered');
    assert.deepEqual([state.status, state.entrants, state.prizePool], ['registering', 2, 200]);
    assert.deepEqual((await db.entries.list(record.id)).map((e) => e.playerId).sort(), [ann.id, bob.id].sort());
    assert.equal(await db.ledger.balance('tournament', record.id), 200);
    await watcher.leave();
  });
});
