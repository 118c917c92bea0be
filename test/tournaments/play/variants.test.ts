import assert from 'node:assert/strict';
import { runTournamentLoad } from '../../../loadtest/tournament-load.ts';
import { BACKENDS } from '../../persistence/databases.ts';
import { startFelt } from '../../support/felt.ts';

// As in sit-and-go.test.ts: bots at think time 0 act faster than people, so the message budget is raised.
const ENV = { FELT_ADMIN_USERNAME: 'director', FELT_ADMIN_PASSWORD: 'director-password-1', FELT_MESSAGE_RATE: '100' };
const ADMIN = { username: ENV.FELT_ADMIN_USERNAME, password: ENV.FELT_ADMIN_PASSWORD };

/**
 * A stud and a draw sit-and-go, each at one table: the game's own streets
 * are dealt, and the money and chips come out right. Short stacks (600 chips,
 * 30 small bets at level 1) keep fixed limit from playing for minutes.
 */
const GAMES = [
  { variant: 'F7S', entrants: 5, tableSize: 8, street: 'third', noStreet: 'preflop', bringIn: true },
  { variant: 'F2L3D', entrants: 5, tableSize: 6, street: 'draw3', noStreet: 'third', bringIn: false },
];

for (const backend of BACKENDS) {
  describe(`stud and draw sit-and-goes played to the end by SDK clients [${backend.label}]`, function () {
    this.timeout(240_000);

    for (const game of GAMES) {
      it(`when ${game.entrants} bots fill a one-table ${game.variant} sit-and-go then its streets are dealt, every place is decided once, and prizes, wallets and chips balance`, async () => {
        const felt = await startFelt(backend, ENV);
        try {
          const before = await felt.server.db.ledger.totalHeld();
          const report = await runTournamentLoad({
            kind: 'sng', variant: game.variant, startingStack: 600, entrants: game.entrants, tableSize: game.tableSize, thinkMs: 0, levelSeconds: 4,
            url: felt.url, spawn: false, admin: ADMIN, timeoutS: 200,
          });
          assert.equal(report.status, 'finished', JSON.stringify(report));
          assert.equal(report.variant, game.variant);
          assert.equal(report.tablesOpened, 1, 'everyone played at one table');
          assert.ok(report.phases.includes(game.street), `a ${game.street} street was dealt: ${report.phases.join(', ')}`);
          assert.ok(!report.phases.includes(game.noStreet), `no ${game.noStreet} street: ${report.phases.join(', ')}`);
          if (game.bringIn) assert.ok(report.bringIn > 0, 'the table showed a bring-in');
          else assert.equal(report.bringIn, 0, 'a draw game has no bring-in');
          assert.ok(report.balance.placesDistinct, `places 1 to ${game.entrants}, each once`);
          assert.equal(report.balance.prizePool, game.entrants * 100);
          assert.equal(report.balance.prizesPaid, report.balance.prizePool, 'the whole pool is paid');
          assert.ok(report.balance.walletsBalance, 'each wallet moved by its prize less buy-in and fee');
          assert.equal(report.balance.chipSamplesEqual, report.balance.chipSamples, 'the chips in play never changed');
          assert.ok(report.hands >= game.entrants - 1, 'hands were dealt');
          assert.deepEqual(report.errors, {}, 'no message of the bots was refused');
          assert.equal(await felt.server.db.ledger.totalHeld(), before + game.entrants * 10_000);
        } finally {
          await felt.close();
        }
      });
    }
  });
}
