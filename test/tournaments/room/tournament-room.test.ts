import assert from 'node:assert/strict';
import { matchMaker } from '@colyseus/core';
import { callFelt, adminLogin, ADMIN_ENV } from '../../api/admin/felt-admin.ts';
import { describeEachBackend } from '../../persistence/databases.ts';
import { startFelt, waitFor, nextMessage, type Felt } from '../../support/felt.ts';
import type { FakeTournamentTables } from '../../support/fake-tournament-tables.ts';
import { actorRoom, createTournament, entrant, fakeTables, settled, sngBody } from './support.ts';

const START = 10_000;
const PRICE = 110;

describeEachBackend('tournament room: the live actor of a tournament', (backend) => {
  let felt: Felt;
  let fake: FakeTournamentTables;

  before(async function () {
    this.timeout(30_000);
    const tables = fakeTables();
    fake = tables.fake;
    felt = await startFelt(backend, ADMIN_ENV, tables.options);
  });

  after(async () => {
    await felt.close();
  });

  const balance = (playerId: string) => felt.server.db.ledger.balance('player', playerId);

  it('when a sit-and-go registered through the HTTP API fills then it starts and each player in the tournament room is told their seat', async function () {
    this.timeout(20_000);
    const id = await createTournament(felt, sngBody(2));
    await actorRoom(id);
    const ann = await entrant(felt, id, 'Ann');
    const bob = await entrant(felt, id, 'Bob');

    const [annSeat, bobSeat] = await Promise.all([ann.seated, bob.seated]);
    const state = await waitFor(ann.room, (s) => s.status === 'running' && s);

    const tableId = `${id}-t1`;
    assert.deepEqual([annSeat.tableId, bobSeat.tableId], [tableId, tableId]);
    assert.notEqual(annSeat.seat, bobSeat.seat);
    assert.deepEqual(fake.tables.get(tableId)!.players().sort(), [ann.id, bob.id].sort());
    assert.deepEqual([state.entrants, state.remaining, state.prizePool, state.level, state.smallBlind, state.bigBlind], [2, 2, 200, 1, 10, 20]);
    assert.ok(state.levelEndsAt > Date.now());
    assert.deepEqual([await balance(ann.id), await balance(bob.id)], [START - PRICE, START - PRICE]);
    assert.equal((await felt.server.db.tournaments.get(id))!.status, 'running');

    // Joining again while still in: told the seat again.
    const again = await felt.client().joinById(id, { token: ann.token });
    assert.deepEqual(await nextMessage(again, 'seated'), annSeat);
    await again.leave();
    await settled(id);
    const hand = await fake.handInPlay(tableId);
    assert.equal(hand.hand!.number, 1);
    await ann.room.leave();
    await bob.room.leave();
  });

  it('when a player unregisters before the start then buy-in and fee come back and the field shrinks', async () => {
    const id = await createTournament(felt, sngBody(3));
    await actorRoom(id);
    const ann = await entrant(felt, id, 'Ann');
    await waitFor(ann.room, (s) => s.entrants === 1);
    assert.equal(await balance(ann.id), START - PRICE);

    const answer = await callFelt(felt, 'POST', `/api/tournaments/${id}/unregister`, { token: ann.token });
    const twice = await callFelt(felt, 'POST', `/api/tournaments/${id}/unregister`, { token: ann.token });

    assert.equal(answer.status, 200);
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'not_registered');
    await waitFor(ann.room, (s) => s.entrants === 0);
    assert.equal(await balance(ann.id), START);
    assert.equal((await felt.server.db.entries.latest(id, ann.id))!.status, 'unregistered');
    await ann.room.leave();
  });

  it('when a player without the money registers then the answer is insufficient_funds and nothing changes', async () => {
    const id = await createTournament(felt, sngBody(3, { buyIn: 20_000 }));
    await actorRoom(id);
    const poor = await entrant(felt, id, 'Poor', false);

    const answer = await callFelt(felt, 'POST', `/api/tournaments/${id}/register`, { token: poor.token });

    assert.equal(answer.status, 409);
    assert.equal(answer.body.code, 'insufficient_funds');
    assert.equal(await balance(poor.id), START);
    assert.equal((await actorRoom(id)).state.entrants, 0);
    assert.equal(await felt.server.db.entries.latest(id, poor.id), null);
    await poor.room.leave();
  });

  it('when the admin cancels a tournament then every entry is refunded and the room says cancelled', async () => {
    const id = await createTournament(felt, sngBody(3));
    await actorRoom(id);
    const ann = await entrant(felt, id, 'Ann');
    const bob = await entrant(felt, id, 'Bob');
    const admin = await adminLogin(felt);

    const answer = await callFelt(felt, 'POST', `/api/admin/tournaments/${id}/cancel`, { token: admin.token });

    assert.equal(answer.status, 200);
    assert.equal(answer.body.status, 'cancelled');
    await waitFor(ann.room, (s) => s.status === 'cancelled');
    for (let i = 0; i < 100 && (await felt.server.db.tournaments.get(id))!.status !== 'cancelled'; i++) await new Promise((r) => setTimeout(r, 20));
    await eventually(async () => (await balance(ann.id)) === START && (await balance(bob.id)) === START);
    assert.deepEqual((await felt.server.db.entries.list(id)).map((e) => e.status), ['refunded', 'refunded']);
    assert.equal((await felt.server.db.tournaments.get(id))!.status, 'cancelled');
    const again = await callFelt(felt, 'POST', `/api/admin/tournaments/${id}/cancel`, { token: admin.token });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'tournament_cancelled');
  });

  it('when a table reports the same hand twice then the second report changes nothing, and a bust ends the sit-and-go with the prize paid once', async function () {
    this.timeout(20_000);
    const id = await createTournament(felt, sngBody(2));
    await actorRoom(id);
    const ann = await entrant(felt, id, 'Ann');
    const bob = await entrant(felt, id, 'Bob');
    await Promise.all([ann.seated, bob.seated]);
    const table = await fake.handInPlay(`${id}-t1`);

    const first = await fake.endHand(table, { [ann.id]: 1_000, [bob.id]: 2_000 });
    await settled(id);
    const after = await (await actorRoom(id)).detail();
    const version = (await felt.server.db.tournaments.get(id))!.snapshotVersion;
    const repeated = await fake.report(table.tableId, first.report);
    await settled(id);

    assert.deepEqual(first.answer, { accepted: true });
    assert.deepEqual(repeated, { accepted: false });
    assert.deepEqual(await (await actorRoom(id)).detail(), after);
    assert.equal((await felt.server.db.tournaments.get(id))!.snapshotVersion, version);
    assert.deepEqual(after.standings.map((s) => [s.playerId, s.stack]), [[bob.id, 2_000], [ann.id, 1_000]]);

    const eliminated = nextMessage(ann.room, 'eliminated');
    const finished = nextMessage(bob.room, 'finished');
    const second = await fake.handInPlay(table.tableId);
    assert.equal(second.hand!.number, 2);
    await fake.endHand(second, { [ann.id]: 0, [bob.id]: 3_000 });

    assert.deepEqual(await eliminated, { place: 2, prize: 0 });
    const { standings } = await finished;
    assert.deepEqual(standings.map((s: any) => [s.playerId, s.place, s.prize]), [[bob.id, 1, 200], [ann.id, 2, null]]);
    await eventually(async () => (await balance(bob.id)) === START - PRICE + 200);
    await eventually(async () => (await felt.server.db.tournaments.get(id))!.status === 'finished');
    assert.equal(await balance(ann.id), START - PRICE);
    const places = (await felt.server.db.entries.list(id)).map((e) => [e.playerId, e.place, e.prize]).sort((a, b) => Number(a[1]) - Number(b[1]));
    assert.deepEqual(places, [[bob.id, 1, 200], [ann.id, 2, 0]]);
    assert.ok(fake.tables.get(table.tableId)!.closed, 'the table is closed');
    await eventually(async () => !matchMaker.getLocalRoomById(id) || (await felt.server.db.tournaments.get(id))!.ownerProcess === null);
    await ann.room.leave();
    await bob.room.leave();
  });

  it('when a table is broken after a bust then its players are moved to the other table and each is told the new seat there', async function () {
    this.timeout(20_000);
    const id = await createTournament(felt, sngBody(4, { tableSize: 3 }));
    await actorRoom(id);
    const players = [await entrant(felt, id, 'Ann'), await entrant(felt, id, 'Bob'), await entrant(felt, id, 'Cat'), await entrant(felt, id, 'Dan')];
    const seats = await Promise.all(players.map((p) => p.seated));
    const [first, second] = [`${id}-t1`, `${id}-t2`];
    assert.deepEqual(seats.map((s) => s.tableId).sort(), [first, first, second, second]);
    const later = players.map(() => [] as { tableId: string; seat: number }[]);
    players.forEach((p, i) => p.room.onMessage('seated', (seat: { tableId: string; seat: number }) => later[i].push(seat)));
    const [loser, winner] = players.filter((_, i) => seats[i].tableId === first);

    await fake.endHand(await fake.handInPlay(first), { [loser.id]: 0, [winner.id]: 3_000 });
    await fake.endHand(await fake.handInPlay(second), {});
    const broken = await fake.until(() => [first, second].find((tableId) => fake.tables.get(tableId)!.closed));
    const kept = broken === first ? second : first;
    await settled(id);

    const survivors = players.filter((p) => p !== loser);
    assert.deepEqual(fake.tables.get(kept)!.players().sort(), survivors.map((p) => p.id).sort());
    assert.equal(fake.tables.get(kept)!.chips(), 4 * 1500);
    const moved = players.map((p, i) => seats[i].tableId === broken && p !== loser);
    await eventually(async () => moved.every((was, i) => !was || later[i].length > 0));
    players.forEach((p, i) => {
      const wasBroken = seats[i].tableId === broken && p !== loser;
      assert.deepEqual(later[i].map((s) => s.tableId), wasBroken ? [kept] : [], `${i}: told the new seat only when moved`);
    });
    const detail = await (await actorRoom(id)).detail();
    assert.deepEqual(detail.tables, [{ tableId: kept, seated: 3 }]);
    for (const p of survivors) assert.equal(detail.standings.find((s) => s.playerId === p.id)!.tableId, kept);
    for (const p of players) await p.room.leave();
  });

  it('when a player rebuys during a hand then the price leaves the wallet at once and the chips reach the table when the hand is over', async function () {
    this.timeout(20_000);
    const id = await createTournament(felt, sngBody(3, { rebuy: { maxCount: 1, stackAtOrBelow: 1500, chips: 1000, price: 100 } }));
    await actorRoom(id);
    const players = [await entrant(felt, id, 'Ann'), await entrant(felt, id, 'Bob'), await entrant(felt, id, 'Cat')];
    await Promise.all(players.map((p) => p.seated));
    const table = await fake.handInPlay(`${id}-t1`);
    const ann = players[0];

    const answer = await callFelt(felt, 'POST', `/api/tournaments/${id}/rebuy`, { token: ann.token });
    const during = table.seats.find((seat) => seat?.playerId === ann.id)!.stack;
    await fake.endHand(table, {});
    await fake.until(() => table.added.size === 1 && table.hand !== null);
    await settled(id);

    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { tournamentId: id, playerId: ann.id, rebuys: 1 });
    assert.equal(during, 1500, 'no chips reach a table mid-hand');
    assert.equal(table.seats.find((seat) => seat?.playerId === ann.id)!.stack, 2500);
    assert.equal(await balance(ann.id), START - PRICE - 100);
    assert.equal((await (await actorRoom(id)).detail()).prizePool, 400);
    assert.deepEqual((await felt.server.db.entries.latest(id, ann.id))!.rebuys, 1);
    const twice = await callFelt(felt, 'POST', `/api/tournaments/${id}/rebuy`, { token: ann.token });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'rebuy_limit_reached');
    for (const p of players) await p.room.leave();
  });

  it('when a table does not answer then the call is tried again until it does, and the hand is dealt once', async function () {
    this.timeout(20_000);
    const id = await createTournament(felt, sngBody(2));
    await actorRoom(id);
    fake.failing.add('deal');
    try {
      const players = [await entrant(felt, id, 'Ann'), await entrant(felt, id, 'Bob')];
      await Promise.all(players.map((p) => p.seated));
      const tableId = `${id}-t1`;
      await fake.until(() => fake.calls.filter((c) => c.tableId === tableId && c.method === 'deal').length >= 3);
      assert.equal(fake.tables.get(tableId)!.hand, null);
      fake.failing.delete('deal');
      const table = await fake.handInPlay(tableId);
      await settled(id);
      assert.equal(table.hand!.number, 1);
      for (const p of players) await p.room.leave();
    } finally {
      fake.failing.delete('deal');
    }
  });

  it('when another process has taken the lease then the room stops, takes no money and the API answers 503 until the tournament runs again', async function () {
    this.timeout(20_000);
    const id = await createTournament(felt, sngBody(3));
    await actorRoom(id);
    const watcher = await felt.client().joinById(id, {});
    const gone = new Promise<number>((resolve) => watcher.onLeave(resolve));
    const ann = await entrant(felt, id, 'Ann', false);
    await felt.server.db.orm.em.fork().execute(`update "tournament" set "owner_process" = 'felt-other', "lease_until" = ? where "id" = ?`, [new Date(Date.now() + 3_600_000), id]);

    const answer = await callFelt(felt, 'POST', `/api/tournaments/${id}/register`, { token: ann.token });

    assert.equal(answer.status, 503);
    assert.equal(answer.body.code, 'tournament_unavailable');
    await gone;
    assert.equal(await balance(ann.id), START);
    assert.equal(await felt.server.db.entries.latest(id, ann.id), null);
    await eventually(async () => !matchMaker.getLocalRoomById(id));
    // The other process is gone too: its lease runs out and this one takes the tournament back.
    await felt.server.db.orm.em.fork().execute(`update "tournament" set "lease_until" = ? where "id" = ?`, [new Date(Date.now() - 1), id]);
    await actorRoom(id);
    const again = await callFelt(felt, 'POST', `/api/tournaments/${id}/register`, { token: ann.token });
    assert.equal(again.status, 201);
  });

  it('when the templates job opens a sit-and-go then its actor comes up and takes registrations', async () => {
    const template = await felt.server.db.tournamentTemplates.create({
      name: `Refilled ${Math.random().toString(36).slice(2, 8)}`, schedule: null, leadMinutes: 60, refill: true,
      definition: { kind: 'sng', variant: 'NT', buyIn: 50, fee: 5, startingStack: 1500, tableSize: 6, minEntrants: 3, maxEntrants: 3, levels: [{ smallBlind: 10, bigBlind: 20, ante: 0, seconds: 600 }] },
    });
    try {
      await felt.server.jobs.runDue(new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000));
      const [opened] = (await felt.server.db.tournaments.list({ templateId: template.id, limit: 10, offset: 0 })).items;
      assert.ok(opened, 'the job opened a tournament');
      await actorRoom(opened.id);
      const ann = await entrant(felt, opened.id, 'Ann');
      await waitFor(ann.room, (s) => s.entrants === 1);
      assert.equal(await balance(ann.id), START - 55);
      await ann.room.leave();
    } finally {
      await felt.server.db.tournamentTemplates.retire(template.id);
    }
  });

  it('when anyone watches without a token and sends the room a message then they see the state and the message is answered unknown_message', async () => {
    const id = await createTournament(felt, sngBody(3));
    await actorRoom(id);
    const watcher = await felt.client().joinById(id, {});
    const state = await waitFor(watcher, (s) => s.tournamentId === id && s);
    const refused = nextMessage(watcher, 'error');
    watcher.send('register', {});

    assert.deepEqual([state.name.startsWith('SNG'), state.status, state.maxEntrants, state.payouts.length], [true, 'registering', 3, 0]);
    assert.deepEqual(await refused, { code: 'unknown_message', message: '"register" is not a message this room understands: it only sends.', request: 'register' });
    await assert.rejects(felt.client().joinById(id, { token: 'not-a-token' }), /token is not valid/);
    await watcher.leave();
  });

  it('when the lobby lists rooms then a tournament room is among them with its listing', async () => {
    const id = await createTournament(felt, sngBody(3));
    await actorRoom(id);
    const lobby = await felt.client().join('lobby');
    const rooms = await nextMessage<any[]>(lobby, 'rooms');
    const listed = rooms.find((room) => room.roomId === id);
    assert.equal(listed?.name, 'tournament');
    assert.deepEqual([listed.metadata.tournamentId, listed.metadata.status, listed.metadata.entrants, listed.metadata.maxEntrants], [id, 'registering', 0, 3]);
    assert.ok(rooms.some((room) => room.name === 'table'), 'tables are listed too');
    const onlyTournaments = nextMessage<any[]>(lobby, 'rooms');
    lobby.send('filter', { name: 'tournament' });
    const filtered = await onlyTournaments;
    assert.ok(filtered.length > 0 && filtered.every((room) => room.name === 'tournament'));
    const changed = new Promise<any>((resolve) => lobby.onMessage('+', ([roomId, listing]: [string, any]) => {
      if (roomId === id && listing.metadata.entrants === 1) resolve(listing);
    }));
    const ann = await entrant(felt, id, 'Ann');
    assert.equal((await changed).metadata.entrants, 1);
    await ann.room.leave();
    await lobby.leave();
  });
});

async function eventually(test: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > until) throw new Error('it never happened');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
