import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { matchMaker } from '@colyseus/core';
import type { Room } from '@colyseus/sdk';
import { BACKENDS } from '../persistence/databases.ts';
import { nextMessage, startFelt, waitFor, leaveRooms, type Felt } from '../support/felt.ts';

// Rooms facing clients that send too much, send junk, or ask for rooms of
// their own. One message a second refills a client's budget so slowly that a
// flood meets its burst of 20 alone.
const LIMITS = { FELT_MESSAGE_RATE: '1', FELT_MESSAGE_BURST: '20' };

function errorsOf(room: Room): any[] {
  const errors: any[] = [];
  room.onMessage('error', (error: any) => errors.push(error));
  return errors;
}

function left(room: Room): Promise<number> {
  return new Promise((resolve) => room.onLeave((code: number) => resolve(code)));
}

/** The bytes a client has received on its WebSocket since this was called. */
function bytesReceived(room: Room): () => number {
  let bytes = 0;
  const socket = (room.connection.transport as unknown as { ws: WebSocket }).ws;
  socket.addEventListener('message', (event) => {
    bytes += (event.data as ArrayBuffer).byteLength;
  });
  return () => bytes;
}

/** How often `type` arrives on a room from now on. */
function countMessages(room: Room, type: string): () => number {
  let count = 0;
  room.onMessage(type, () => count++);
  return () => count;
}

for (const backend of BACKENDS) {
  describe(`rooms: what a client may send and ask [${backend.label}]`, function () {
    this.timeout(60_000);
    let felt: Felt;
    let logged = '';
    const rooms: Room[] = [];

    /** Every log line so far, parsed: each must be one JSON object. */
    const lines = (): any[] => logged.split('\n').filter(Boolean).map((line) => JSON.parse(line));

    before(async () => {
      const sink = new Writable({
        write(chunk, _encoding, done) {
          logged += String(chunk);
          done();
        },
      });
      felt = await startFelt(backend, { ...LIMITS, FELT_LOG_LEVEL: 'warn' }, { logDestination: sink });
    });

    afterEach(async () => {
      await leaveRooms(rooms);
    });

    after(async () => {
      await felt.close();
    });

    async function join(tableId: string, name: string): Promise<Room> {
      const { token } = await felt.guest(name);
      const room = await felt.client().joinById(tableId, { token });
      rooms.push(room);
      return room;
    }

    describe('message budget', () => {
      it('when a client keeps sending past its budget then it is told once, then disconnected, and the room goes on serving the others', async () => {
        const tableId = await felt.openTable();
        const flooding = await join(tableId, 'Flo');
        const calm = await join(tableId, 'Cal');
        const errors = errorsOf(flooding);
        const gone = left(flooding);

        for (let i = 0; i < 200; i++) flooding.send('sitOut', {});
        const code = await gone;

        assert.equal(code, 4002, 'closed with an error: the SDK does not reconnect on its own');
        const limited = errors.filter((error) => error.code === 'rate_limited');
        assert.equal(limited.length, 1);
        assert.equal(limited[0].request, 'sitOut');
        assert.match(limited[0].message, /1 a second/);
        const handled = errors.filter((error) => error.code === 'not_seated').length;
        assert.ok(handled >= 18 && handled <= 22, `about the burst of 20 was handled, not the flood (${handled})`);
        const calmErrors = errorsOf(calm);
        calm.send('sitOut', {});
        await waitFor(calm, () => calmErrors.length === 1);
        assert.equal(calmErrors[0].code, 'not_seated');
      });

      it('when a client over its budget leaves then its leave goes through, however far over it is', async () => {
        const tableId = await felt.openTable();
        const flooding = await join(tableId, 'Flo');
        const errors = errorsOf(flooding);
        for (let i = 0; i < 30; i++) flooding.send('sitOut', {});
        await waitFor(flooding, () => errors.some((error) => error.code === 'rate_limited'));

        const code = await flooding.leave(true);

        assert.equal(code, 4000, 'a consented leave');
      });

      it('when a client is disconnected for flooding then its player is refused at every table for a while, 429, before the database is read, and other players still join', async () => {
        const tableId = await felt.openTable();
        const otherTableId = await felt.openTable();
        const { token, id } = await felt.guest('Flo');
        const flooding = await felt.client().joinById(tableId, { token });
        rooms.push(flooding);
        errorsOf(flooding);
        const gone = left(flooding);
        for (let i = 0; i < 200; i++) flooding.send('sitOut', {});
        assert.equal(await gone, 4002);
        const players = felt.server.db.players;
        const findById = players.findById;
        let reads = 0;
        players.findById = (playerId: string) => {
          if (playerId === id) reads++;
          return findById.call(players, playerId);
        };
        try {
          for (const table of [tableId, otherTableId]) {
            const refusal = await felt.client().joinById(table, { token }).then((room) => {
              rooms.push(room);
              return null;
            }, (error: { code?: number; message?: string }) => error);
            assert.equal(refusal?.code, 429, `the join at ${table === tableId ? 'the same' : 'another'} table is refused`);
            assert.match(String(refusal?.message), /rate_limited: .*join again in \d+ seconds/);
          }
          assert.equal(reads, 0, 'the refusals read no player');
          const calm = await join(tableId, 'Cal');
          assert.equal(calm.connection.isOpen, true, 'another player still joins');
        } finally {
          players.findById = findById;
        }
      });
    });

    describe('lobby', () => {
      it('when clients join the lobby by name then each gets the listing, from the one lobby of the process', async () => {
        const tableId = await felt.openTable();
        const first = await felt.client().join('lobby');
        rooms.push(first);
        const firstListing = nextMessage(first, 'rooms');
        const second = await felt.client().join('lobby');
        rooms.push(second);

        const [listing] = await Promise.all([nextMessage<any[]>(second, 'rooms'), firstListing]);

        assert.equal(first.roomId, second.roomId);
        assert.ok(listing.some((room) => room.roomId === tableId));
        assert.equal((await matchMaker.query({ name: 'lobby' })).length, 1);
      });

      it('when a client floods the lobby with the same filter then it gets one listing for it, a warning, and is cut off', async () => {
        await felt.openTable();
        const lobby = await felt.client().join('lobby');
        rooms.push(lobby);
        const bytes = bytesReceived(lobby);
        await nextMessage(lobby, 'rooms');
        const listingBytes = bytes();
        const listings = countMessages(lobby, 'rooms');
        const errors = errorsOf(lobby);
        const gone = left(lobby);

        for (let i = 0; i < 2_000; i++) lobby.send('filter', { name: 'table' });
        assert.equal(await gone, 4002);

        assert.equal(listings(), 1, 'the first filter asked something new; the same one again did not');
        assert.deepEqual(errors.map((error) => error.code), ['rate_limited']);
        assert.ok(bytes() - listingBytes <= listingBytes + 1_024, `2,000 filters cost ${bytes() - listingBytes} bytes, about one listing`);
      });

      it('when a client alternates filters then it gets no more listings than its burst before it is cut off', async () => {
        await felt.openTable();
        const lobby = await felt.client().join('lobby');
        rooms.push(lobby);
        await nextMessage(lobby, 'rooms');
        const listings = countMessages(lobby, 'rooms');
        const errors = errorsOf(lobby);
        const gone = left(lobby);

        for (let i = 0; i < 500; i++) lobby.send('filter', i % 2 === 0 ? { name: 'table' } : { name: 'table', metadata: { maxSeats: 6 } });
        await gone;

        assert.ok(listings() <= 21, `${listings()} listings`);
        assert.deepEqual(errors.map((error) => error.code), ['rate_limited']);
      });

      it('when a filter is malformed then it is answered bad_message and the client stays', async () => {
        const lobby = await felt.client().join('lobby');
        rooms.push(lobby);
        await nextMessage(lobby, 'rooms');
        const errors = errorsOf(lobby);

        lobby.send('filter', { metadata: 'x'.repeat(500) });
        lobby.send('filter', { name: 'table', colour: 'red' });
        await waitFor(lobby, () => errors.length === 2);

        assert.deepEqual(errors.map((error) => [error.code, error.request]), [['bad_message', 'filter'], ['bad_message', 'filter']]);
        assert.equal(lobby.connection.isOpen, true);
      });
    });

    describe('rooms are the server\'s to create', () => {
      it('when a client asks to create a table, a lobby, or to join or create one then it is refused and no room opens or loads', async () => {
        const tableId = await felt.openTable();
        const { token } = await felt.guest('Mal');
        const { db } = felt.server;
        let loads = 0;
        const get = db.tables.get.bind(db.tables);
        db.tables.get = (id) => {
          loads++;
          return get(id);
        };
        const lobbies = (await matchMaker.query({ name: 'lobby' })).length;
        const tables = (await matchMaker.query({ name: 'table' })).length;
        try {
          const attempts = await Promise.allSettled([
            felt.client().create('table', { tableId }),
            felt.client().create('table', { tableId: 't-new', token }),
            felt.client().create('lobby'),
            felt.client().joinOrCreate('lobby'),
            felt.client().joinOrCreate('table', { tableId, token }),
          ]);

          assert.deepEqual(attempts.map((attempt) => attempt.status), Array(5).fill('rejected'));
          for (const attempt of attempts) assert.match(String((attempt as PromiseRejectedResult).reason?.message), /invalid method/);
          assert.equal(loads, 0, 'no table was loaded from the database');
        } finally {
          db.tables.get = get;
        }
        assert.equal((await matchMaker.query({ name: 'lobby' })).length, lobbies);
        assert.equal((await matchMaker.query({ name: 'table' })).length, tables);
      });
    });

    describe('junk frames', () => {
      it('when a client sends frames that do not decode then each is one JSON log line, the first is answered, the third disconnects it, and the table plays on', async () => {
        const tableId = await felt.openTable();
        const junk = await join(tableId, 'Jun');
        const calm = await join(tableId, 'Cal');
        const errors = errorsOf(junk);
        const gone = left(junk);
        const before = lines().length;

        // A request whose payload is not msgpack (Colyseus printed its stack and kept the client), a message likewise, a frame of no known kind.
        junk.connection.send(Uint8Array.from([21, 1, 0xa3, ...Buffer.from('act'), 0xc1, 0xc1]));
        junk.connection.send(Uint8Array.from([13, 0xa3, ...Buffer.from('sit'), 0xc1, 0xc1]));
        junk.connection.send(Uint8Array.from([250, 1, 2, 3]));
        assert.equal(await gone, 4002);

        const rejected = lines().slice(before).filter((line) => line.sessionId === junk.sessionId);
        assert.deepEqual(rejected.map((line) => [line.msg, line.roomId, line.rejected]), [1, 2, 3].map((n) => ['rejected a frame that does not decode', tableId, n]));
        assert.deepEqual(rejected.map((line) => line.reason.replace(/:.*/, '')), ['payload is not msgpack', 'payload is not msgpack', 'unknown frame code 250']);
        assert.ok(!logged.includes('\n    at '), 'no stack trace anywhere in the log');
        assert.deepEqual(errors.map((error) => error.code), ['bad_frame']);
        const calmErrors = errorsOf(calm);
        calm.send('sitOut', {});
        await waitFor(calm, () => calmErrors.length === 1);
      });
    });
  });
}
