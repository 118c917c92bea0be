import assert from 'node:assert/strict';
import type { Room } from '@colyseus/sdk';
import type { HandState } from '../../src/engine/hand/state.ts';
import { exportPhh } from '../../src/engine/phh/export.ts';
import { verifyPhh } from '../../src/engine/phh/replay.ts';
import { newTableId } from '../../src/tables/seed.ts';
import { BACKENDS } from '../persistence/databases.ts';
import { nextMessage, seatOf, startFelt, waitFor, leaveRooms, type Felt } from '../support/felt.ts';
import { autoPlay } from './play.ts';

/** Templates without rake, so the chips the players hold are every chip the hands moved. */
const NO_RAKE = { rakeBasisPoints: 0, rakeCap: 0 };

for (const backend of BACKENDS) {
  describe(`table room: table options [${backend.label}]`, function () {
    this.timeout(60_000);
    let felt: Felt;
    const rooms: Room[] = [];
    const stops: (() => void)[] = [];

    before(async () => {
      felt = await startFelt(backend);
    });

    afterEach(async () => {
      for (const stop of stops.splice(0)) stop();
      await leaveRooms(rooms);
    });

    after(async () => {
      await felt.close();
    });

    async function join(tableId: string, name: string): Promise<{ room: Room; id: string; token: string }> {
      const { token, id } = await felt.guest(name);
      return { room: await joinAs(tableId, token), id, token };
    }

    async function joinAs(tableId: string, token: string): Promise<Room> {
      const room = await felt.client().joinById(tableId, { token });
      rooms.push(room);
      return room;
    }

    async function sitDown(tableId: string, names: string[], buyIn = 100): Promise<{ room: Room; id: string; token: string }[]> {
      const players = [];
      for (const name of names) {
        const player = await join(tableId, name);
        player.room.send('sit', { buyIn });
        await waitFor(player.room, (state) => seatOf(state, player.id));
        players.push(player);
      }
      return players;
    }

    async function handsOf(tableId: string): Promise<HandState[]> {
      const hands = await felt.server.db.hands.list({ tableId, limit: 100, offset: 0 });
      return hands.map((hand) => hand.state as HandState);
    }

    /** The first recorded hand of the table that `test` picks, once it is written (hands are durable before the next deal). */
    async function recordedHand(tableId: string, test: (hand: HandState) => boolean): Promise<HandState> {
      for (let i = 0; i < 200; i++) {
        const hand = (await handsOf(tableId)).find(test);
        if (hand) return hand;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no such hand recorded at ${tableId}`);
    }

    it('when a table has none of the options then asking for a straddle, a bomb pot, a second runout or any table\'s list is refused with its code', async () => {
      const tableId = await felt.openTable(NO_RAKE);
      const [a] = await sitDown(tableId, ['Ann']);
      for (const [type, payload, code] of [
        ['straddle', { on: true }, 'straddles_off'],
        ['bombPot', { vote: true }, 'bomb_pot_vote_off'],
        ['runItTwice', { agree: true }, 'run_it_twice_off'],
        ['waitlist', { join: true, anyTable: true }, 'shared_waitlist_off'],
      ] as const) {
        const answer = nextMessage(a.room, 'error');
        a.room.send(type, payload);
        assert.deepEqual(await answer, { code, message: (await answer).message, request: type });
      }
      const answer = nextMessage(a.room, 'error');
      a.room.send('straddle', { on: 'yes' });
      assert.equal((await answer).code, 'bad_message');
      assert.equal(seatOf(a.room.state, a.id).straddle, false);
    });

    it('when both players all in agree to run it twice then two boards are dealt, the pots split per board, every chip is kept and the history has both boards', async () => {
      const tableId = await felt.openTable({ ...NO_RAKE, runItTwice: true });
      const before = await felt.server.db.ledger.totalHeld();
      const players = await sitDown(tableId, ['Ann', 'Bob']);
      for (const player of players) stops.push(autoPlay(player.room, player.id, (legal) => (legal.maxRaiseTo > 0 ? { action: 'allin' } : { action: 'call' })));
      const ask = await waitFor(players[0].room, (state) => state.runItTwiceAsk > 0 && state.runItTwiceAsk);
      assert.ok(ask > Date.now() - 1_000, 'the deadline is in the future');
      for (const player of players) {
        await waitFor(player.room, (state) => seatOf(state, player.id)?.legal?.runItTwice === true);
        player.room.send('runItTwice', { agree: true });
      }
      const boards = await waitFor(players[0].room, (state) => state.boards.length === 2 && state.boards.every((b: any) => b.cards.length === 5) && state.toJSON().boards);
      assert.equal(new Set(boards.flatMap((board: any) => board.cards)).size, 10, 'the two runouts share no card');
      assert.deepEqual(players[0].room.state.toJSON().board, boards[0].cards, '`board` is the first board');
      assert.equal(players[0].room.state.runItTwiceAsk, 0);

      const recorded = await recordedHand(tableId, (hand) => hand.runouts === 2);
      assert.equal(recorded.boards.length, 2);
      assert.equal(recorded.stacks.reduce((a, b) => a + b, 0), 200, 'the players hold every chip of the hand');
      const perBoard = [0, 1].map((board) => recorded.log.reduce((sum, op) => sum + (op.type === 'award' && op.board === board ? op.amount : 0), 0));
      assert.deepEqual(perBoard, [100, 100], 'each board wins half the pot');
      const doc = exportPhh(recorded);
      assert.equal(doc.user_defined._runouts, 2);
      assert.deepEqual(verifyPhh(doc), { ok: true, repairs: 0 });
      assert.equal(await felt.server.db.ledger.totalHeld() - before, 2 * 10_000, 'only the two new wallets appeared');
    });

    it('when the player under the gun asks to straddle then hands they are under the gun in start with their straddle of twice the big blind', async () => {
      const tableId = await felt.openTable({ ...NO_RAKE, straddles: 'utg' });
      const players = await sitDown(tableId, ['Ann', 'Bob', 'Cat']);
      for (const player of players) {
        player.room.send('straddle', { on: true });
        await waitFor(player.room, (state) => seatOf(state, player.id)?.straddle === true);
        stops.push(autoPlay(player.room, player.id));
      }
      await waitFor(players[0].room, (state) => state.handNumber >= 4, 30_000);
      const straddled = (await handsOf(tableId)).filter((hand) => hand.config.blindsOrStraddles.length === 3);
      assert.ok(straddled.length > 0, 'three-handed hands were played');
      for (const hand of straddled) {
        // Three-handed the button is under the gun: last in hand order, after the blinds.
        assert.deepEqual(hand.config.blindsOrStraddles, [1, 2, 4]);
      }
    });

    it('when every second hand is a bomb pot then hand 2 starts on the flop with everyone\'s ante and no blinds, and hand 3 does not', async () => {
      const tableId = await felt.openTable({ ...NO_RAKE, bombPotEvery: 2, bombPotAnte: 5, bombPotVote: true });
      const players = await sitDown(tableId, ['Ann', 'Bob']);
      const vote = nextMessage(players[0].room, 'error');
      players[0].room.send('bombPot', { vote: false });
      assert.equal((await vote).code, 'not_voted');
      players[0].room.send('bombPot', { vote: true });
      await waitFor(players[0].room, (state) => state.bombPotVotes === 1);
      for (const player of players) stops.push(autoPlay(player.room, player.id));
      const seen = await waitFor(players[0].room, (state) => state.bombPot && state.toJSON());
      assert.equal(seen.handNumber, 2);
      assert.equal(seen.phase, 'flop');
      assert.equal(seen.board.length, 3);
      assert.equal(seen.pots.reduce((sum: number, pot: any) => sum + pot.amount, 0), 10);
      await waitFor(players[0].room, (state) => state.handNumber >= 3 && !state.bombPot);
      const bomb = await recordedHand(tableId, (hand) => hand.config.antes.every((ante) => ante === 5));
      assert.deepEqual(bomb.config.blindsOrStraddles, [0, 0]);
      assert.deepEqual(verifyPhh(exportPhh(bomb)), { ok: true, repairs: 0 });
    });

    it('when the time bank refills 5 s every hand up to 40 s then each seat\'s public time bank grows hand by hand to the cap', async () => {
      const tableId = await felt.openTable({ ...NO_RAKE, timeBankSeconds: 30, timeBankRefillSeconds: 5, timeBankRefillHands: 1, timeBankCapSeconds: 40 });
      const players = await sitDown(tableId, ['Ann', 'Bob']);
      for (const player of players) stops.push(autoPlay(player.room, player.id));
      const watcher = await join(tableId, 'Wat');
      assert.ok((await waitFor(watcher.room, (state) => seatOf(state, players[1].id))).timeBank >= 30_000, 'a watcher sees the time bank');
      await waitFor(watcher.room, (state) => state.handNumber >= 2 && seatOf(state, players[1].id).timeBank === 35_000);
      await waitFor(watcher.room, (state) => state.handNumber >= 4 && seatOf(state, players[1].id).timeBank === 40_000, 20_000);
      assert.equal(seatOf(watcher.room.state, players[0].id).timeBank, 40_000);
    });

    it('when a player waits on a template\'s shared list from one table then the seat that frees at another table of it is offered to them, and they take it', async () => {
      const first = await felt.openTable({ ...NO_RAKE, maxSeats: 2, sharedWaitlist: true });
      const templateId = (await felt.server.db.tables.get(first))!.templateId!;
      const second = newTableId();
      await felt.server.db.tables.create({ id: second, templateId, name: 'Shared list (second)' });
      for (let i = 0; i < 100 && !((await (await fetch(`${felt.url}/api/tables`)).json()) as any[]).some((t) => t.tableId === second); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const atFirst = await sitDown(first, ['Ann', 'Bob']);
      const atSecond = await sitDown(second, ['Cat', 'Dan']);
      for (const player of [...atFirst, ...atSecond]) stops.push(autoPlay(player.room, player.id));

      const waiter = await join(first, 'Wes');
      waiter.room.send('waitlist', { join: true, anyTable: true });
      const again = nextMessage(waiter.room, 'error');
      waiter.room.send('waitlist', { join: true, anyTable: true });
      assert.equal((await again).code, 'already_waiting');

      // Leaving the shared list and joining it again: a second leave finds nothing to leave.
      waiter.room.send('waitlist', { join: false, anyTable: true });
      const gone = nextMessage(waiter.room, 'error');
      waiter.room.send('waitlist', { join: false, anyTable: true });
      assert.equal((await gone).code, 'not_waiting');
      waiter.room.send('waitlist', { join: true, anyTable: true });

      const offered = nextMessage(waiter.room, 'seatOffered', 20_000);
      atSecond[1].room.send('leave', {});
      const offer = await offered;
      assert.equal(offer.tableId, second);
      assert.equal(offer.seat, 1);
      assert.ok(offer.expiresAt > Date.now());

      const room = await joinAs(second, waiter.token);
      room.send('sit', { seat: offer.seat, buyIn: 100 });
      const seat = await waitFor(room, (state) => seatOf(state, waiter.id));
      assert.equal(seat.seat, 1);
    });
  });
}
