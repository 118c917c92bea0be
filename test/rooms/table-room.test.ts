import assert from 'node:assert/strict';
import type { Room } from '@colyseus/sdk';
import { BACKENDS } from '../persistence/databases.ts';
import { nextMessage, seatOf, startFelt, waitFor, leaveRooms, type Felt } from '../support/felt.ts';
import { autoPlay } from './play.ts';

/** Everything the players, tables and house hold: constant while nobody is credited. */
async function chipsInPlay(felt: Felt): Promise<number> {
  return felt.server.db.ledger.totalHeld();
}

for (const backend of BACKENDS) {
  describe(`table room [${backend.label}]`, function () {
    this.timeout(60_000);
    let felt: Felt;
    const rooms: Room[] = [];

    before(async () => {
      felt = await startFelt(backend);
    });

    afterEach(async () => {
      await leaveRooms(rooms);
    });

    after(async () => {
      await felt.close();
    });

    async function join(tableId: string, name: string): Promise<{ room: Room; id: string; token: string }> {
      const { token, id } = await felt.guest(name);
      const room = await felt.client().joinById(tableId, { token });
      rooms.push(room);
      return { room, id, token };
    }

    it('when two players sit then hands are dealt and played out, and every chip is accounted for', async () => {
      const tableId = await felt.openTable();
      const before = await chipsInPlay(felt);
      const a = await join(tableId, 'Ann');
      const b = await join(tableId, 'Bob');
      a.room.send('sit', { buyIn: 100 });
      b.room.send('sit', { buyIn: 100 });
      autoPlay(a.room, a.id);
      autoPlay(b.room, b.id);
      await waitFor(a.room, (state) => state.handNumber >= 3, 20_000);
      const me = await (await fetch(`${felt.url}/api/me`, { headers: { authorization: `Bearer ${a.token}` } })).json() as any;
      assert.equal(me.wallet.balance, 10_000 - 100, 'the buy-in left the wallet');
      const listing = (await (await fetch(`${felt.url}/api/tables`)).json()) as any[];
      assert.equal(listing.find((table) => table.tableId === tableId)?.seated, 2);
      assert.equal(await chipsInPlay(felt) - before, 2 * 10_000, 'only the two new wallets were created; nothing else appeared or vanished');
    });

    it('when an opponent and a watcher decode every patch then they never see another player\'s hole cards', async () => {
      const tableId = await felt.openTable();
      const a = await join(tableId, 'Ann');
      const b = await join(tableId, 'Bob');
      const watcher = await join(tableId, 'Wat');
      const leaks: string[] = [];
      let ownCards = 0;
      const inspect = (viewer: string, room: Room) => (state: any) => {
        for (const seat of Object.values(state.toJSON().seats ?? {}) as any[]) {
          if (seat.playerId !== viewer && (seat.cards?.length ?? 0) > 0) leaks.push(`${viewer} saw ${seat.playerId}'s ${seat.cards}`);
          if (seat.playerId !== viewer && seat.legal && (seat.legal.fold || seat.legal.call || seat.legal.check)) leaks.push(`${viewer} saw ${seat.playerId}'s options`);
          if (seat.playerId === viewer && seat.cards?.length === 2) ownCards++;
        }
        void room;
      };
      a.room.onStateChange(inspect(a.id, a.room));
      b.room.onStateChange(inspect(b.id, b.room));
      watcher.room.onStateChange(inspect(watcher.id, watcher.room));
      a.room.send('sit', { buyIn: 100 });
      b.room.send('sit', { buyIn: 100 });
      autoPlay(a.room, a.id);
      autoPlay(b.room, b.id);
      await waitFor(watcher.room, (state) => state.handNumber >= 4, 20_000);
      assert.deepEqual(leaks, []);
      assert.ok(ownCards > 0, 'players did see their own cards');
    });

    it('when clients send bad input then each gets an error, the state does not change and nobody is disconnected', async () => {
      const tableId = await felt.openTable();
      const a = await join(tableId, 'Ann');
      const b = await join(tableId, 'Bob');
      const errors: any[] = [];
      a.room.onMessage('error', (error: any) => errors.push(error));
      a.room.send('sit', { buyIn: 1_000_000 });
      a.room.send('sit', { buyIn: 'lots' });
      a.room.send('act', { action: 'fold' });
      a.room.send('dance', {});
      a.room.send('topUp', { amount: 10 });
      a.room.send('sit', { seat: 42, buyIn: 100 });
      a.room.send('waitlist', { join: true });
      await waitFor(a.room, () => errors.length >= 7, 5_000);
      // Malformed messages are answered at once, the rest in turn: compare as sets.
      assert.deepEqual(errors.map((error) => error.code).sort(), ['bad_buy_in', 'bad_message', 'bad_message', 'not_in_hand', 'not_seated', 'seat_available', 'unknown_message']);
      assert.ok(errors.every((error) => typeof error.message === 'string' && error.message.length > 10));
      assert.equal(Object.keys(a.room.state.toJSON().seats ?? {}).length, 0);
      b.room.send('sit', { buyIn: 100 });
      await waitFor(a.room, (state) => seatOf(state, b.id));
      assert.equal(a.room.connection.isOpen, true);
    });

    it('when a player waits on the clock then the time bank runs and then they are folded or checked for', async () => {
      const tableId = await felt.openTable({ actionSeconds: 1, timeBankSeconds: 1 });
      const a = await join(tableId, 'Ann');
      const b = await join(tableId, 'Bob');
      a.room.send('sit', { buyIn: 100 });
      b.room.send('sit', { buyIn: 100 });
      const { toAct } = await waitFor(a.room, (state) => state.toAct >= 0 && state.actionDeadline > 0 && { toAct: state.toAct as number });
      const started = Date.now();
      await waitFor(a.room, (state) => state.toAct !== toAct || state.handNumber > 1, 6_000);
      const waited = Date.now() - started;
      assert.ok(waited >= 1_500, `the action clock and the time bank both ran (${waited} ms)`);
      const seat = Object.values(a.room.state.toJSON().seats).find((s: any) => s.seat === toAct) as any;
      assert.equal(seat.lastAction, 'timeout');
    });

    it('when a seated player drops then they show as disconnected and find their seat again on reconnecting', async () => {
      const tableId = await felt.openTable();
      const a = await join(tableId, 'Ann');
      const b = await join(tableId, 'Bob');
      a.room.send('sit', { buyIn: 100 });
      b.room.send('sit', { buyIn: 120 });
      await waitFor(a.room, (state) => seatOf(state, b.id));
      const token = b.room.reconnectionToken;
      // This client reconnects by hand, so the drop stays visible to the others first.
      b.room.reconnection.enabled = false;
      b.room.connection.close(3000);
      await waitFor(a.room, (state) => seatOf(state, b.id)?.status === 'disconnected');
      const again = await felt.client().reconnect(token);
      rooms.push(again);
      const seat = await waitFor(again, (state) => {
        const mine = seatOf(state, b.id);
        return mine && mine.status !== 'disconnected' && mine;
      });
      assert.ok(seat.stack > 0);
    });

    it('when a full table frees a seat then the first waiting player is offered it and can take it', async () => {
      const tableId = await felt.openTable({ maxSeats: 2 });
      const a = await join(tableId, 'Ann');
      const b = await join(tableId, 'Bob');
      const c = await join(tableId, 'Cat');
      a.room.send('sit', { buyIn: 100 });
      b.room.send('sit', { buyIn: 100 });
      await waitFor(c.room, (state) => Object.keys(state.toJSON().seats ?? {}).length === 2);
      c.room.send('waitlist', { join: true });
      await waitFor(c.room, (state) => (state.toJSON().waiting ?? []).includes(c.id));
      const offered = nextMessage(c.room, 'seatOffered', 10_000);
      a.room.send('leave', {});
      autoPlay(a.room, a.id, () => ({ action: 'fold' }));
      autoPlay(b.room, b.id);
      const offer = await offered;
      c.room.send('sit', { seat: offer.seat, buyIn: 100 });
      await waitFor(c.room, (state) => seatOf(state, c.id));
      assert.deepEqual(c.room.state.toJSON().waiting ?? [], []);
    });

    it('when a player sits then the lobby lists the table with its new seat count', async () => {
      const tableId = await felt.openTable();
      const lobby = await felt.client().join('lobby');
      rooms.push(lobby);
      const listing = await nextMessage<any[]>(lobby, 'rooms');
      const entry = listing.find((room) => room.roomId === tableId);
      assert.equal(entry?.metadata.seated, 0);
      assert.deepEqual(Object.keys(entry.metadata).sort(), ['bigBlind', 'maxBuyIn', 'maxSeats', 'minBuyIn', 'name', 'seated', 'smallBlind', 'stakes', 'tableId', 'variant', 'waiting']);
      const updated = new Promise<any>((resolve) => {
        lobby.onMessage('+', ([roomId, room]: [string, any]) => {
          if (roomId === tableId && room.metadata.seated === 1) resolve(room);
        });
      });
      const a = await join(tableId, 'Ann');
      a.room.send('sit', { buyIn: 100 });
      const room = await updated;
      assert.equal(room.metadata.tableId, tableId);
    });

    it('when one wallet buys in at two tables at once for more than it holds then only one buy-in goes through', async () => {
      const big = { minBuyIn: 100, maxBuyIn: 8_000 };
      const first = await felt.openTable(big);
      const second = await felt.openTable(big);
      const { token, id } = await felt.guest('Eve');
      const r1 = await felt.client().joinById(first, { token });
      const r2 = await felt.client().joinById(second, { token });
      rooms.push(r1, r2);
      const errors: any[] = [];
      r1.onMessage('error', (e: any) => errors.push(e));
      r2.onMessage('error', (e: any) => errors.push(e));
      r1.send('sit', { buyIn: 7_000 });
      r2.send('sit', { buyIn: 7_000 });
      await waitFor(r1, () => errors.length > 0 && (seatOf(r1.state, id) || seatOf(r2.state, id)), 10_000);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].code, 'insufficient_funds');
      assert.equal(await felt.server.db.ledger.balance('player', id), 3_000);
    });

    for (const variant of [
      { variant: 'PO' },
      { variant: 'FT', smallBet: 2, bigBet: 4, maxBuyIn: 400 },
      { variant: 'NS', smallBlind: 0, bigBlind: 2, ante: 1 },
      { variant: 'FO/8', smallBet: 2, bigBet: 4, maxBuyIn: 400 },
    ]) {
      it(`when two players play ${variant.variant} then complete hands are dealt`, async () => {
        const tableId = await felt.openTable(variant);
        const a = await join(tableId, 'Ann');
        const b = await join(tableId, 'Bob');
        a.room.send('sit', { buyIn: 100 });
        b.room.send('sit', { buyIn: 100 });
        autoPlay(a.room, a.id, (legal) => (legal.minRaiseTo > 0 && Math.random() < 0.3 ? { action: 'raise', amount: legal.minRaiseTo } : { action: legal.check ? 'check' : 'call' }));
        autoPlay(b.room, b.id);
        await waitFor(a.room, (state) => state.handNumber >= 3, 20_000);
        const seats = Object.values(a.room.state.toJSON().seats) as any[];
        assert.equal(a.room.state.variant, variant.variant);
        assert.ok(seats.every((seat) => seat.stack + seat.bet <= 200));
      });
    }
  });
}
