import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchMaker } from '@colyseus/core';
import { Tournament } from '../../../src/tournaments/Tournament.ts';
import type { TournamentEvent } from '../../../src/tournaments/events.ts';
import { ADMIN_ENV } from '../../api/admin/felt-admin.ts';
import { sitAndGo } from '../../persistence/tournament-definitions.ts';
import { startFelt, type Felt } from '../../support/felt.ts';
import { FakeTournamentTables } from '../../support/fake-tournament-tables.ts';
import { actorRoom, createTournament, entrant, settled, sngBody } from './support.ts';

const START = 10_000;

/** The events of one type a command produced. */
function of<K extends TournamentEvent['type']>(events: TournamentEvent[], type: K): Extract<TournamentEvent, { type: K }>[] {
  return events.filter((e): e is Extract<TournamentEvent, { type: K }> => e.type === type);
}

async function eventually(test: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > until) throw new Error('it never happened');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('tournament room: restarts and crashes', function () {
  this.timeout(60_000);
  let dataDir: string;
  let fake: FakeTournamentTables;
  const running: Felt[] = [];

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'felt-troom-'));
    fake = new FakeTournamentTables();
  });

  afterEach(async () => {
    for (const felt of running.splice(0)) await felt.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function felt(options: { hostTournaments?: boolean } = {}): Promise<Felt> {
    const started = await startFelt(null, { ...ADMIN_ENV, FELT_DATA_DIR: dataDir }, { tournamentTables: () => fake, ...options });
    running.push(started);
    return started;
  }

  async function restart(old: Felt, options: { hostTournaments?: boolean } = {}): Promise<Felt> {
    await old.close();
    running.splice(running.indexOf(old), 1);
    return felt(options);
  }

  it('when the server restarts then each tournament comes back with its entries, its clock and its hand in play', async () => {
    const first = await felt();
    const live = await createTournament(first, sngBody(2));
    const waiting = await createTournament(first, sngBody(3));
    await actorRoom(live);
    await actorRoom(waiting);
    const [ann, bob, cat] = [await entrant(first, live, 'Ann'), await entrant(first, live, 'Bob'), await entrant(first, waiting, 'Cat')];
    await Promise.all([ann.seated, bob.seated]);
    const table = await fake.handInPlay(`${live}-t1`);
    await settled(live);
    await settled(waiting);
    const before = await (await actorRoom(live)).detail();
    for (const e of [ann, bob, cat]) await e.room.leave();

    const second = await restart(first);
    const liveRoom = await actorRoom(live);
    const waitingRoom = await actorRoom(waiting);
    await settled(live);
    const after = await liveRoom.detail();

    assert.equal(after.status, 'running');
    assert.deepEqual(after.standings, before.standings);
    assert.deepEqual([after.entrants, after.remaining, after.prizePool, after.level?.number], [2, 2, 200, 1]);
    assert.ok(after.level!.endsAt! >= before.level!.endsAt!, 'the time down is not charged to the level');
    assert.deepEqual((await waitingRoom.detail()).standings.map((s) => s.playerId), [cat.id]);
    assert.equal(waitingRoom.state.entrants, 1);
    // The hand dealt before the restart is the one the table reports after it.
    const { answer } = await fake.endHand(table, { [ann.id]: 1_400, [bob.id]: 1_600 });
    assert.deepEqual(answer, { accepted: true });
    const next = await fake.handInPlay(table.tableId);
    assert.equal(next.hand!.number, 2);
    assert.deepEqual([await second.server.db.ledger.balance('player', ann.id), await second.server.db.ledger.balance('player', cat.id)], [START - 110, START - 110]);
  });

  /**
   * A sit-and-go of Ann and Bob that Bob won, as the actor of a process that
   * died wrote it: the prize decided and in the snapshot, not paid (or, with
   * `paidAlready`, paid by the ledger but not yet marked paid in the state).
   */
  async function crashedWithPrizeOwed(host: Felt, paidAlready: boolean): Promise<{ id: string; ann: string; bob: string }> {
    const { db } = host.server;
    const ann = await host.guest('Ann');
    const bob = await host.guest('Bob');
    const record = await db.tournaments.create({ definition: sitAndGo({ name: `Crash ${paidAlready}`, minEntrants: 2, maxEntrants: 2 }) });
    const t = Tournament.create(record.id, record.definition, record.createdAt.getTime());
    let now = Date.now();
    let events: TournamentEvent[] = [];
    for (const [player, name] of [[ann.id, 'Ann'], [bob.id, 'Bob']] as const) {
      const ticket = t.register(player, name, now);
      await db.entries.register({ tournamentId: record.id, playerId: player, name, entryNo: ticket.entry, buyIn: ticket.buyIn, fee: ticket.fee });
      events = t.confirmRegistration(ticket, now);
    }
    for (const seating of of(events, 'seatPlayers')) for (const seat of seating.seats) events.push(...t.moveSeated(seat.moveId, now));
    const deal = of(events, 'deal')[0];
    const table = t.state.tables[0];
    const seatOf = (id: string) => table.seats.indexOf(id);
    now += 1_000;
    const ended = t.handEnded({
      tableId: deal.tableId, handNumber: deal.handNumber, startStacks: { [ann.id]: 1_500, [bob.id]: 1_500 },
      seats: [{ seat: seatOf(ann.id), playerId: ann.id, stack: 0 }, { seat: seatOf(bob.id), playerId: bob.id, stack: 3_000 }],
      button: seatOf(bob.id), smallBlindSeat: seatOf(bob.id), bigBlindSeat: seatOf(ann.id),
    }, now);
    const prize = of(ended, 'payPrize')[0];
    assert.equal(t.state.status, 'finished');
    assert.deepEqual([prize.playerId, prize.place, prize.amount], [bob.id, 1, record.definition.buyIn * 2]);
    if (paidAlready) await db.entries.payPrize({ tournamentId: record.id, playerId: bob.id, entryNo: prize.entry, place: 1, prize: prize.amount });
    assert.ok(await db.tournaments.claim(record.id, 'felt-dead', 1));
    await db.tournaments.setStatus(record.id, 'running', { owner: 'felt-dead' });
    assert.ok(await db.tournaments.saveSnapshot(record.id, t.state.version, t.state, 'felt-dead'));
    return { id: record.id, ann: ann.id, bob: bob.id };
  }

  it('when a process died between taking a buy-in and writing its state then the next actor confirms the entry the database has', async () => {
    const before = await felt({ hostTournaments: false });
    const { db } = before.server;
    const ann = await before.guest('Ann');
    const bob = await before.guest('Bob');
    const record = await db.tournaments.create({ definition: sitAndGo({ name: 'Half done', minEntrants: 3, maxEntrants: 3 }) });
    const t = Tournament.create(record.id, record.definition, record.createdAt.getTime());
    const first = t.register(ann.id, 'Ann', Date.now());
    await db.entries.register({ tournamentId: record.id, playerId: ann.id, name: 'Ann', entryNo: 1, buyIn: 100, fee: 10 });
    t.confirmRegistration(first, Date.now());
    assert.ok(await db.tournaments.claim(record.id, 'felt-dead', 1));
    assert.ok(await db.tournaments.saveSnapshot(record.id, t.state.version, t.state, 'felt-dead'));
    // Bob's buy-in is taken; the process dies before the state with his entry is written.
    await db.entries.register({ tournamentId: record.id, playerId: bob.id, name: 'Bob', entryNo: 1, buyIn: 100, fee: 10 });

    const after = await restart(before);
    const room = await actorRoom(record.id);
    await settled(record.id);

    assert.deepEqual((await room.detail()).standings.map((s) => s.name).sort(), ['Ann', 'Bob']);
    assert.equal(room.state.entrants, 2);
    assert.equal(room.state.prizePool, 200);
    const again = await fetch(`${after.url}/api/tournaments/${record.id}/register`, { method: 'POST', headers: { authorization: `Bearer ${bob.token}` } });
    assert.equal(again.status, 409);
    assert.equal(await after.server.db.ledger.balance('player', bob.id), START - 110);
  });

  it('when a tournament\'s snapshot has a format this Felt does not know then its actor is not opened and the tournament is left for a Felt that knows it', async () => {
    const before = await felt({ hostTournaments: false });
    const { db } = before.server;
    const record = await db.tournaments.create({ definition: sitAndGo({ name: 'From the future' }) });
    const t = Tournament.create(record.id, record.definition, record.createdAt.getTime());
    assert.ok(await db.tournaments.claim(record.id, 'felt-dead', 1));
    assert.ok(await db.tournaments.saveSnapshot(record.id, t.state.version, t.state, 'felt-dead'));
    await db.orm.em.fork().execute('update "tournament" set "format" = 99 where "id" = ?', [record.id]);

    const after = await restart(before);
    await eventually(async () => (await after.server.db.tournaments.get(record.id))!.ownerProcess === null);
    await new Promise((resolve) => setTimeout(resolve, 1_200));

    assert.equal(matchMaker.getLocalRoomById(record.id), undefined);
    assert.equal((await after.server.db.tournaments.get(record.id))!.ownerProcess, null);
    const ready = await fetch(`${after.url}/api/ready`);
    assert.equal(ready.status, 200, 'a refused snapshot does not hold readiness back');
  });

  for (const paidAlready of [false, true]) {
    it(`when a process died with a prize decided and ${paidAlready ? 'paid but not yet marked paid' : 'not paid'} then after the takeover it is paid exactly once`, async () => {
      const before = await felt({ hostTournaments: false });
      const { id, ann, bob } = await crashedWithPrizeOwed(before, paidAlready);
      const pool = 200;

      const after = await restart(before);
      await actorRoom(id).catch(() => null);
      await eventually(async () => (await after.server.db.tournaments.get(id))!.status === 'finished');
      await eventually(async () => (await after.server.db.tournaments.get(id))!.ownerProcess === null);

      const { db } = after.server;
      assert.equal(await db.ledger.balance('player', bob), START - 110 + pool);
      assert.equal(await db.ledger.balance('player', ann), START - 110);
      assert.equal(await db.ledger.balance('tournament', id), 0);
      const prizes = (await db.ledger.history('tournament', id, 50, 0)).filter((transfer) => transfer.reason === 'tournamentPrize');
      assert.equal(prizes.length, 1);
      const places = (await db.entries.list(id)).map((e) => [e.playerId, e.place, e.prize, e.status]).sort((a, b) => Number(a[1]) - Number(b[1]));
      assert.deepEqual(places, [[bob, 1, pool, 'finished'], [ann, 2, 0, 'eliminated']]);

      // Once more: a finished tournament is not run again, and nothing is paid twice.
      const third = await restart(after);
      assert.equal(await third.server.db.ledger.balance('player', bob), START - 110 + pool);
    });
  }
});
