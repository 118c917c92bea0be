import assert from 'node:assert/strict';
import type { Room } from '@colyseus/sdk';
import type { TemplateInput } from '../../src/persistence/types.ts';
import { startFelt, waitFor, leaveRooms, type Felt } from '../support/felt.ts';
import { playAnyGame, testRandom } from './game-play.ts';

const HORSE: Partial<TemplateInput> = {
  variant: 'FT', rotation: 'HORSE', smallBlind: 1, bigBlind: 2, ante: 1, bringIn: 1, smallBet: 2, bigBet: 4,
  minBuyIn: 40, maxBuyIn: 400, maxSeats: 6,
};

/** The stakes each HORSE game is dealt at from the template above: [smallBlind, bigBlind, ante, bringIn, smallBet, bigBet]. */
const STAKES: Record<string, number[]> = {
  FT: [1, 2, 0, 0, 2, 4],
  'FO/8': [1, 2, 0, 0, 2, 4],
  FR: [0, 0, 1, 1, 2, 4],
  F7S: [0, 0, 1, 1, 2, 4],
  'F7S/8': [0, 0, 1, 1, 2, 4],
};

describe('mixed games over the wire', function () {
  this.timeout(120_000);
  let felt: Felt;
  const rooms: Room[] = [];

  before(async () => {
    felt = await startFelt(null);
  });

  after(async () => {
    await leaveRooms(rooms);
    await felt.close();
  });

  it('when three bots play a HORSE table through a full rotation then each game is dealt an orbit in turn at its stakes and no chip appears or vanishes', async () => {
    const before = await felt.server.db.ledger.totalHeld();
    const tableId = await felt.openTable(HORSE);
    const players = [];
    for (const [k, name] of ['Ann', 'Bob', 'Cid'].entries()) {
      const { token, id } = await felt.guest(name);
      const room = await felt.client().joinById(tableId, { token });
      rooms.push(room);
      players.push({ room, id });
      playAnyGame(room, id, undefined, testRandom(k + 11));
    }
    const watcher = players[0].room;
    const dealt = new Map<number, { variant: string; stakes: number[]; handsToNextGame: number; rotation: string[]; button: number }>();
    watcher.onStateChange((state: any) => {
      if (state.handNumber === 0 || dealt.has(state.handNumber) || state.phase === 'waiting' || state.phase === 'showdown') return;
      dealt.set(state.handNumber, {
        variant: state.variant,
        stakes: [state.smallBlind, state.bigBlind, state.ante, state.bringIn, state.smallBet, state.bigBet],
        handsToNextGame: state.handsToNextGame,
        rotation: [...state.rotation],
        button: state.button,
      });
    });
    for (const p of players) p.room.send('sit', { buyIn: 400 });

    await waitFor(watcher, (state) => state.handNumber >= 17 && state.phase !== 'waiting', 100_000);
    const hands = [...dealt.entries()].sort((a, b) => a[0] - b[0]).map(([, hand]) => hand).slice(0, 16);
    assert.equal(hands.length, 16, 'every hand was seen');
    const order = ['FT', 'FO/8', 'FR', 'F7S', 'F7S/8'];
    assert.deepEqual(hands.map((hand) => hand.variant), [...order.flatMap((variant) => [variant, variant, variant]), 'FT']);
    assert.deepEqual(hands.map((hand) => hand.handsToNextGame), [...order.flatMap(() => [2, 1, 0]), 2]);
    for (const hand of hands) {
      assert.deepEqual(hand.stakes, STAKES[hand.variant], `${hand.variant} at its stakes`);
      assert.deepEqual(hand.rotation, order);
      if (hand.variant !== 'FT' && hand.variant !== 'FO/8') assert.equal(hand.button, hands[5].button, 'stud leaves the button where hold\'em and Omaha left it');
    }
    const records = await felt.server.db.hands.list({ tableId, limit: 100, offset: 0 });
    assert.deepEqual(new Set(records.map((record) => record.variant)), new Set(order), 'every game was recorded');
    assert.equal(await felt.server.db.ledger.totalHeld() - before, 3 * 10_000, 'only the three new wallets were created');
  });
});
