import assert from 'node:assert/strict';
import { runTournamentLoad } from '../../../loadtest/tournament-load.ts';
import { BACKENDS } from '../../persistence/databases.ts';
import { startFelt } from '../../support/felt.ts';

// Bots at think time 0 act faster than people: the message budget is raised as the load test's own server raises the sign-in limit.
const ENV = { FELT_ADMIN_USERNAME: 'director', FELT_ADMIN_PASSWORD: 'director-password-1', FELT_MESSAGE_RATE: '100' };

for (const backend of BACKENDS) {
  describe(`a sit-and-go played to the end by SDK clients [${backend.label}]`, function () {
    this.timeout(240_000);

    it('when eight bots fill a two-table sit-and-go then it starts, tables break to a final table, every place is decided once, and prizes, wallets and chips balance', async () => {
      const felt = await startFelt(backend, ENV);
      try {
        const before = await felt.server.db.ledger.totalHeld();
        const report = await runTournamentLoad({
          kind: 'sng', entrants: 8, tableSize: 6, thinkMs: 0, levelSeconds: 4,
          url: felt.url, spawn: false, admin: { username: ENV.FELT_ADMIN_USERNAME, password: ENV.FELT_ADMIN_PASSWORD }, timeoutS: 200,
        });
        assert.equal(report.status, 'finished', JSON.stringify(report));
        assert.ok(report.balance.placesDistinct, 'places 1 to 8, each once');
        assert.equal(report.balance.prizePool, 8 * 100);
        assert.equal(report.balance.prizesPaid, report.balance.prizePool, 'the whole pool is paid');
        assert.ok(report.balance.walletsBalance, 'each wallet moved by its prize less buy-in and fee');
        assert.equal(report.balance.chipSamplesEqual, report.balance.chipSamples, 'the chips in play never changed');
        assert.ok(report.tablesOpened >= 2, 'two tables were dealt');
        assert.ok(report.moves >= 1, 'players were moved when a table broke');
        assert.ok(report.hands >= 8, 'hands were dealt');
        assert.deepEqual(report.errors, {}, 'no message of the bots was refused');
        // Eight guests brought their starting balance; buy-ins, fees and prizes only moved money around.
        assert.equal(await felt.server.db.ledger.totalHeld(), before + 8 * 10_000);
      } finally {
        await felt.close();
      }
    });
  });
}
