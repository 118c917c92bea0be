import assert from 'node:assert/strict';
import { CashTable } from '../../../../src/engine/cash/CashTable.ts';
import type { TableOptions } from '../../../../src/engine/cash/options/table-options.ts';
import type { CashTableSettings } from '../../../../src/engine/cash/settings.ts';
import type { CashTableEvent } from '../../../../src/engine/cash/state.ts';
import { IllegalActionError } from '../../../../src/engine/errors.ts';
import { HandPhase } from '../../../../src/engine/hand/state.ts';
import { exportPhh } from '../../../../src/engine/phh/export.ts';
import { verifyPhh } from '../../../../src/engine/phh/replay.ts';
import { seededRandom } from '../../../../src/engine/random.ts';
import { rotationEntries } from '../../../../src/engine/table/rotation.ts';

const SETTINGS: CashTableSettings = {
  variant: 'NT', stakes: { smallBlind: 1, bigBlind: 2, ante: 0 }, smallBet: 0, bigBet: 0,
  minBuyIn: 40, maxBuyIn: 200, maxSeats: 6, actionMs: 10_000, timeBankMs: 5_000,
  pauseMs: 1_000, reconnectMs: 20_000, standUpMs: 60_000, maxTimeouts: 2, offerMs: 15_000, maxRunouts: 1,
};

function table(options: Partial<TableOptions> = {}, seed = 1): CashTable {
  return CashTable.create('t1', 'Test', { ...SETTINGS, options }, seededRandom(seed));
}

const PLAYERS = ['ann', 'bob', 'cat', 'dan', 'eve'];

function seat(t: CashTable, count: number): void {
  for (let i = 0; i < count; i++) t.sit(PLAYERS[i], PLAYERS[i], i, 100, 0);
}

function onClock(t: CashTable): string {
  return t.state.info[t.actorSeat()]?.playerId ?? '';
}

const refused = (code: string) => (error: unknown): boolean => error instanceof IllegalActionError && error.code === code;

/** Everyone goes all in: the one on the clock shoves, the rest call. */
function allIn(t: CashTable, now: number): CashTableEvent[] {
  const events: CashTableEvent[] = [];
  let first = true;
  while (t.actorSeat() >= 0) {
    events.push(...t.act(onClock(t), { action: first ? 'allin' : 'call' }, now));
    first = false;
  }
  return events;
}

function completed(events: CashTableEvent[]) {
  const done = events.find((e) => e.type === 'handComplete');
  assert.ok(done && done.type === 'handComplete', `the hand ended: ${events.map((e) => e.type).join(', ')}`);
  return done;
}

describe('cash table options', () => {
  describe('off by default', () => {
    it('when a table has no options and players ask for a straddle, a bomb pot or a second runout then each is refused with its code and nothing changes', () => {
      const t = table();
      seat(t, 2);
      t.tick(1_000);
      const before = JSON.stringify(t.state);
      assert.throws(() => t.straddle('ann', true), refused('straddles_off'));
      assert.throws(() => t.bombPotVote('ann', true), refused('bomb_pot_vote_off'));
      assert.throws(() => t.runItTwice('ann', true, 1_500), refused('run_it_twice_off'));
      assert.equal(JSON.stringify(t.state), before);
    });

    it('when two players are all in at a table without run it twice then the board runs once without asking', () => {
      const t = table();
      seat(t, 2);
      t.tick(1_000);
      const done = completed(allIn(t, 1_200));
      assert.equal(done.hand.boards.length, 1);
      assert.equal(done.hand.boards[0].length, 5);
    });
  });

  describe('run it twice', () => {
    it('when both players all in agree then the board runs twice, each pot is split per board, chips are conserved and the PHH replays', () => {
      for (let seed = 1; seed <= 6; seed++) {
        const t = table({ runItTwice: true }, seed);
        seat(t, 2);
        t.tick(1_000);
        const chips = t.chipsOnTable();
        assert.deepEqual(allIn(t, 1_200), []);
        assert.equal(t.state.hand?.phase, HandPhase.runoutVote, 'the players are asked');
        assert.equal(t.state.actionDeadline, 1_200 + SETTINGS.actionMs, 'the question is on the clock');
        assert.deepEqual(t.runItTwice('ann', true, 1_300), [], 'one answer is not enough');
        assert.throws(() => t.runItTwice('ann', false, 1_300), refused('already_answered'));
        const done = completed(t.runItTwice('bob', true, 1_400));
        assert.equal(done.hand.runouts, 2);
        assert.equal(done.hand.boards.length, 2);
        for (const board of done.hand.boards) assert.equal(board.length, 5);
        assert.equal(new Set([...done.hand.boards[0], ...done.hand.boards[1]]).size, 10, 'no board card is dealt twice (no shared cards preflop)');
        assert.equal(t.chipsOnTable(), chips, 'every chip is still on the table');
        assert.equal(done.hand.stacks.reduce((a, b) => a + b, 0), 200);
        const perBoard = [0, 1].map((board) => done.hand.log.reduce((sum, op) => sum + (op.type === 'award' && op.board === board ? op.amount : 0), 0));
        assert.deepEqual(perBoard, [100, 100], 'the pot of 200 is split evenly between the two boards');
        const doc = exportPhh(done.hand);
        assert.equal(doc.user_defined._runouts, 2);
        assert.deepEqual(verifyPhh(doc), { ok: true, repairs: 0 });
      }
    });

    it('when one player says no then the board runs once at once', () => {
      const t = table({ runItTwice: true });
      seat(t, 2);
      t.tick(1_000);
      allIn(t, 1_200);
      const done = completed(t.runItTwice('bob', false, 1_300));
      assert.equal(done.hand.boards.length, 1);
      assert.equal(done.hand.runouts, 1);
    });

    it('when nobody answers before the clock runs out then the answer is no and the board runs once', () => {
      const t = table({ runItTwice: true });
      seat(t, 2);
      t.tick(1_000);
      allIn(t, 1_200);
      t.runItTwice('ann', true, 1_300);
      assert.deepEqual(t.tick(1_200 + SETTINGS.actionMs - 1).filter((e) => e.type === 'handComplete'), []);
      const done = completed(t.tick(1_200 + SETTINGS.actionMs));
      assert.equal(done.hand.boards.length, 1);
    });

    it('when nobody is all in or a player is not in the hand then the answer is refused', () => {
      const t = table({ runItTwice: true });
      seat(t, 2);
      t.tick(1_000);
      assert.throws(() => t.runItTwice('ann', true, 1_100), refused('no_run_it_twice_ask'));
      assert.throws(() => t.runItTwice('zed', true, 1_100), refused('not_seated'));
    });
  });

  describe('straddles', () => {
    /** The blinds and straddles of the hand in play, by table seat. */
    function posts(t: CashTable): Record<number, number> {
      const hand = t.state.hand!;
      const out: Record<number, number> = {};
      hand.config.blindsOrStraddles.forEach((amount, i) => {
        if (amount > 0) out[t.state.handSeats[i]] = amount;
      });
      return out;
    }

    it('when the player under the gun asks to straddle then they post twice the big blind and act last preflop', () => {
      const t = table({ straddles: 'utg' });
      seat(t, 4);
      // The first hand: button seat 0, blinds 1 and 2, so seat 3 is under the gun.
      t.straddle('dan', true);
      t.tick(1_000);
      assert.deepEqual(posts(t), { 1: 1, 2: 2, 3: 4 });
      assert.equal(onClock(t), 'ann', 'the player after the straddler acts first');
      assert.equal(t.state.info[3]?.straddle, true);
    });

    it('when only the button asks at a table that allows under the gun then nobody straddles, and with "any" the button does', () => {
      const utgOnly = table({ straddles: 'utg' });
      seat(utgOnly, 4);
      utgOnly.straddle('ann', true);
      utgOnly.tick(1_000);
      assert.deepEqual(posts(utgOnly), { 1: 1, 2: 2 });

      const any = table({ straddles: 'any' });
      seat(any, 4);
      any.straddle('ann', true);
      any.tick(1_000);
      assert.deepEqual(posts(any), { 0: 4, 1: 1, 2: 2 });
      assert.equal(onClock(any), 'bob', 'after a button straddle the small blind acts first');
    });

    it('when only the cutoff asks at a table that allows any seat then they post a Mississippi straddle and the button acts first', () => {
      const t = table({ straddles: 'any' });
      seat(t, 5);
      t.straddle('eve', true);
      t.tick(1_000);
      assert.deepEqual(posts(t), { 1: 1, 2: 2, 4: 4 });
      assert.equal(onClock(t), 'ann');
    });

    it('when the player under the gun and the button both ask then only the one under the gun straddles', () => {
      const t = table({ straddles: 'any' });
      seat(t, 4);
      t.straddle('dan', true);
      t.straddle('ann', true);
      t.tick(1_000);
      assert.deepEqual(posts(t), { 1: 1, 2: 2, 3: 4 });
    });

    it('when a blind asks to straddle then no straddle is posted, and heads-up nobody straddles', () => {
      const t = table({ straddles: 'any' });
      seat(t, 3);
      t.straddle('cat', true);
      t.tick(1_000);
      assert.deepEqual(posts(t), { 1: 1, 2: 2 });

      const two = table({ straddles: 'any' });
      seat(two, 2);
      two.straddle('ann', true);
      two.straddle('bob', true);
      two.tick(1_000);
      assert.equal(Math.max(...two.state.hand!.config.blindsOrStraddles), 2);
    });
  });

  describe('bomb pots', () => {
    it('when every second hand is a bomb pot then hand 2 has everyone ante, no blinds, starts on the flop, and hand 3 is normal', () => {
      const t = table({ bombPotEvery: 2, bombPotAnte: 5 });
      seat(t, 3);
      t.tick(1_000);
      assert.equal(t.isBombPot(), false);
      while (t.state.hand) t.act(onClock(t), { action: 'fold' }, 1_100);
      t.tick(2_100);
      assert.equal(t.state.handNumber, 2);
      assert.equal(t.isBombPot(), true);
      const hand = t.state.hand!;
      assert.deepEqual(hand.config.antes, [5, 5, 5]);
      assert.deepEqual(hand.config.blindsOrStraddles, [0, 0, 0]);
      assert.equal(t.hand?.streetName, 'flop');
      assert.equal(hand.boards[0].length, 3);
      assert.equal(t.hand?.totalPot(), 15);
      while (t.state.hand) t.act(onClock(t), { action: 'check' }, 2_200);
      assert.equal(t.isBombPot(), false);
      t.tick(3_200);
      assert.equal(t.state.handNumber, 3);
      assert.equal(t.isBombPot(), false);
      assert.ok(Math.max(...t.state.hand!.config.blindsOrStraddles) === 2);
    });

    it('when a majority of the seated players votes for a bomb pot then the next hand is one and the votes are spent', () => {
      const t = table({ bombPotVote: true, bombPotAnte: 4 });
      seat(t, 3);
      t.bombPotVote('ann', true);
      assert.throws(() => t.bombPotVote('ann', true), refused('already_voted'));
      assert.throws(() => t.bombPotVote('bob', false), refused('not_voted'));
      t.tick(1_000);
      assert.equal(t.isBombPot(), false, 'one vote of three is no majority');
      while (t.state.hand) t.act(onClock(t), { action: 'fold' }, 1_100);
      t.bombPotVote('bob', true);
      assert.equal(t.bombPotVotes(), 2);
      t.tick(2_100);
      assert.equal(t.isBombPot(), true);
      assert.equal(t.bombPotVotes(), 0);
    });

    it('when a table votes on bomb pots but has no bomb pot ante then no hand is one', () => {
      const t = table({ bombPotVote: true, bombPotAnte: 0 });
      seat(t, 2);
      t.bombPotVote('ann', true);
      t.bombPotVote('bob', true);
      t.tick(1_000);
      assert.equal(t.isBombPot(), false);
    });
  });

  describe('time bank refill', () => {
    it('when every second hand refills 3 s up to 6 s then a spent bank grows back to the cap and no further', () => {
      const t = table({ timeBankRefillSeconds: 3, timeBankRefillHands: 2, timeBankCapSeconds: 6 });
      seat(t, 2);
      t.tick(1_000);
      // The player on the clock uses 4 s of their 5 s bank, then folds.
      const slow = onClock(t);
      t.tick(11_000);
      t.act(slow, { action: 'fold' }, 15_000);
      const info = () => t.state.info[t.seatOf(slow)]!;
      assert.equal(info().timeBankMs, 1_000);
      t.tick(16_000);
      while (t.state.hand) t.act(onClock(t), { action: 'fold' }, 16_100);
      assert.equal(info().timeBankMs, 4_000, 'after hand 2: +3 s');
      const other = t.state.info[t.seatOf(slow === 'ann' ? 'bob' : 'ann')]!;
      assert.equal(other.timeBankMs, 6_000, 'a full bank grows only to the cap');
      for (let hand = 3; hand <= 4; hand++) {
        t.tick(20_000 + hand * 2_000);
        while (t.state.hand) t.act(onClock(t), { action: 'fold' }, 20_100 + hand * 2_000);
      }
      assert.equal(t.state.handNumber, 4);
      assert.equal(info().timeBankMs, 6_000, 'after hand 4: capped at 6 s');
    });

    it('when a table has no refill then a spent bank stays spent', () => {
      const t = table();
      seat(t, 2);
      t.tick(1_000);
      const slow = onClock(t);
      t.tick(11_000);
      t.act(slow, { action: 'fold' }, 15_000);
      for (let hand = 2; hand <= 4; hand++) {
        t.tick(15_000 + hand * 2_000);
        while (t.state.hand) t.act(onClock(t), { action: 'fold' }, 15_100 + hand * 2_000);
      }
      assert.equal(t.state.handNumber, 4);
      assert.equal(t.state.info[t.seatOf(slow)]!.timeBankMs, 1_000);
    });
  });
});

describe('cash table options across a restore', () => {
  it('when a table asking to run it twice is restored from its JSON then the question stands and the answers run the board twice', () => {
    const t = CashTable.create('t1', 'Test', { ...SETTINGS, options: { runItTwice: true } }, seededRandom(3));
    for (const [i, name] of ['ann', 'bob'].entries()) t.sit(name, name, i, 100, 0);
    t.tick(1_000);
    while (t.actorSeat() >= 0) t.act(t.state.info[t.actorSeat()]!.playerId, { action: t.hand!.maxRaiseTo(t.hand!.actor) > 0 ? 'allin' : 'call' }, 1_100);
    t.runItTwice('ann', true, 1_200);

    const restored = CashTable.restore(JSON.parse(JSON.stringify(t.state)), seededRandom(4));
    assert.throws(() => restored.runItTwice('ann', true, 1_300), (error: unknown) => error instanceof IllegalActionError && error.code === 'already_answered');
    const done = restored.runItTwice('bob', true, 1_300).find((event) => event.type === 'handComplete');
    assert.ok(done && done.type === 'handComplete');
    assert.equal(done.hand.boards.length, 2);
  });
});

describe('cash table options at a mixed-game table', () => {
  it('when a flop game and stud alternate with bomb pots every hand and everyone straddling then only the flop game\'s hands are bomb pots, and stud hands are dealt as stud', () => {
    const base = { smallBlind: 1, bigBlind: 2, ante: 1, bringIn: 1, smallBet: 2, bigBet: 4 };
    const rotation = rotationEntries([{ variant: 'NT', hands: 1 }, { variant: 'F7S', hands: 1 }], base);
    const t = CashTable.create('t1', 'Mixed', {
      ...SETTINGS, rotation, stakes: { ...rotation[0].stakes }, options: { bombPotEvery: 1, bombPotAnte: 3, straddles: 'any' },
    }, seededRandom(5));
    seat(t, 3);
    for (const name of ['ann', 'bob', 'cat']) t.straddle(name, true);
    const seen: { variant: string; bomb: boolean; antes: number[] }[] = [];
    for (let hand = 1; hand <= 4; hand++) {
      t.tick(hand * 10_000);
      assert.equal(t.state.handNumber, hand);
      seen.push({ variant: t.state.hand!.config.variant, bomb: t.isBombPot(), antes: t.state.hand!.config.antes });
      while (t.state.hand) {
        const actor = onClock(t);
        const legal = t.hand!.legalActions();
        t.act(actor, { action: t.hand!.canBringIn(t.hand!.actor) ? 'bringIn' : legal?.check ? 'check' : 'fold' }, hand * 10_000 + 100);
      }
    }
    assert.deepEqual(seen.map((h) => [h.variant, h.bomb]), [['NT', true], ['F7S', false], ['NT', true], ['F7S', false]]);
    assert.deepEqual(seen[1].antes, [1, 1, 1], 'the stud hand has its own antes');
  });
});

describe('straddles at a mixed-game table', () => {
  it('when stud gives way to hold\'em then the straddle is twice the hold\'em big blind', () => {
    const base = { smallBlind: 1, bigBlind: 2, ante: 1, bringIn: 1, smallBet: 2, bigBet: 4 };
    const rotation = rotationEntries([{ variant: 'F7S', hands: 1 }, { variant: 'NT', hands: 1 }], base);
    const t = CashTable.create('t1', 'Mixed', { ...SETTINGS, variant: 'F7S', rotation, stakes: { ...rotation[0].stakes }, smallBet: 2, bigBet: 4, options: { straddles: 'any' } }, seededRandom(6));
    seat(t, 4);
    for (const name of ['ann', 'bob', 'cat', 'dan']) t.straddle(name, true);
    t.tick(10_000);
    assert.equal(t.state.hand!.config.variant, 'F7S');
    assert.ok(t.state.hand!.config.blindsOrStraddles.every((blind) => blind === 0), 'no straddle in stud');
    while (t.state.hand) t.act(onClock(t), { action: t.hand!.canBringIn(t.hand!.actor) ? 'bringIn' : 'fold' }, 10_100);
    t.tick(20_000);
    assert.equal(t.state.hand!.config.variant, 'NT');
    assert.deepEqual([...t.state.hand!.config.blindsOrStraddles].sort((a, b) => a - b).slice(-3), [1, 2, 4]);
  });
});
