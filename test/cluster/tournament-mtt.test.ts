import assert from 'node:assert/strict';
import { runTournamentLoad } from '../../loadtest/tournament-load.ts';
import { tournamentDetail } from '../../loadtest/admin-api.ts';
import { describeCluster, useCluster } from '../support/cluster.ts';
import { eventually } from './helpers.ts';

const ADMIN = { username: 'director', password: 'director-password-1' };
const ENTRANTS = 30;

// Not in CI yet: 1 run in 4 finished with wallets that did not match the places paid (issue 14 stays open on it).
// Run it with FELT_TOURNAMENT_KILL_TEST=1 and DATABASE_URL / REDIS_URL set.
const describeKillTest = process.env.FELT_TOURNAMENT_KILL_TEST === '1'
  ? describeCluster
  : (title: string, suite: (this: Mocha.Suite) => void): void => void describe.skip(`${title} (skipped: set FELT_TOURNAMENT_KILL_TEST=1; it is not reliable yet)`, suite);

describeKillTest('cluster: a multi-table tournament survives kill -9 of its processes', function () {
  this.timeout(300_000);
  // Bots at think time 0 act faster than people: the message budget is raised as in the sit-and-go test.
  const env = useCluster(2, { env: { FELT_LEASE_MS: '1500', FELT_ADMIN_USERNAME: ADMIN.username, FELT_ADMIN_PASSWORD: ADMIN.password, FELT_MESSAGE_RATE: '100' } });

  it('when the tournament\'s process is killed mid-level and then a table\'s process mid-hand then survivors and replacements carry the 30-entrant MTT to a winner with chips and prizes balanced', async () => {
    const { cluster, db } = env;
    const kills: { what: string; processId: string; tookOverBy: string }[] = [];
    const indexOf = (processId: string | null | undefined): number => cluster.nodes.findIndex((node) => node.processId === processId);
    const report = await runTournamentLoad({
      kind: 'mtt', entrants: ENTRANTS, tableSize: 9, thinkMs: 0, levelSeconds: 6,
      url: cluster.nodes[0].url, spawn: false, admin: ADMIN, timeoutS: 240,
      async during({ tournamentId, useServer }) {
        const ownerOf = async () => (await db.tournaments.get(tournamentId))?.ownerProcess ?? null;
        // Mid-level: hands have been played (stacks moved) and the first level is still running.
        await eventually(async () => {
          const detail = await tournamentDetail(cluster.nodes[0].url, tournamentId).catch(() => null);
          return detail?.status === 'running' && detail.level.number === 1 && detail.standings.some((line: { stack: number | null }) => line.stack !== null && line.stack !== 1500);
        }, 30_000, 'hands to be played in the first level');
        const owner = indexOf(await ownerOf());
        assert.ok(owner >= 0, 'a process of the cluster runs the tournament');
        const survivor = 1 - owner;
        useServer(cluster.nodes[survivor].url);
        const killed = cluster.nodes[owner].processId;
        await cluster.kill(owner);
        await eventually(async () => (await ownerOf()) === cluster.nodes[survivor].processId, 20_000, 'the survivor to take the tournament over');
        kills.push({ what: 'tournament', processId: killed, tookOverBy: cluster.nodes[survivor].processId });
        await cluster.replace(owner);

        // A table with a hand in play, on the process that does not run the tournament when there is one.
        const live = await eventually(async () => {
          const tournamentOwner = await ownerOf();
          const tables = (await db.tables.listForTournament(tournamentId)).filter((t) => t.ownerProcess);
          const playing = [];
          for (const table of tables) {
            const state = (await db.snapshots.load(table.id))?.state as { handNumber?: number; hand?: unknown } | undefined;
            if ((state?.handNumber ?? 0) >= 1 && state?.hand) playing.push(table);
          }
          return playing.find((t) => t.ownerProcess !== tournamentOwner) ?? playing[0] ?? null;
        }, 30_000, 'a table with a hand in play');
        const host = indexOf(live.ownerProcess);
        assert.ok(host >= 0, 'a process of the cluster hosts the table');
        const other = 1 - host;
        useServer(cluster.nodes[other].url);
        const hostId = cluster.nodes[host].processId;
        await cluster.kill(host);
        await eventually(async () => {
          const table = (await db.tables.listForTournament(tournamentId)).find((t) => t.id === live.id);
          return !table || (table.ownerProcess !== null && table.ownerProcess !== hostId);
        }, 20_000, 'the table to be taken over');
        kills.push({ what: `table ${live.id}`, processId: hostId, tookOverBy: cluster.nodes[other].processId });
        await cluster.replace(host);
      },
    });

    console.log(`      ${JSON.stringify({ kills, durationS: report.durationS, hands: report.hands, moves: report.moves, rejoins: report.rejoins, largestSpread: report.largestSpread, spreadSamples: report.spreadSamples, anyTime: report.largestSpreadAnyTime, balance: report.balance, errors: report.errors })}`);
    assert.equal(kills.length, 2, 'both processes were killed');
    assert.equal(report.status, 'finished', JSON.stringify(report));
    assert.ok(report.balance.placesDistinct, 'places 1 to 30, each once');
    assert.equal(report.balance.prizePool, ENTRANTS * 100);
    assert.equal(report.balance.prizesPaid, report.balance.prizePool, 'the whole pool is paid');
    assert.ok(report.balance.walletsBalance, 'each wallet moved by its prize less buy-in and fee');
    assert.equal(report.balance.chipSamplesEqual, report.balance.chipSamples, 'the chips in play never changed');
    assert.ok(report.tablesOpened >= 4, 'four tables were dealt');
    assert.ok(report.moves >= 1, 'players were moved between tables');
    assert.ok(report.rejoins >= 1, 'bots joined their rooms again after the kills');
    assert.ok(report.largestSpread <= 1, `tables stayed within one player after balancing (largest spread ${report.largestSpread})`);
  });
});
