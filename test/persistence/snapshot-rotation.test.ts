import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CashTable } from '../../src/engine/cash/CashTable.ts';
import type { CashTableSettings } from '../../src/engine/cash/settings.ts';
import { seededRandom } from '../../src/engine/random.ts';
import { rotationEntries, rotationGames } from '../../src/engine/table/rotation.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';

const HORSE = rotationEntries(rotationGames('HORSE')!, { smallBlind: 1, bigBlind: 2, ante: 1, bringIn: 1, smallBet: 2, bigBet: 4 });
const SETTINGS: CashTableSettings = {
  variant: 'FT', stakes: { ...HORSE[0].stakes }, smallBet: 2, bigBet: 4, rotation: HORSE,
  minBuyIn: 40, maxBuyIn: 400, maxSeats: 6, actionMs: 10_000, timeBankMs: 0,
  pauseMs: 1_000, reconnectMs: 20_000, standUpMs: 60_000, maxTimeouts: 2, offerMs: 15_000, maxRunouts: 1,
};

/** Plays hands by checking and calling (bringing in, standing pat) until `hands` have been dealt and the last is in play. */
function playUntil(table: CashTable, hands: number, start = 0): number {
  let now = start;
  for (let guard = 0; guard < 5_000 && !(table.state.handNumber >= hands && table.hand); guard++) {
    const hand = table.hand;
    const seat = table.actorSeat();
    if (!hand || seat < 0) {
      now = Math.max(now + 1, table.nextDeadline());
      table.tick(now);
      continue;
    }
    const legal = hand.legalActions()!;
    const id = table.state.info[seat]!.playerId;
    if (legal.draw) table.act(id, { action: 'draw', discard: [] }, now);
    else if (legal.bringIn) table.act(id, { action: 'bringIn' }, now);
    else table.act(id, { action: legal.check ? 'check' : 'call' }, now);
  }
  return now;
}

describeEachBackend('snapshots of mixed-game tables', (backend) => {
  const db = useFreshDatabase(backend);

  it('when a HORSE table is saved in its stud game and restored then it deals on from the same game with the same hands left', async () => {
    const tableId = randomUUID();
    const table = CashTable.create(tableId, 'HORSE', SETTINGS, seededRandom(3));
    for (const [seat, id] of ['ann', 'bob', 'cat'].entries()) table.sit(id, id, seat, 200, 0);
    const now = playUntil(table, 8);
    assert.equal(table.state.settings.variant, 'FR', 'the eighth hand is razz');

    await db().snapshots.saveMany([{ tableId, version: 1, state: table.state }]);
    const restored = CashTable.restore((await db().snapshots.load(tableId))!.state, seededRandom(4));

    assert.deepEqual(restored.state.rotationPlace, table.state.rotationPlace);
    assert.deepEqual(restored.state.settings.rotation, HORSE);
    assert.deepEqual(restored.state.settings.stakes, { smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1 });
    playUntil(restored, 10, now);
    assert.equal(restored.hand?.state.config.variant, 'F7S', 'after three razz hands comes stud');
  });
});
