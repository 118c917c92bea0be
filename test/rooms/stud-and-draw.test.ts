import assert from 'node:assert/strict';
import type { Room } from '@colyseus/sdk';
import type { HandState } from '../../src/engine/hand/state.ts';
import { parsePhh } from '../../src/engine/phh/parse.ts';
import { verifyPhh } from '../../src/engine/phh/replay.ts';
import type { TemplateInput } from '../../src/persistence/types.ts';
import { nextMessage, seatOf, startFelt, waitFor, leaveRooms, type Felt } from '../support/felt.ts';
import { playAnyGame, testRandom, toShowdown } from './game-play.ts';

const STUD: Partial<TemplateInput> = {
  variant: 'F7S', smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1, smallBet: 2, bigBet: 4, minBuyIn: 40, maxBuyIn: 200, maxSeats: 6,
};
const TRIPLE_DRAW: Partial<TemplateInput> = { variant: 'F2L3D', smallBlind: 1, bigBlind: 2, smallBet: 2, bigBet: 4, minBuyIn: 40, maxBuyIn: 200, maxSeats: 6 };

type Watch = { leaks: string[]; upCardsSeen: number; drewSeen: number; ownCards: number };

/**
 * Decodes every patch as one client sees it and notes any breach of the
 * privacy rules: another seat's hole cards or legal actions; counts the
 * others' up cards and draw counts it was shown, which every client may see.
 */
function watchPrivacy(room: Room, viewer: string): Watch {
  const watch: Watch = { leaks: [], upCardsSeen: 0, drewSeen: 0, ownCards: 0 };
  room.onStateChange((state: any) => {
    for (const seat of Object.values(state.toJSON().seats ?? {}) as any[]) {
      if (seat.playerId === viewer) {
        if ((seat.cards?.length ?? 0) > 0) watch.ownCards++;
        for (const card of seat.upCards ?? []) if (!(seat.cards ?? []).includes(card) && state.phase !== 'showdown') watch.leaks.push(`${viewer}'s up card ${card} is not among their cards`);
        continue;
      }
      if ((seat.cards?.length ?? 0) > 0) watch.leaks.push(`${viewer} saw ${seat.playerId}'s cards ${seat.cards}`);
      if (seat.legal && Object.values(seat.legal).some((value) => value === true)) watch.leaks.push(`${viewer} saw ${seat.playerId}'s options`);
      if ((seat.upCards?.length ?? 0) > 0) watch.upCardsSeen++;
      if ((seat.drew?.length ?? 0) > 0) watch.drewSeen++;
    }
  });
  return watch;
}

const ADMIN = { FELT_ADMIN_USERNAME: 'pit_boss', FELT_ADMIN_PASSWORD: 'correct-horse-9' };

/**
 * Every completed hand of a table as the admin API exports it
 * (`GET /api/admin/hands/:id/phh`), replayed as `npm run phh -- verify`
 * does: the reasons of those that do not verify.
 */
async function phhFailures(felt: Felt, tableId: string): Promise<{ hands: number; failures: string[] }> {
  const login = await fetch(`${felt.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: ADMIN.FELT_ADMIN_USERNAME, password: ADMIN.FELT_ADMIN_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const hands = await felt.server.db.hands.list({ tableId, limit: 100, offset: 0 });
  const failures: string[] = [];
  for (const hand of hands) {
    const answer = await fetch(`${felt.url}/api/admin/hands/${hand.id}/phh`, { headers: { authorization: `Bearer ${token}` } });
    const outcome = verifyPhh(parsePhh(await answer.text()));
    if (!outcome.ok) failures.push(`hand ${hand.handNumber}: ${outcome.reason}`);
  }
  return { hands: hands.length, failures };
}

/**
 * A player's own view of the table's hands (`/api/me/hands/:id`) and their
 * statistics: what of the others' hidden cards it names, and the hands counted for `variant`.
 */
async function historyOf(felt: Felt, token: string, playerId: string, variant: string): Promise<{ leaks: string[]; statsHands: number; hands: number }> {
  const get = async (path: string): Promise<any> => (await fetch(`${felt.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
  const list = await get('/api/me/hands?limit=20');
  const leaks: string[] = [];
  for (const summary of list.items) {
    const detail = await get(`/api/me/hands/${summary.handId}`);
    const record = await felt.server.db.hands.get(summary.handId);
    const state = record!.state as HandState;
    const mine = record!.playerIds.indexOf(playerId);
    for (const [player, view] of (detail.players as any[]).entries()) {
      if (player === mine || view.shown) continue;
      view.cards.forEach((card: string, k: number) => {
        if (card !== '??' && !state.holeUp[player][k]) leaks.push(`hand ${summary.handNumber}: ${view.playerId}'s down card ${card}`);
      });
    }
    for (const action of detail.actions as any[]) {
      if (action.type !== 'draw' || action.seat === detail.seat) continue;
      if ([...action.discarded, ...action.drawn].some((card: string) => card !== '??')) leaks.push(`hand ${summary.handNumber}: seat ${action.seat}'s draw`);
    }
  }
  const stats = await get('/api/me/stats');
  return { leaks, statsHands: stats.byVariant?.[variant]?.hands ?? 0, hands: list.items.length };
}

describe('stud and draw tables over the wire', function () {
  this.timeout(60_000);
  let felt: Felt;
  const rooms: Room[] = [];

  before(async () => {
    felt = await startFelt(null, ADMIN);
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

  it('when three players play stud to showdown then up cards are public, down cards reach only their owner on the wire and in the history, the hands count in the statistics, and they export as PHH that verifies', async () => {
    const tableId = await felt.openTable(STUD);
    const players = [await join(tableId, 'Ann'), await join(tableId, 'Bob'), await join(tableId, 'Cid')];
    const watcher = await join(tableId, 'Wat');
    const watches = [...players, watcher].map((p) => watchPrivacy(p.room, p.id));
    let completed = 0;
    // Ann completes the bring-in once when it is hers; everyone else brings in and calls down.
    playAnyGame(players[0].room, players[0].id, (legal, seat, state) => {
      if (legal.bringIn && completed === 0 && legal.minRaiseTo > 0) {
        completed++;
        return { type: 'act', message: { action: 'raise', amount: legal.minRaiseTo } };
      }
      return toShowdown(legal, seat, state);
    });
    for (const p of players.slice(1)) playAnyGame(p.room, p.id, toShowdown);
    for (const p of players) p.room.send('sit', { buyIn: 100 });

    const dealt = await waitFor(watcher.room, (state) => state.phase === 'third' && state.toAct >= 0 && state.toJSON());
    assert.equal(dealt.variant, 'F7S');
    assert.deepEqual([dealt.smallBlind, dealt.bigBlind, dealt.ante, dealt.bringIn, dealt.smallBet, dealt.bigBet], [0, 0, 1, 1, 2, 4]);
    assert.equal(dealt.button, -1, 'stud has no button');
    // A player whose buy-in was still being written when the first hand was dealt waits for the next one.
    const doors = (Object.values(dealt.seats) as any[]).map((seat) => seat.upCards.length);
    assert.ok(doors.filter((count) => count === 1).length >= 2 && doors.every((count) => count <= 1), 'each player dealt in shows one door card');

    const shown = await waitFor(watcher.room, (state) => {
      const seats = Object.values(state.toJSON().seats) as any[];
      return state.phase === 'showdown' && seats.filter((seat) => seat.shownCards.length === 7).length >= 2 && seats;
    }, 30_000);
    assert.ok(shown.some((seat: any) => seat.upCards.length === 4), 'four up cards by seventh street');
    for (const watch of watches) {
      assert.deepEqual(watch.leaks, []);
      assert.ok(watch.upCardsSeen > 0, 'others\' up cards were on the wire');
    }
    assert.ok(watches.slice(0, 3).every((watch) => watch.ownCards > 0), 'players saw their own cards');

    await waitFor(watcher.room, (state) => state.handNumber >= 3, 30_000);
    const { hands, failures } = await phhFailures(felt, tableId);
    assert.ok(hands >= 2);
    assert.deepEqual(failures, []);
    const history = await historyOf(felt, players[1].token, players[1].id, 'F7S');
    assert.ok(history.hands >= 2);
    assert.deepEqual(history.leaks, []);
    // The table plays on: the statistics, read after the list, may count a hand more.
    assert.ok(history.statsHands >= history.hands, 'every stud hand counts in the statistics');
  });

  it('when three players play triple draw to showdown then others see how many cards each drew, never which, on the wire and in the history, the hands count in the statistics, and they export as PHH that verifies', async () => {
    const tableId = await felt.openTable(TRIPLE_DRAW);
    const players = [await join(tableId, 'Ann'), await join(tableId, 'Bob'), await join(tableId, 'Cid')];
    const watcher = await join(tableId, 'Wat');
    const watches = [...players, watcher].map((p) => watchPrivacy(p.room, p.id));
    for (const p of players) playAnyGame(p.room, p.id, toShowdown);
    for (const p of players) p.room.send('sit', { buyIn: 100 });

    const drawing = await waitFor(players[0].room, (state) => {
      const seat = seatOf(state, players[0].id);
      return state.phase === 'draw1' && seat?.legal?.draw && seat;
    }, 20_000).catch(() => null);
    if (drawing) assert.equal(drawing.legal.maxDiscards, 5);

    const shown = await waitFor(watcher.room, (state) => {
      const seats = Object.values(state.toJSON().seats) as any[];
      return state.phase === 'showdown' && seats.filter((seat) => seat.shownCards.length === 5).length >= 2 && seats;
    }, 30_000);
    for (const seat of shown) {
      if (seat.shownCards.length === 5) assert.equal(seat.drew.length, 3, 'a player who reached showdown drew three times');
    }
    for (const watch of watches) {
      assert.deepEqual(watch.leaks, []);
      assert.ok(watch.drewSeen > 0, 'others\' draw counts were on the wire');
    }
    await waitFor(watcher.room, (state) => state.handNumber >= 3, 30_000);
    const { hands, failures } = await phhFailures(felt, tableId);
    assert.ok(hands >= 2);
    assert.deepEqual(failures, []);
    const history = await historyOf(felt, players[1].token, players[1].id, 'F2L3D');
    assert.ok(history.hands >= 2);
    assert.deepEqual(history.leaks, []);
    assert.ok(history.statsHands >= history.hands, 'every draw hand counts in the statistics');
  });

  it('when a draw names a card not held, comes out of turn, or is sent at a stud table then it is refused with its code and nothing changes', async () => {
    const drawTable = await felt.openTable(TRIPLE_DRAW);
    const a = await join(drawTable, 'Ann');
    const b = await join(drawTable, 'Bob');
    a.room.send('sit', { buyIn: 100 });
    b.room.send('sit', { buyIn: 100 });
    // Heads-up the button (small blind) acts first before the draw; the big blind draws first.
    const turn = await waitFor(a.room, (state) => state.phase === 'predraw' && state.toAct >= 0 && state.toJSON());
    const mover = seatOf(a.room.state, a.id).seat === turn.toAct ? a : b;
    const other = mover === a ? b : a;
    other.room.send('draw', { discard: [] });
    assert.equal((await nextMessage(other.room, 'error')).code, 'no_draw');
    mover.room.send('act', { action: 'call' });
    await waitFor(other.room, (state) => state.toAct === seatOf(state, other.id).seat && seatOf(state, other.id).legal?.check);
    other.room.send('act', { action: 'check' });
    const drawer = await waitFor(a.room, (state) => state.phase === 'draw1' && state.toAct >= 0 && state.toAct);
    const seats = [a, b];
    const drawing = seats.find((p) => seatOf(p.room.state, p.id).seat === drawer)!;
    const waiting = seats.find((p) => p !== drawing)!;
    await waitFor(drawing.room, (state) => seatOf(state, drawing.id)?.legal?.draw);
    const mine: string[] = seatOf(drawing.room.state, drawing.id).cards;
    const notMine = ['2c', '3c', '4c', '5c', '6c', '7c'].find((card) => !mine.includes(card))!;
    drawing.room.send('draw', { discard: [notMine] });
    assert.equal((await nextMessage(drawing.room, 'error')).code, 'not_your_cards');
    waiting.room.send('draw', { discard: [] });
    assert.equal((await nextMessage(waiting.room, 'error')).code, 'not_your_turn');
    drawing.room.send('draw', { discard: ['Zz'] });
    assert.equal((await nextMessage(drawing.room, 'error')).code, 'bad_message');
    assert.deepEqual(seatOf(drawing.room.state, drawing.id).cards, mine, 'the hand is unchanged');

    drawing.room.send('draw', { discard: [mine[0], mine[1]] });
    const after = await waitFor(waiting.room, (state) => {
      const seat = seatOf(state, drawing.id);
      return seat.drew.length === 1 && seat;
    });
    assert.deepEqual(after.drew, [2]);
    assert.equal(after.lastAction, 'draw 2');
    assert.equal(after.cards?.length ?? 0, 0, 'the other player sees no card of it');
    const own = await waitFor(drawing.room, (state) => seatOf(state, drawing.id).drew.length === 1 && seatOf(state, drawing.id).cards);
    assert.equal(own.length, 5);
    assert.ok(!own.includes(mine[0]) && !own.includes(mine[1]), 'the discards are gone from the hand');

    const studTable = await felt.openTable(STUD);
    const c = await join(studTable, 'Cid');
    c.room.send('draw', { discard: [] });
    assert.equal((await nextMessage(c.room, 'error')).code, 'not_a_draw_game');
  });

  for (const game of [
    STUD,
    { ...STUD, variant: 'F7S/8' },
    { ...STUD, variant: 'FR' },
    { variant: 'N2L1D', smallBlind: 1, bigBlind: 2, minBuyIn: 40, maxBuyIn: 200 },
    TRIPLE_DRAW,
    { ...TRIPLE_DRAW, variant: 'FB' },
  ]) {
    it(`when the load-test bots play ${game.variant} then complete hands are dealt and every chip stays on the table`, async () => {
      const tableId = await felt.openTable(game);
      const a = await join(tableId, 'Ann');
      const b = await join(tableId, 'Bob');
      playAnyGame(a.room, a.id, undefined, testRandom(1));
      playAnyGame(b.room, b.id, undefined, testRandom(2));
      a.room.send('sit', { buyIn: 100 });
      b.room.send('sit', { buyIn: 100 });
      const state = await waitFor(a.room, (s) => s.handNumber >= 4 && s.toJSON(), 30_000);
      assert.equal(state.variant, game.variant);
      const seats = Object.values(state.seats) as any[];
      const pot = (state.pots as any[]).reduce((sum, p) => sum + p.amount, 0);
      assert.equal(seats.reduce((sum, seat) => sum + seat.stack, 0) + pot <= 200, true);
      const records = await felt.server.db.hands.list({ tableId, limit: 10, offset: 0 });
      assert.ok(records.length >= 3 && records.every((record) => record.variant === game.variant));
    });
  }
});
