import assert from 'node:assert/strict';
import { Client, type Room } from '@colyseus/sdk';
import { DEFAULT_TEMPLATES } from '../../src/tables/default-templates.ts';
import { newTableId } from '../../src/tables/seed.ts';
import { describeCluster, useCluster } from '../support/cluster.ts';
import { leaveRooms, nextMessage, seatOf, waitFor } from '../support/felt.ts';
import { eventually, guest, listedTables, ownerOf } from './helpers.ts';

describeCluster('cluster: a template\'s shared waiting list spans its tables on every process', function () {
  this.timeout(90_000);
  const env = useCluster(2);
  const rooms: Room[] = [];

  afterEach(async () => {
    // Before the cluster goes: a leave to a process already gone would wait forever.
    await leaveRooms(rooms);
  });

  it('when a player waits at a full table on one process then a free seat of the template on the other process is offered to them, and they take it', async () => {
    const { cluster, db } = env;
    const [a] = cluster.nodes;
    const template = await db.templates.create({ ...DEFAULT_TEMPLATES[0], minTables: 0, maxSeats: 2, sharedWaitlist: true });
    // Tables open on the process with fewer than its share (the default tables count too: the first process holds them all):
    // add them until two of the template's are on different processes.
    const tables: string[] = [];
    const owners = new Map<string, string>();
    while (new Set(owners.values()).size < 2) {
      assert.ok(tables.length < 14, `the tables all opened on one process: ${JSON.stringify([...owners])}`);
      const id = newTableId();
      await db.tables.create({ id, templateId: template.id, name: `Shared ${tables.length}` });
      await eventually(async () => (await listedTables(a.url)).includes(id), 15_000, `table ${id} to open`);
      tables.push(id);
      owners.set(id, (await ownerOf(db, id)) ?? '');
    }
    const full = tables[0];
    const other = tables.find((id) => owners.get(id) !== owners.get(full)) as string;

    const join = async (tableId: string, token: string): Promise<Room> => {
      const room = await new Client(a.url).joinById(tableId, { token });
      rooms.push(room);
      return room;
    };
    // Every table but `other` is full, so the only seat to offer is on the other process.
    for (const tableId of tables.filter((id) => id !== other)) {
      for (const name of ['Ann', 'Bob']) {
        const player = await guest(a.url, name);
        const room = await join(tableId, player.token);
        room.send('sit', { buyIn: 100 });
        await waitFor(room, (state) => seatOf(state, player.id));
      }
    }
    const waiter = await guest(a.url, 'Wes');
    const waiting = await join(full, waiter.token);
    const offered = nextMessage(waiting, 'seatOffered', 20_000);
    waiting.send('waitlist', { join: true, anyTable: true });
    const offer = await offered;
    assert.equal(offer.tableId, other, 'the free seat of the table on the other process');
    assert.notEqual(owners.get(offer.tableId), owners.get(full));

    const room = await join(offer.tableId, waiter.token);
    room.send('sit', { seat: offer.seat, buyIn: 100 });
    const seat = await waitFor(room, (state) => seatOf(state, waiter.id));
    assert.equal(seat.seat, offer.seat);
  });
});
