import assert from 'node:assert/strict';
import type { Room } from '@colyseus/sdk';
import { formatCard } from '../../src/engine/cards.ts';
import type { HandState } from '../../src/engine/hand/state.ts';
import { BACKENDS } from '../persistence/databases.ts';
import { autoPlay } from '../rooms/play.ts';
import { leaveRooms, seatOf, startFelt, waitFor, type Felt } from '../support/felt.ts';

type Player = { room: Room; id: string; token: string };

/** Resolves once `test()` answers true, asking again every 50 ms; rejects after `ms`. */
async function eventually(test: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

for (const backend of BACKENDS) {
  describe(`api: my hands after real play [${backend.label}]`, function () {
    this.timeout(60_000);
    let felt: Felt;
    const rooms: Room[] = [];

    before(async () => {
      felt = await startFelt(backend);
    });

    after(async () => {
      await leaveRooms(rooms);
      await felt.close();
    });

    async function get(path: string, token?: string): Promise<{ status: number; body: any }> {
      const response = await fetch(`${felt.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: response.status, body: await response.json() };
    }

    async function join(tableId: string, name: string): Promise<Player> {
      const { token, id } = await felt.guest(name);
      const room = await felt.client().joinById(tableId, { token });
      rooms.push(room);
      return { room, id, token };
    }

    /** Every hand on the player's history, read two at a time. */
    async function wholeHistory(player: Player): Promise<{ items: any[]; totals: number[] }> {
      const items: any[] = [];
      const totals: number[] = [];
      for (let offset = 0; ; offset += 2) {
        const { body } = await get(`/api/me/hands?limit=2&offset=${offset}`, player.token);
        totals.push(body.total);
        items.push(...body.items);
        if (body.items.length < 2) return { items, totals };
      }
    }

    it('when two players finish hands and leave then each sees their own cards, never unshown ones, and stats that match the wallet', async () => {
      const tableId = await felt.openTable();
      const ann = await join(tableId, 'Ann');
      const bob = await join(tableId, 'Bob');
      const startingBalance = (await get('/api/me', ann.token)).body.wallet.balance;
      ann.room.send('sit', { buyIn: 100 });
      bob.room.send('sit', { buyIn: 100 });
      // Odd hands: Bob raises when he can and Ann folds to any bet, so her cards stay hidden.
      // Even hands: both check or call to a showdown.
      const odd = (room: Room): boolean => room.state.handNumber % 2 === 1;
      const passive = (legal: any) => ({ action: legal.check ? 'check' : 'call' });
      autoPlay(ann.room, ann.id, (legal) => (odd(ann.room) && legal.call ? { action: 'fold' } : passive(legal)));
      autoPlay(bob.room, bob.id, (legal) => (odd(bob.room) && legal.minRaiseTo > 0 ? { action: 'raise', amount: legal.minRaiseTo } : passive(legal)));
      await waitFor(ann.room, (state) => state.handNumber >= 6, 30_000);
      ann.room.send('leave', {});
      bob.room.send('leave', {});
      await waitFor(ann.room, (state) => !seatOf(state, ann.id) && !seatOf(state, bob.id), 20_000);
      await eventually(async () => (await felt.server.db.ledger.balance('table', tableId)) === 0, 'both stacks are back in the wallets');
      const handsPlayed = ann.room.state.handNumber;

      let hiddenOpponents = 0;
      let shownOpponents = 0;
      for (const [me, opponent] of [[ann, bob], [bob, ann]]) {
        const { items, totals } = await wholeHistory(me);
        assert.equal(items.length, handsPlayed, 'every hand played, each once, over the pages');
        assert.equal(new Set(items.map((item) => item.handId)).size, handsPlayed);
        assert.ok(totals.every((total) => total === handsPlayed));
        assert.deepEqual(items.map((item) => item.handNumber), [...Array(handsPlayed).keys()].map((k) => handsPlayed - k), 'newest first');
        for (const item of items) {
          const record = await felt.server.db.hands.get(item.handId);
          const state = record?.state as HandState;
          const [mine, theirs] = [record?.playerIds.indexOf(me.id) as number, record?.playerIds.indexOf(opponent.id) as number];
          assert.deepEqual(item.holeCards, state.hole[mine].map(formatCard));
          const theirCards = state.hole[theirs].map(formatCard);
          const theyShowed = state.log.some((op) => op.type === 'show' && op.player === theirs);
          const seen = item.players.find((player: any) => player.playerId === opponent.id).cards;
          if (theyShowed) {
            shownOpponents++;
            assert.deepEqual(seen, theirCards);
          } else {
            hiddenOpponents++;
            assert.deepEqual(seen, ['??', '??']);
            const detail = (await get(`/api/me/hands/${item.handId}`, me.token)).body;
            for (const card of theirCards) assert.ok(!JSON.stringify(detail).includes(`"${card}"`), `hand ${item.handNumber} leaks ${card}`);
          }
        }
        const stats = (await get('/api/me/stats', me.token)).body;
        const balance = (await get('/api/me', me.token)).body.wallet.balance;
        assert.equal(stats.overall.hands, handsPlayed);
        assert.equal(stats.byVariant.NT.hands, handsPlayed);
        assert.equal(stats.overall.netWinnings, balance - startingBalance, 'net winnings are the wallet\'s change');
        assert.equal(stats.overall.netWinnings, items.reduce((sum, item) => sum + item.net, 0));
      }
      assert.ok(hiddenOpponents >= 3, 'the folded hands kept cards hidden');
      assert.ok(shownOpponents >= 1, 'the showdowns showed at least one hand');
      assert.equal((await get('/api/me/hands')).status, 401);
      assert.equal((await get('/api/me/stats')).status, 401);
    });
  });
}
