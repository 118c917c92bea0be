import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { matchMaker, Room as ServerRoom } from '@colyseus/core';
import type { Room } from '@colyseus/sdk';
import { BACKENDS } from '../persistence/databases.ts';
import { nextMessage, seatOf, startFelt, waitFor, waitForDurable, leaveRooms, type Felt } from '../support/felt.ts';
import { eventually, joinWhenBack } from '../support/hand-in-play.ts';
import type { HandEndedReport } from '../../src/tournaments/tournament-host.ts';
import type { DealOrder } from '../../src/tournaments/tournament-table-host.ts';
import type { TournamentTableSettings } from '../../src/persistence/types.ts';

/**
 * The tournament's side, as small as the table needs: a `tournament` room
 * that records every report it gets and, when told to, orders the next hand
 * back through `remoteRoomCall`, as the actor does.
 */
class FakeTournament extends ServerRoom {
  reports: HandEndedReport[] = [];
  /** Order the next hand after each report, up to this hand number. */
  dealUpTo = 0;

  override onCreate(options: { tournamentId: string }): void {
    this.roomId = options.tournamentId;
    this.autoDispose = false;
  }

  async handEnded(report: HandEndedReport): Promise<{ accepted: boolean }> {
    const fresh = !this.reports.some((r) => r.tableId === report.tableId && r.handNumber === report.handNumber);
    if (fresh) this.reports.push(report);
    if (fresh && report.handNumber < this.dealUpTo) {
      setImmediate(() => void matchMaker.remoteRoomCall(report.tableId, 'deal', [order(report.handNumber + 1)]));
    }
    return { accepted: fresh };
  }
}

function order(handNumber: number): DealOrder {
  return { handNumber, level: 1, stakes: { smallBlind: 10, bigBlind: 20, ante: 0 }, smallBet: 0, bigBet: 0 };
}

const SETTINGS: TournamentTableSettings = {
  variant: 'NT', maxSeats: 6, number: 1, stakes: { smallBlind: 10, bigBlind: 20, ante: 0 }, smallBet: 0, bigBet: 0,
  actionSeconds: 20, timeBankSeconds: 0,
};

async function openTournament(): Promise<{ tournamentId: string; tournament: FakeTournament }> {
  matchMaker.defineRoomType('tournament', FakeTournament);
  const tournamentId = `tour-${randomUUID()}`;
  await matchMaker.createRoom('tournament', { tournamentId });
  return { tournamentId, tournament: matchMaker.getLocalRoomById(tournamentId) as unknown as FakeTournament };
}

function fakeOf(tournamentId: string): FakeTournament {
  return matchMaker.getLocalRoomById(tournamentId) as unknown as FakeTournament;
}

/** A tournament table row; resolves once its room is open (the table ownership opens it, as it opens cash tables). */
async function openTournamentTable(felt: Felt, tournamentId: string): Promise<string> {
  const tableId = `tt-${randomUUID()}`;
  await felt.server.db.tables.create({ id: tableId, tournamentId, settings: SETTINGS, name: 'Test tournament — table 1' });
  await eventually(async () => (await matchMaker.query({ name: 'table', roomId: tableId })).length > 0, 10_000, `table ${tableId} to open`);
  return tableId;
}

function call<T = any>(tableId: string, method: string, args: unknown[]): Promise<T> {
  return matchMaker.remoteRoomCall(tableId, method, args) as Promise<T>;
}

type Guest = { token: string; id: string; name: string };

for (const backend of BACKENDS) {
  describe(`tournament table room [${backend.label}]`, function () {
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

    async function guests(...names: string[]): Promise<Guest[]> {
      return Promise.all(names.map(async (name) => ({ ...(await felt.guest(name)), name })));
    }

    async function join(tableId: string, guest: Guest): Promise<Room> {
      const room = await felt.client().joinById(tableId, { token: guest.token });
      rooms.push(room);
      return room;
    }

    function seats(players: Guest[], stack = 1_000): unknown[] {
      return players.map((p, i) => ({ moveId: `seat-${p.id}`, playerId: p.id, name: p.name, seat: i * 2, stack }));
    }

    it('when the tournament seats players and orders a hand then they play it, see the tournament, and its report arrives with their stacks', async () => {
      const { tournamentId, tournament } = await openTournament();
      const tableId = await openTournamentTable(felt, tournamentId);
      const [ann, bob] = await guests('Ann', 'Bob');
      assert.deepEqual(await call(tableId, 'seatPlayers', [seats([ann, bob])]), { seated: [`seat-${ann.id}`, `seat-${bob.id}`] });
      assert.deepEqual(await call(tableId, 'seatPlayers', [seats([ann, bob])]), { seated: [`seat-${ann.id}`, `seat-${bob.id}`] }, 'a repeat seats nobody twice');
      const a = await join(tableId, ann);
      const b = await join(tableId, bob);
      await waitFor(a, (state) => state.tournamentId === tournamentId && seatOf(state, bob.id)?.stack === 1_000);
      const listed = (await (await fetch(`${felt.url}/api/tables`)).json()) as { tableId: string }[];
      assert.ok(!listed.some((table) => table.tableId === tableId), 'GET /api/tables lists cash tables only');
      const lobby = await felt.client().join('lobby');
      rooms.push(lobby);
      const lobbyRooms = await nextMessage<{ roomId: string }[]>(lobby, 'rooms');
      assert.ok(lobbyRooms.length > 0 && !lobbyRooms.some((room) => room.roomId === tableId), 'the lobby lists cash tables only');

      const refused = nextMessage(a, 'error');
      a.send('sit', { buyIn: 100 });
      assert.equal((await refused).code, 'tournament_table');
      const noTopUp = nextMessage(b, 'error');
      b.send('topUp', { amount: 100 });
      assert.equal((await noTopUp).code, 'tournament_table');

      tournament.dealUpTo = 2;
      assert.deepEqual(await call(tableId, 'deal', [order(1)]), { accepted: true });
      assert.deepEqual(await call(tableId, 'deal', [order(1)]), { accepted: false });
      const live = await waitFor(a, (state) => state.handNumber === 1 && state.toAct >= 0 && { toAct: state.toAct as number });
      const folder = seatOf(a.state, ann.id).seat === live.toAct ? { guest: ann, room: a } : { guest: bob, room: b };
      const winner = folder.guest === ann ? bob : ann;
      // Hole cards stay private as at a cash table: each sees only their own.
      await waitFor(folder.room, (state) => seatOf(state, folder.guest.id)?.cards?.length === 2);
      assert.equal(seatOf(folder.room.state, winner.id).cards?.length ?? 0, 0);
      folder.room.send('act', { action: 'fold' });

      const report = await eventually(async () => tournament.reports[0], 10_000, 'the report of hand 1');
      assert.equal(report.tableId, tableId);
      assert.equal(report.handNumber, 1);
      assert.deepEqual(report.startStacks, { [ann.id]: 1_000, [bob.id]: 1_000 });
      const stacks = Object.fromEntries(report.seats.map((s) => [s.playerId, s.stack]));
      assert.deepEqual(stacks, { [folder.guest.id]: 990, [winner.id]: 1_010 }, 'the button folded its small blind heads-up');
      assert.equal(report.smallBlindSeat, report.button);
      // The tournament ordered hand 2 when it had the report.
      await waitFor(a, (state) => state.handNumber === 2 && state.toAct >= 0);
      assert.equal(a.state.smallBlind, 10);
    });

    it('when the tournament releases a player between hands and tells them where they go then they get moved, and the chips leave with them once', async () => {
      const { tournamentId, tournament } = await openTournament();
      const tableId = await openTournamentTable(felt, tournamentId);
      const [ann, bob, cat] = await guests('Ann', 'Bob', 'Cat');
      await call(tableId, 'seatPlayers', [seats([ann, bob, cat], 1_500)]);
      const c = await join(tableId, cat);
      await call(tableId, 'deal', [order(1)]);
      await waitFor(c, (state) => state.handNumber === 1 && state.toAct >= 0);
      const inHand = await call(tableId, 'releasePlayer', ['move-cat', cat.id]);
      assert.equal(inHand.refused?.code, 'in_hand');
      // Everyone folds to the big blind; the clock is not waited for.
      const players = [ann, bob, cat];
      const others = await Promise.all([ann, bob].map((p) => join(tableId, p)));
      const roomOf = (id: string): Room => [others[0], others[1], c][players.findIndex((p) => p.id === id)];
      for (let i = 0; i < 3 && tournament.reports.length === 0; i++) {
        const state = await waitFor(c, (s) => (s.toAct >= 0 || s.handNumber !== 1 || s.phase !== 'preflop') && { toAct: s.toAct as number });
        if (state.toAct < 0) break;
        const actor = players.find((p) => seatOf(c.state, p.id)?.seat === state.toAct)!;
        roomOf(actor.id).send('act', { action: 'fold' });
        await waitFor(c, (s) => s.toAct !== state.toAct);
      }
      const report = await eventually(async () => tournament.reports[0], 10_000, 'the report of hand 1');
      const catStack = report.seats.find((s) => s.playerId === cat.id)!.stack;
      const moved = nextMessage(c, 'moved');
      assert.deepEqual(await call(tableId, 'releasePlayer', ['move-cat', cat.id]), { stack: catStack });
      assert.deepEqual(await call(tableId, 'releasePlayer', ['move-cat', cat.id]), { stack: catStack }, 'a repeat answers the same stack');
      assert.deepEqual(await call(tableId, 'tellMoved', [cat.id, 'table-two', 4]), { told: true });
      assert.deepEqual(await moved, { tableId: 'table-two', seat: 4 });
      await waitFor(c, (state) => !seatOf(state, cat.id));
      // Back at the old table, they are told again where they sit now.
      const again = await join(tableId, cat);
      assert.deepEqual(await nextMessage(again, 'moved'), { tableId: 'table-two', seat: 4 });
      assert.deepEqual(await call(tableId, 'addChips', ['addon-ann', ann.id, 500]), { stack: report.seats.find((s) => s.playerId === ann.id)!.stack + 500 });
      assert.deepEqual(await call(tableId, 'addChips', ['addon-ann', ann.id, 500]), { stack: report.seats.find((s) => s.playerId === ann.id)!.stack + 500 });
    });

    it('when the tournament closes its table then the room goes and the row is closed; a cash table refuses the tournament\'s calls', async () => {
      const { tournamentId } = await openTournament();
      const tableId = await openTournamentTable(felt, tournamentId);
      const [ann, bob] = await guests('Ann', 'Bob');
      await call(tableId, 'seatPlayers', [seats([ann, bob])]);
      assert.deepEqual(await call(tableId, 'closeTable', []), { closed: true });
      await eventually(async () => (await felt.server.db.tables.get(tableId))?.status === 'closed', 10_000, 'the row to close');
      await eventually(async () => (await matchMaker.query({ name: 'table', roomId: tableId })).length === 0, 10_000, 'the room to go');

      const cashTable = await felt.openTable();
      const answer = await call(cashTable, 'deal', [order(1)]);
      assert.equal(answer.refused?.code, 'not_tournament_table');
      const another = await openTournamentTable(felt, tournamentId);
      const bad = await call(another, 'deal', [{ handNumber: 'x' }]);
      assert.equal(bad.refused?.code, 'bad_order');
    });
  });
}

describe('tournament table room across a restart', function () {
  this.timeout(90_000);

  it('when the table restarts mid-hand then the hand goes on where it was, and after another restart its unanswered report reaches the tournament once it runs', async () => {
    const backend = BACKENDS[0];
    let felt = await startFelt(backend, { FELT_DRAIN_MS: '0', FELT_JWT_SECRET: 'tournament-table-restart-secret-0123456789abcdef' });
    const { env } = felt;
    const restart = async (): Promise<void> => {
      await waitForDurable(felt.url);
      await felt.server.close();
      felt = await startFelt(backend, env);
    };
    try {
      const { tournamentId } = await openTournament();
      const tableId = await openTournamentTable(felt, tournamentId);
      const [ann, bob] = await Promise.all(['Ann', 'Bob'].map(async (name) => ({ ...(await felt.guest(name)), name })));
      await call(tableId, 'seatPlayers', [[ann, bob].map((p, i) => ({ moveId: `seat-${p.id}`, playerId: p.id, name: p.name, seat: i, stack: 1_000 }))]);
      const a = await felt.client().joinById(tableId, { token: ann.token });
      await call(tableId, 'deal', [order(1)]);
      const before = await waitFor(a, (state) => state.handNumber === 1 && state.toAct >= 0 && { toAct: state.toAct as number });
      await a.leave(true);
      await restart();

      // No tournament room runs now: the table comes back and plays on all the same.
      const players = await Promise.all([ann, bob].map((p) => joinWhenBack(felt.url, tableId, p.token, 15_000)));
      const back = await waitFor(players[0], (state) => state.handNumber === 1 && state.toAct >= 0 && { toAct: state.toAct as number });
      assert.equal(back.toAct, before.toAct);
      assert.equal(players[0].state.tournamentId, tournamentId);
      const actor = seatOf(players[0].state, ann.id).seat === back.toAct ? 0 : 1;
      players[actor].send('act', { action: 'fold' });
      await waitFor(players[0], (state) => state.toAct < 0 && state.phase !== 'preflop');
      for (const room of players) await room.leave(true).catch(() => undefined);
      await restart();

      // The tournament runs again: the report nobody answered, restored with the table, reaches it.
      matchMaker.defineRoomType('tournament', FakeTournament);
      await matchMaker.createRoom('tournament', { tournamentId });
      const report = await eventually(async () => fakeOf(tournamentId).reports[0], 20_000, 'the report of hand 1');
      assert.equal(report.handNumber, 1);
      assert.deepEqual(report.startStacks, { [ann.id]: 1_000, [bob.id]: 1_000 });
      const stacks = report.seats.map((s) => s.stack).sort((x, y) => x - y);
      assert.deepEqual(stacks, [990, 1_010], 'the button folded its small blind');
    } finally {
      await felt.close();
      rmSync(env.FELT_DATA_DIR, { recursive: true, force: true });
    }
  });
});
