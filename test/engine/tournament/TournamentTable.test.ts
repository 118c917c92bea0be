import assert from 'node:assert/strict';
import { IllegalActionError } from '../../../src/engine/errors.ts';
import { seededRandom } from '../../../src/engine/random.ts';
import type { DealerEvent } from '../../../src/engine/table/dealer-state.ts';
import { TournamentTable } from '../../../src/engine/tournament/TournamentTable.ts';
import type { TournamentDeal, TournamentTableSetup } from '../../../src/engine/tournament/state.ts';
import type { SeatInstruction } from '../../../src/tournaments/events.ts';

const SETUP: TournamentTableSetup = {
  tableId: 't1', name: 'Sunday — table 1', tournamentId: 'tour1', number: 1, variant: 'NT', maxSeats: 6,
  level: 1, stakes: { smallBlind: 10, bigBlind: 20, ante: 0 }, smallBet: 0, bigBet: 0,
  actionMs: 10_000, timeBankMs: 5_000, pauseMs: 1_000, reconnectMs: 30_000,
};

function table(seed = 1): TournamentTable {
  return TournamentTable.create(SETUP, seededRandom(seed));
}

function seat(playerId: string, seatNo: number, stack = 1_000): SeatInstruction {
  return { moveId: `m-${playerId}`, playerId, name: playerId.toUpperCase(), seat: seatNo, stack };
}

let clock = 0;
function order(handNumber: number, level = 1, smallBlind = 10, bigBlind = 20, ante = 0): TournamentDeal {
  return { handNumber, level, stakes: { smallBlind, bigBlind, ante }, smallBet: 0, bigBet: 0 };
}

function playerOnClock(t: TournamentTable): string {
  return t.state.info[t.actorSeat()]?.playerId ?? '';
}

function refusedWith(code: string): (error: unknown) => boolean {
  return (error) => error instanceof IllegalActionError && error.code === code;
}

/** Everyone to act checks when they can and folds otherwise, until the hand is over; returns its events. */
function foldOut(t: TournamentTable): DealerEvent[] {
  const events: DealerEvent[] = [];
  for (let i = 0; i < 50 && t.state.hand; i++) {
    const actor = playerOnClock(t);
    const canCheck = t.hand?.legalActions()?.check;
    events.push(...t.act(actor, { action: canCheck ? 'check' : 'fold' }, clock));
  }
  return events;
}

/** Deals hand `n` now (no pause has to pass) and returns the positions it was dealt with. */
function dealNow(t: TournamentTable, n: number, stakes?: TournamentDeal): { button: number; sb: number; bb: number; seats: number[] } {
  clock += 10_000;
  const { accepted } = t.deal(stakes ?? order(n), clock);
  assert.equal(accepted, true);
  assert.ok(t.state.hand, `hand ${n} was dealt`);
  const s = t.state.seating;
  return { button: s.button, sb: s.smallBlindSeat, bb: s.bigBlindSeat, seats: [...t.state.handSeats] };
}

function chipsOf(t: TournamentTable): number {
  return t.chipsOnTable();
}

describe('tournament table', () => {
  beforeEach(() => {
    clock = 0;
  });

  it('when seated by instructions then a repeated moveId seats nobody twice and every move is answered', () => {
    const t = table();
    const first = t.seatPlayers([seat('ann', 0), seat('bob', 2)], clock);
    assert.deepEqual(first.seated, ['m-ann', 'm-bob']);
    const version = t.state.version;
    const again = t.seatPlayers([seat('ann', 0), seat('bob', 2), seat('cat', 4)], clock);
    assert.deepEqual(again.seated, ['m-ann', 'm-bob', 'm-cat']);
    assert.equal(t.seatedCount(), 3);
    assert.ok(t.state.version > version);
    assert.equal(t.state.seating.seats[4]?.stack, 1_000);
  });

  it('when one seat instruction is bad then none is seated and the table is unchanged', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0)], clock);
    const before = JSON.stringify(t.state);
    assert.throws(() => t.seatPlayers([seat('bob', 1), seat('cat', 0)], clock), refusedWith('seat_taken'));
    assert.throws(() => t.seatPlayers([seat('bob', 1), { ...seat('dan', 3), stack: 0 }], clock), refusedWith('bad_stack'));
    assert.throws(() => t.seatPlayers([seat('bob', 9)], clock), refusedWith('bad_seat'));
    assert.throws(() => t.seatPlayers([{ ...seat('ann', 3), moveId: 'other' }], clock), refusedWith('already_seated'));
    assert.throws(() => t.seatPlayers([{ moveId: 'x' } as SeatInstruction], clock), refusedWith('bad_seating'));
    assert.equal(JSON.stringify(t.state), before);
  });

  it('when no order has come then no hand is dealt, and an order deals exactly one hand at its stakes', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0), seat('bob', 1), seat('cat', 2)], clock);
    assert.equal(t.nextDeadline(), 0);
    assert.deepEqual(t.tick(1_000_000), []);
    assert.equal(t.state.hand, null);
    const { accepted, events } = t.deal(order(1, 1, 25, 50), 5_000);
    assert.equal(accepted, true);
    assert.deepEqual(events.map((e) => e.type), ['handStarted']);
    assert.equal(t.state.handNumber, 1);
    assert.deepEqual(t.hand?.state.config.blindsOrStraddles.filter((b) => b > 0).sort((a, b) => a - b), [25, 50]);
    clock = 5_000;
    const ended = foldOut(t);
    assert.deepEqual(ended.map((e) => e.type), ['handComplete']);
    assert.equal(t.state.hand, null);
    assert.deepEqual(t.tick(10_000_000), []);
    assert.equal(t.state.hand, null, 'no second hand without a second order');
  });

  it('when an order repeats then it answers accepted false and deals nothing more', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0), seat('bob', 1)], clock);
    dealNow(t, 1);
    foldOut(t);
    const before = JSON.stringify(t.state);
    assert.equal(t.deal(order(1), clock + 50_000).accepted, false);
    assert.equal(JSON.stringify(t.state), before);
  });

  it('when a new level is ordered then the hand in play keeps its blinds and the next hand is dealt at the new ones', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0), seat('bob', 1), seat('cat', 2)], clock);
    dealNow(t, 1);
    assert.throws(() => t.deal(order(2, 2, 50, 100), clock), refusedWith('hand_in_play'));
    assert.equal(t.state.settings.stakes.bigBlind, 20);
    foldOut(t);
    dealNow(t, 2, order(2, 2, 50, 100));
    assert.equal(t.state.settings.stakes.bigBlind, 100);
    assert.equal(t.state.tournament.level, 2);
    assert.equal(Math.max(...(t.state.hand?.config.blindsOrStraddles ?? [])), 100);
  });

  it('when a hand ends then the next order waits the pause after it', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0), seat('bob', 1)], clock);
    dealNow(t, 1);
    const endedAt = clock;
    foldOut(t);
    t.deal(order(2), endedAt + 100);
    assert.equal(t.state.hand, null);
    assert.equal(t.nextDeadline(), endedAt + 1_000);
    assert.deepEqual(t.tick(endedAt + 999), []);
    assert.deepEqual(t.tick(endedAt + 1_000).map((e) => e.type), ['handStarted']);
  });

  it('when a hand ends then its report has every seat with its stack, the start stacks, the button and the blinds', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0, 500), seat('bob', 1, 700), seat('cat', 3, 900)], clock);
    const dealt = dealNow(t, 1);
    foldOut(t);
    const report = t.pendingReport;
    assert.ok(report);
    assert.equal(report.tableId, 't1');
    assert.equal(report.handNumber, 1);
    assert.deepEqual(report.startStacks, { ann: 500, bob: 700, cat: 900 });
    assert.equal(report.button, dealt.button);
    assert.equal(report.smallBlindSeat, dealt.sb);
    assert.equal(report.bigBlindSeat, dealt.bb);
    assert.deepEqual(report.seats.map((s) => s.playerId), ['ann', 'bob', 'cat']);
    assert.equal(report.seats.reduce((sum, s) => sum + s.stack, 0), 2_100);
    assert.deepEqual(report.seats.map((s) => s.stack), [0, 1, 3].map((i) => t.state.seating.seats[i]?.stack));
    t.reportAnswered(1);
    assert.equal(t.pendingReport, null);
  });

  it('when the next hand is ordered before the report was answered then the report is no longer pending', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0), seat('bob', 1)], clock);
    dealNow(t, 1);
    foldOut(t);
    assert.equal(t.pendingReport?.handNumber, 1);
    dealNow(t, 2);
    assert.equal(t.pendingReport, null);
  });

  it('when heads-up then the button posts the small blind and acts first before the flop', () => {
    const t = table();
    t.seatPlayers([seat('ann', 1), seat('bob', 4)], clock);
    for (let n = 1; n <= 3; n++) {
      const { button, sb, bb } = dealNow(t, n);
      assert.equal(sb, button, `hand ${n}: the button has the small blind`);
      assert.notEqual(bb, button);
      assert.equal(t.actorSeat(), button, `hand ${n}: the button acts first preflop`);
      const buttonIndex = t.handIndexOf(button);
      assert.equal(t.state.hand?.bets[buttonIndex], 10);
      foldOut(t);
    }
  });

  it('when players leave and arrive then the big blind moves one player a hand: nobody posts it twice running or skips it', () => {
    const t = table(3);
    t.seatPlayers([seat('a', 0), seat('b', 1), seat('c', 2), seat('d', 3)], clock);
    const bigBlinds: string[] = [];
    const bb = (): string => t.state.seating.seats[t.state.seating.bigBlindSeat]?.playerId ?? '';
    let n = 0;
    const play = (): void => {
      dealNow(t, ++n);
      bigBlinds.push(bb());
      foldOut(t);
    };
    play();
    play();
    // The player who had the big blind last leaves: the small blind is dead, the big blind goes on to the next player.
    const lastBig = bigBlinds.at(-1)!;
    const next = ['a', 'b', 'c', 'd'][(['a', 'b', 'c', 'd'].indexOf(lastBig) + 1) % 4];
    t.releasePlayer('move-away', lastBig);
    play();
    assert.equal(bigBlinds.at(-1), next);
    assert.equal(t.state.hand === null && t.pendingReport?.smallBlindSeat, ['a', 'b', 'c', 'd'].indexOf(lastBig), 'the small blind position is kept');
    assert.equal(lastBig, 'd', 'the first two big blinds were seats 2 and 3');
    // Play on until seat 2 has the big blind; a player arriving in the empty seat 3, just after it, gets the big blind next.
    for (let i = 0; i < 8 && t.state.seating.bigBlindSeat !== 2; i++) play();
    assert.equal(t.state.seating.bigBlindSeat, 2);
    t.seatPlayers([seat('e', 3)], clock);
    play();
    assert.equal(bigBlinds.at(-1), 'e');
    for (let i = 0; i < 6; i++) play();
    for (let i = 1; i < bigBlinds.length; i++) assert.notEqual(bigBlinds[i], bigBlinds[i - 1], `hands ${i} and ${i + 1}`);
    // Over a full orbit of the players seated now, each posts the big blind once.
    const seatedNow = t.state.info.filter(Boolean).length;
    const orbit = bigBlinds.slice(-seatedNow);
    assert.equal(new Set(orbit).size, seatedNow);
  });

  it('when going from three players to two then the big blind still moves on and heads-up order holds', () => {
    const t = table(5);
    t.seatPlayers([seat('a', 0), seat('b', 2), seat('c', 4)], clock);
    dealNow(t, 1);
    foldOut(t);
    const lastBig = t.state.seating.bigBlindSeat;
    const leaving = [0, 2, 4].find((s) => s !== lastBig && s !== (lastBig + 2) % 6)!;
    t.releasePlayer('m', t.state.info[leaving]!.playerId);
    const { button, sb, bb } = dealNow(t, 2);
    assert.notEqual(bb, lastBig);
    assert.equal(sb, button);
    assert.equal(t.actorSeat(), button);
  });

  it('when a newcomer sits between the button and the small blind then they wait one hand and are dealt the next', () => {
    const t = table(2);
    t.seatPlayers([seat('a', 0), seat('b', 1), seat('c', 2), seat('d', 4), seat('e', 5)], clock);
    let n = 0;
    // Deal until seat 2's player has the big blind, then take the seat 1 player (the small blind) away.
    for (let i = 0; i < 10; i++) {
      dealNow(t, ++n);
      foldOut(t);
      if (t.state.seating.bigBlindSeat === 2) break;
    }
    assert.equal(t.state.seating.bigBlindSeat, 2);
    // The last small blind's seat (1) is where the button goes next: a newcomer put there takes the button and is dealt in.
    t.releasePlayer('m-b-away', 'b');
    t.seatPlayers([seat('f', 1)], clock);
    const dealt = dealNow(t, ++n);
    assert.equal(dealt.button, 1);
    assert.ok(dealt.seats.includes(1), 'a newcomer on the button is dealt in');
    foldOut(t);
    // Now the small blind is seat 4 after button 2; seat 3 lies strictly between them.
    t.seatPlayers([seat('g', 3)], clock);
    const next = dealNow(t, ++n);
    assert.equal(next.button, 2);
    assert.equal(next.sb, 4);
    assert.ok(!next.seats.includes(3), 'seat 3 waits for the button to pass');
    foldOut(t);
    assert.equal(t.pendingReport?.seats.find((s) => s.playerId === 'g')?.stack, 1_000);
    assert.ok(!('g' in (t.pendingReport?.startStacks ?? {})));
    const after = dealNow(t, ++n);
    assert.ok(after.seats.includes(3), 'and is dealt the hand after');
  });

  it('when a player loses every chip then they leave the seat and the report lists them with 0', () => {
    for (let seed = 1; seed < 40; seed++) {
      const t = table(seed);
      t.seatPlayers([seat('ann', 0, 300), seat('bob', 1, 1_000)], clock);
      dealNow(t, 1);
      for (let i = 0; i < 10 && t.state.hand; i++) {
        const actor = playerOnClock(t);
        t.act(actor, { action: actor === 'ann' ? 'allin' : 'call' }, clock);
      }
      assert.equal(t.state.hand, null);
      const report = t.pendingReport!;
      assert.equal(report.seats.reduce((sum, s) => sum + s.stack, 0), 1_300);
      const ann = report.seats.find((s) => s.playerId === 'ann');
      if (ann?.stack !== 0) continue;
      assert.equal(t.seatOf('ann'), -1);
      assert.equal(t.seatedCount(), 1);
      assert.equal(chipsOf(t), 1_300);
      assert.throws(() => t.deal(order(2), clock), refusedWith('too_few_players'));
      return;
    }
    assert.fail('no seed busted ann');
  });

  it('when a player is away then they are dealt in, post their blind, and the clock folds them after their time bank', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0), seat('bob', 1), seat('cat', 2)], clock);
    t.sitOut('cat');
    assert.equal(t.state.seating.seats[2]?.sittingOut, true, 'shown as sitting out');
    const start = 100_000;
    t.deal(order(1, 1, 10, 20, 5), start);
    assert.ok(t.handIndexOf(2) >= 0, 'away, and dealt in');
    assert.ok(t.state.hand!.log.some((op) => op.type === 'ante' && op.player === t.handIndexOf(2) && op.amount === 5), 'the away player posted the ante');
    // Everyone before cat folds or checks; cat is then on the clock and never acts.
    for (let i = 0; i < 5 && t.state.hand && playerOnClock(t) !== 'cat'; i++) {
      const actor = playerOnClock(t);
      t.act(actor, { action: t.hand?.legalActions()?.check ? 'check' : 'call' }, start);
    }
    assert.equal(playerOnClock(t), 'cat');
    assert.equal(t.state.seating.bigBlindSeat, 2);
    assert.equal(t.state.hand!.bets[t.handIndexOf(2)], 20, 'the away player posted the big blind');
    assert.deepEqual(t.tick(start + 9_999), []);
    assert.equal(t.tick(start + 10_000).length, 0, 'the time bank starts');
    assert.equal(playerOnClock(t), 'cat');
    t.tick(start + 15_000);
    assert.notEqual(playerOnClock(t), 'cat');
    assert.ok(['fold', 'timeout'].includes(t.state.info[2]!.lastAction));
    assert.equal(t.state.info[2]!.timeBankMs, 0);
  });

  it('when a player times out then they are away until they act again', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0), seat('bob', 1)], clock);
    t.deal(order(1), 0);
    const actor = playerOnClock(t);
    t.tick(10_000);
    t.tick(15_000);
    const seatNo = t.seatOf(actor);
    assert.equal(t.state.info[seatNo]!.away, true);
    t.reportAnswered(1);
    t.deal(order(2), 100_000);
    for (let i = 0; i < 50 && t.state.hand && playerOnClock(t) !== actor; i++) {
      t.act(playerOnClock(t), { action: t.hand?.legalActions()?.check ? 'check' : 'call' }, 100_000);
    }
    if (t.state.hand) {
      t.act(actor, { action: t.hand?.legalActions()?.check ? 'check' : 'fold' }, 100_000);
      assert.equal(t.state.info[seatNo]!.away, false);
    }
  });

  it('when a player is released between hands then the stack is answered, and a repeat answers the same', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0, 800), seat('bob', 1), seat('cat', 2)], clock);
    assert.equal(t.releasePlayer('move-1', 'ann'), 800);
    assert.equal(t.seatOf('ann'), -1);
    const version = t.state.version;
    assert.equal(t.releasePlayer('move-1', 'ann'), 800);
    assert.equal(t.state.version, version);
    assert.throws(() => t.releasePlayer('move-1', 'bob'), refusedWith('move_mismatch'));
    assert.throws(() => t.releasePlayer('move-2', 'zed'), refusedWith('not_seated'));
    // A seat instruction of a move that has been released seats nobody again.
    t.seatPlayers([seat('ann', 0, 800)], clock);
    assert.equal(t.seatOf('ann'), -1);
  });

  it('when a player in the hand in play is released then it is refused until the hand is over', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0), seat('bob', 1), seat('cat', 2)], clock);
    dealNow(t, 1);
    assert.throws(() => t.releasePlayer('move-1', 'ann'), refusedWith('in_hand'));
    assert.throws(() => t.addChips('rebuy-1', 'ann', 500), refusedWith('in_hand'));
    foldOut(t);
    const stack = t.state.seating.seats[0]!.stack;
    assert.equal(t.releasePlayer('move-1', 'ann'), stack);
  });

  it('when chips are added then they join the stack once per key', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0, 800), seat('bob', 1)], clock);
    assert.equal(t.addChips('addon-ann', 'ann', 1_500), 2_300);
    assert.equal(t.addChips('addon-ann', 'ann', 1_500), 2_300);
    assert.equal(t.state.seating.seats[0]!.stack, 2_300);
    assert.throws(() => t.addChips('addon-ann', 'bob', 1_500), refusedWith('key_mismatch'));
    assert.throws(() => t.addChips('rebuy-bob', 'bob', 0), refusedWith('bad_amount'));
    assert.throws(() => t.addChips('rebuy-zed', 'zed', 10), refusedWith('not_seated'));
    // Seated during a hand they are not in: the chips wait for its end, and the answer counts them.
    t.deal(order(1), 0);
    t.seatPlayers([seat('cat', 3, 400)], 0);
    assert.equal(t.addChips('rebuy-cat', 'cat', 100), 500);
    foldOut(t);
    assert.equal(t.state.seating.seats[3]!.stack, 500);
    assert.equal(t.pendingReport?.seats.find((s) => s.playerId === 'cat')?.stack, 500);
  });

  it('when a player asks to sit, top up, leave or join a waiting list then it is refused with tournament_table', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0), seat('bob', 1)], clock);
    const before = JSON.stringify(t.state);
    assert.throws(() => t.verifySit('zed', 3, 100), refusedWith('tournament_table'));
    assert.throws(() => t.reserveBuyIn('zed', 'Zed', 3, 100), refusedWith('tournament_table'));
    assert.throws(() => t.verifyTopUp('ann', 100), refusedWith('tournament_table'));
    assert.throws(() => t.leave('ann', 0), refusedWith('tournament_table'));
    assert.throws(() => t.waitlist('zed', 'Zed', true, 0), refusedWith('tournament_table'));
    assert.throws(() => t.close(0), refusedWith('tournament_table'));
    assert.equal(JSON.stringify(t.state), before);
  });

  it('when an order is malformed or the table is closed then it is refused', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0), seat('bob', 1)], clock);
    assert.throws(() => t.deal({ ...order(1), handNumber: 0 }, 0), refusedWith('bad_order'));
    assert.throws(() => t.deal({ ...order(1), stakes: { smallBlind: 30, bigBlind: 20, ante: 0 } }, 0), (e: unknown) => e instanceof IllegalActionError);
    assert.equal(t.state.hand, null);
    t.closeTable();
    assert.equal(t.isClosed(), true);
    assert.equal(t.seatedCount(), 0);
    assert.throws(() => t.deal(order(1), 0), refusedWith('table_closed'));
    assert.throws(() => t.seatPlayers([seat('cat', 2)], 0), refusedWith('table_closed'));
  });

  it('when the table is closed during a hand then it is refused until the hand is over', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0), seat('bob', 1)], clock);
    dealNow(t, 1);
    assert.throws(() => t.closeTable(), refusedWith('hand_in_play'));
    foldOut(t);
    t.closeTable();
    assert.deepEqual(t.closeTable(), []);
    assert.equal(t.isClosed(), true);
  });

  it('when dealing is paused then an order waits and is dealt once dealing resumes', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0), seat('bob', 1)], clock);
    t.pauseDealing();
    t.deal(order(1), 0);
    assert.equal(t.state.hand, null);
    assert.equal(t.resumeDealing(10).map((e) => e.type).join(), 'handStarted');
  });

  it('when restored from its state then it answers as before and plays on', () => {
    const t = table();
    t.seatPlayers([seat('ann', 0), seat('bob', 1)], clock);
    dealNow(t, 1);
    const copy = TournamentTable.restore(JSON.parse(JSON.stringify(t.state)), seededRandom(9));
    assert.deepEqual(copy.seatPlayers([seat('ann', 0), seat('bob', 1)], clock).seated, ['m-ann', 'm-bob']);
    foldOut(copy);
    assert.equal(copy.pendingReport?.handNumber, 1);
    assert.equal(copy.deal(order(1), clock).accepted, false);
  });

  it('when many hands are played with random bets, busts, departures and arrivals then no chip appears or vanishes and nobody posts the big blind twice running', () => {
    let state = 7;
    const random = (n: number): number => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state % n;
    };
    const t = table(11);
    t.seatPlayers([seat('p0', 0, 400), seat('p1', 1, 300), seat('p2', 2, 500), seat('p3', 4, 200), seat('p4', 5, 600)], clock);
    let total = 2_000;
    let lastBig = '';
    let arrivals = 5;
    for (let n = 1; n <= 120 && t.seatedCount() >= 2; n++) {
      dealNow(t, n);
      const big = t.state.seating.seats[t.state.seating.bigBlindSeat]!.playerId;
      assert.notEqual(big, lastBig, `hand ${n}: the big blind moved on`);
      lastBig = big;
      for (let i = 0; i < 100 && t.state.hand; i++) {
        const legal = t.hand!.legalActions()!;
        const choice = random(10);
        const action = choice < 3 && legal.fold ? 'fold' : choice === 3 ? 'allin' : legal.check ? 'check' : 'call';
        const actor = playerOnClock(t);
        if (!t.hand || t.actorSeat() < 0) break;
        try {
          t.act(actor, { action }, clock);
        } catch (error) {
          if (!(error instanceof IllegalActionError)) throw error;
          t.act(actor, { action: legal.check ? 'check' : 'call' }, clock);
        }
      }
      assert.equal(t.state.hand, null, `hand ${n} ended`);
      const report = t.pendingReport!;
      assert.equal(report.seats.reduce((sum, s) => sum + s.stack, 0), total, `hand ${n}: every chip is on the table`);
      assert.equal(chipsOf(t), total);
      // Now and then a player leaves for another table and another arrives.
      if (random(4) === 0 && t.seatedCount() > 2) {
        const leaving = t.state.info.find((info) => info && random(2) === 0);
        if (leaving) total -= t.releasePlayer(`away-${n}`, leaving.playerId);
      }
      const empty = t.state.info.findIndex((info) => info === null);
      if (random(2) === 0 && empty >= 0) {
        t.seatPlayers([seat(`n${arrivals++}`, empty, 300)], clock);
        total += 300;
      }
    }
    assert.ok(t.state.handNumber > 20, 'enough hands were played');
  });
});
