import assert from 'node:assert/strict';
import { applyPlan, planNextHand, type HandPlan } from '../../../src/engine/table/lineup.ts';
import { seatPlayer, setSittingOut, setWillPost, standUp } from '../../../src/engine/table/seating.ts';
import type { TableState } from '../../../src/engine/table/state.ts';
import { STAKES, deal, newcomer, positions, regular, table } from './helpers.ts';

const refused = (code: string) => ({ name: 'IllegalActionError', code });

/** Deals `count` hands in a row; the big blind's player id of each, and the final table. */
function bigBlinds(start: TableState, count: number): { ids: string[]; end: TableState } {
  let state = start;
  const ids: string[] = [];
  for (let k = 0; k < count; k++) {
    const { plan, next } = deal(state);
    ids.push(positions(state, plan).big);
    state = next;
  }
  return { ids, end: state };
}

describe('planNextHand: the first hand', () => {
  it('when six players sit at a new table then seat 0 has the button and the next two seats the blinds', () => {
    const t = table(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => newcomer(id)));
    const plan = planNextHand(t, STAKES);
    assert.deepEqual(plan, {
      seats: [1, 2, 3, 4, 5, 0],
      playerIds: ['B', 'C', 'D', 'E', 'F', 'A'],
      button: 0,
      smallBlindSeat: 1,
      bigBlindSeat: 2,
      startingStacks: [100, 100, 100, 100, 100, 100],
      antes: [0, 0, 0, 0, 0, 0],
      blindsOrStraddles: [1, 2, 0, 0, 0, 0],
      deadBlinds: [0, 0, 0, 0, 0, 0],
      posts: [0, 0, 0, 0, 0, 0],
    });
  });

  it('when the first seats are empty, sitting out or out of chips then the button is the first ready seat', () => {
    const t = table([
      null,
      { ...newcomer('X'), sittingOut: true },
      newcomer('B'),
      null,
      newcomer('C'),
      newcomer('Broke', false, 0),
      newcomer('E'),
    ]);
    const plan = planNextHand(t, STAKES)!;
    assert.deepEqual([plan.button, plan.smallBlindSeat, plan.bigBlindSeat], [2, 4, 6]);
    assert.deepEqual(plan.playerIds, ['C', 'E', 'B']);
  });

  it('when fewer than two players are ready then no hand is planned', () => {
    assert.equal(planNextHand(table([null, null, null]), STAKES), null);
    assert.equal(planNextHand(table([newcomer('A'), { ...newcomer('B'), sittingOut: true }, null]), STAKES), null);
  });

  it('when the first hand is dealt then its players are no longer new and the positions are recorded', () => {
    const t = table([newcomer('A'), null, newcomer('B'), newcomer('C'), { ...newcomer('D'), sittingOut: true }]);
    const { next } = deal(t);
    assert.deepEqual([next.button, next.smallBlindSeat, next.bigBlindSeat, next.handsPlayed], [0, 2, 3, 1]);
    assert.deepEqual(next.seats.map((s) => s?.isNew ?? null), [false, null, false, false, true]);
    assert.equal(next.seats[4]?.missedBigBlind, false, 'nobody misses a blind on the first hand');
  });
});

describe('planNextHand: the button and blinds over many hands', () => {
  it('when six players play twelve hands then the button goes round twice and each posts each blind twice', () => {
    let state = table(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => newcomer(id)));
    const buttons: number[] = [];
    const bigs = new Map<string, number>();
    for (let k = 0; k < 12; k++) {
      const { plan, next } = deal(state);
      buttons.push(plan.button);
      assert.equal(plan.smallBlindSeat, (plan.button + 1) % 6);
      assert.equal(plan.bigBlindSeat, (plan.button + 2) % 6);
      assert.equal(plan.seats[0], plan.smallBlindSeat, 'the small blind is first in hand order');
      assert.equal(plan.seats[5], plan.button, 'the button is last in hand order');
      assert.deepEqual(plan.blindsOrStraddles, [1, 2, 0, 0, 0, 0]);
      const big = positions(state, plan).big;
      bigs.set(big, (bigs.get(big) ?? 0) + 1);
      state = next;
    }
    assert.deepEqual(buttons, [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5]);
    assert.deepEqual([...bigs.values()], [2, 2, 2, 2, 2, 2]);
    assert.equal(state.handsPlayed, 12);
  });

  it('when seats are empty between players then the button and blinds skip them', () => {
    const { ids } = bigBlinds(table([newcomer('A'), null, newcomer('B'), newcomer('C'), null, newcomer('D')]), 8);
    assert.deepEqual(ids, ['C', 'D', 'A', 'B', 'C', 'D', 'A', 'B']);
  });
});

describe('planNextHand: players leaving (dead button rule)', () => {
  it('when the big blind leaves then the next small blind is dead and the button moves to the last small blind', () => {
    const t = standUp(table(['A', 'B', 'C', 'D', 'E', 'F'], { button: 0, small: 1, big: 2 }), 2);
    const { plan, next } = deal(t);
    assert.deepEqual(positions(t, plan), { big: 'D', small: null, button: 'B' });
    assert.deepEqual(plan.playerIds, ['D', 'E', 'F', 'A', 'B']);
    assert.deepEqual(plan.blindsOrStraddles, [2, 0, 0, 0, 0]);

    const after = deal(next).plan;
    assert.deepEqual([after.button, after.smallBlindSeat, after.bigBlindSeat], [2, 3, 4], 'then the button is dead on the empty seat');
    assert.deepEqual(after.playerIds, ['D', 'E', 'F', 'A', 'B']);
    assert.deepEqual(after.blindsOrStraddles, [1, 2, 0, 0, 0]);
  });

  it('when the small blind leaves then the button is dead on the empty seat and the last button acts last again', () => {
    const t = standUp(table(['A', 'B', 'C', 'D', 'E', 'F'], { button: 0, small: 1, big: 2 }), 1);
    const { plan } = deal(t);
    assert.deepEqual([plan.button, plan.smallBlindSeat, plan.bigBlindSeat], [1, 2, 3]);
    assert.deepEqual(plan.playerIds, ['C', 'D', 'E', 'F', 'A']);
    assert.deepEqual(plan.blindsOrStraddles, [1, 2, 0, 0, 0]);
  });

  it('when the button leaves then the blinds move on as usual', () => {
    const t = standUp(table(['A', 'B', 'C', 'D', 'E', 'F'], { button: 0, small: 1, big: 2 }), 0);
    const { plan } = deal(t);
    assert.deepEqual(positions(t, plan), { big: 'D', small: 'C', button: 'B' });
    assert.deepEqual(plan.playerIds, ['C', 'D', 'E', 'F', 'B']);
  });
});

describe('planNextHand: new players', () => {
  it('when a new player does not post then they wait until the big blind reaches them and post only that', () => {
    let state = table(['A', 'B', 'C', 'D', 'E', newcomer('N')], { button: 0, small: 1, big: 2 });
    for (const expectedBig of ['D', 'E']) {
      const { plan, next } = deal(state);
      assert.equal(positions(state, plan).big, expectedBig);
      assert.equal(plan.playerIds.includes('N'), false);
      state = next;
    }
    assert.deepEqual(state.seats[5], newcomer('N'), 'a waiting new player owes no dead blind');
    const { plan, next } = deal(state);
    assert.equal(positions(state, plan).big, 'N');
    assert.deepEqual(plan.posts, [0, 0, 0, 0, 0, 0]);
    assert.deepEqual(plan.deadBlinds, [0, 0, 0, 0, 0, 0]);
    assert.equal(next.seats[5]?.isNew, false);
  });

  it('when a new player posts then they are dealt in at once with a live big blind', () => {
    const t = setWillPost(table(['A', 'B', 'C', 'D', 'E', newcomer('N')], { button: 0, small: 1, big: 2 }), 5, true);
    const { plan, next } = deal(t);
    assert.deepEqual(plan.playerIds, ['C', 'D', 'E', 'N', 'A', 'B']);
    assert.deepEqual(plan.blindsOrStraddles, [1, 2, 0, 0, 0, 0]);
    assert.deepEqual(plan.posts, [0, 0, 0, 2, 0, 0]);
    assert.deepEqual(plan.deadBlinds, [0, 0, 0, 0, 0, 0]);
    assert.deepEqual(next.seats[5], regular('N'));
  });

  it('when a new player sits in the small blind seat then the small blind is dead and they wait for the button to pass', () => {
    const t = table(['A', 'B', newcomer('N', true), 'D', 'E', 'F'], { button: 0, small: 1, big: 2 });
    const first = deal(t);
    assert.deepEqual(positions(t, first.plan), { big: 'D', small: null, button: 'B' });
    assert.equal(first.plan.playerIds.includes('N'), false);

    const second = deal(first.next);
    assert.deepEqual(positions(first.next, second.plan), { big: 'E', small: 'D', button: 'N' });
    assert.equal(second.plan.playerIds.includes('N'), false, 'the button on their seat is dead');

    const third = deal(second.next).plan;
    assert.deepEqual(third.playerIds, ['E', 'F', 'A', 'B', 'N', 'D']);
    assert.deepEqual(third.posts, [0, 0, 0, 0, 2, 0]);
  });

  it('when a new player sits on the button seat then they wait for one hand even if they post', () => {
    const t = table(['A', newcomer('N', true), 'C', 'D', 'E', 'F'], { button: 0, small: 1, big: 2 });
    const first = deal(t);
    assert.equal(first.plan.button, 1);
    assert.deepEqual(first.plan.playerIds, ['C', 'D', 'E', 'F', 'A']);

    const second = deal(first.next).plan;
    assert.deepEqual(second.playerIds, ['D', 'E', 'F', 'A', 'N', 'C']);
    assert.deepEqual(second.posts, [0, 0, 0, 0, 2, 0]);
  });
});

describe('planNextHand: players who sat out', () => {
  it('when a player sits out as the blinds pass then they miss the big blind and then the small blind', () => {
    const t = table(['A', 'B', 'C', { ...regular('D'), sittingOut: true }, 'E', 'F'], { button: 0, small: 1, big: 2 });
    const first = deal(t);
    assert.equal(positions(t, first.plan).big, 'E');
    assert.deepEqual([first.next.seats[3]?.missedBigBlind, first.next.seats[3]?.missedSmallBlind], [true, false]);
    const second = deal(first.next);
    assert.deepEqual([second.next.seats[3]?.missedBigBlind, second.next.seats[3]?.missedSmallBlind], [true, true]);
  });

  it('when a player who missed both blinds posts then they post a live big blind and the small blind dead', () => {
    const away = { ...regular('D'), missedBigBlind: true, missedSmallBlind: true, willPost: true };
    const t = table(['A', 'B', 'C', away, 'E', 'F'], { button: 2, small: 4, big: 5 });
    const { plan, next } = deal(t);
    assert.deepEqual(plan.playerIds, ['F', 'A', 'B', 'C', 'D', 'E']);
    assert.deepEqual(plan.blindsOrStraddles, [1, 2, 0, 0, 0, 0]);
    assert.deepEqual(plan.posts, [0, 0, 0, 0, 2, 0]);
    assert.deepEqual(plan.deadBlinds, [0, 0, 0, 0, 1, 0]);
    assert.deepEqual(next.seats[3], regular('D'));
  });

  it('when a player who missed blinds does not post then they wait and owe only the big blind when it reaches them', () => {
    const away = { ...regular('D'), missedBigBlind: true, missedSmallBlind: true };
    const { ids, end } = bigBlinds(table(['A', 'B', 'C', away, 'E', 'F'], { button: 2, small: 4, big: 5 }), 3);
    assert.deepEqual(ids, ['A', 'B', 'C']);
    const { plan, next } = deal(end);
    assert.equal(positions(end, plan).big, 'D');
    assert.deepEqual(plan.posts, [0, 0, 0, 0, 0, 0]);
    assert.deepEqual(plan.deadBlinds, [0, 0, 0, 0, 0, 0]);
    assert.deepEqual(next.seats[3], regular('D'));
  });

  it('when the last big blind sits out then the small blind is dead, they owe it, and may post it dead on the button', () => {
    const t = setSittingOut(table(['A', 'B', 'C', 'D', 'E', 'F'], { button: 0, small: 1, big: 2 }), 2, true);
    const first = deal(t);
    assert.equal(first.plan.smallBlindSeat, -1);
    assert.deepEqual([first.next.seats[2]?.missedBigBlind, first.next.seats[2]?.missedSmallBlind], [false, true]);

    const back = setWillPost(setSittingOut(first.next, 2, false), 2, true);
    const { plan } = deal(back);
    assert.deepEqual(positions(back, plan), { big: 'E', small: 'D', button: 'C' });
    assert.deepEqual(plan.playerIds, ['D', 'E', 'F', 'A', 'B', 'C']);
    assert.deepEqual(plan.posts, [0, 0, 0, 0, 0, 0]);
    assert.deepEqual(plan.deadBlinds, [0, 0, 0, 0, 0, 1]);
  });
});

describe('planNextHand: heads-up', () => {
  it('when two players play then the button posts the small blind and the big blind alternates', () => {
    let state = table([newcomer('A'), null, newcomer('B')]);
    const expected = [['B', 'A'], ['A', 'B'], ['B', 'A'], ['A', 'B']];
    for (const [big, button] of expected) {
      const { plan, next } = deal(state);
      assert.deepEqual(plan.playerIds, [big, button], 'the big blind is first in hand order, the button last');
      assert.deepEqual(positions(state, plan), { big, small: button, button });
      assert.deepEqual(plan.blindsOrStraddles, [1, 2], 'posting order, as the hand engine reads it heads-up');
      state = next;
    }
  });

  it('when a three-handed table loses any one player then the player due the big blind posts it and nobody posts it twice', () => {
    const cases = [
      { leaves: 4, big: 'A', button: 'B' },
      { leaves: 2, big: 'A', button: 'C' },
      { leaves: 0, big: 'B', button: 'C' },
    ];
    for (const { leaves, big, button } of cases) {
      // A had the button, B the small blind, C the big blind.
      const t = standUp(table(['A', null, 'B', null, 'C', null], { button: 0, small: 2, big: 4 }), leaves);
      const { plan } = deal(t);
      assert.deepEqual(positions(t, plan), { big, small: button, button }, `when seat ${leaves} leaves`);
      assert.deepEqual(plan.playerIds, [big, button]);
    }
  });

  it('when a new player joins heads-up play left of the big blind then they take the next big blind', () => {
    // Y had the big blind and X the button; N sits between them.
    const t = table(['Y', newcomer('N'), 'X', null], { button: 2, small: 2, big: 0 });
    const { plan } = deal(t);
    assert.deepEqual(positions(t, plan), { big: 'N', small: 'Y', button: 'X' });
    assert.deepEqual(plan.playerIds, ['Y', 'N', 'X']);
    assert.deepEqual(plan.posts, [0, 0, 0]);
  });

  it('when a new player joins heads-up play on what would be the button then they wait one hand and then take the big blind', () => {
    const t = table(['Y', 'X', newcomer('N', true)], { button: 1, small: 1, big: 0 });
    const first = deal(t);
    assert.deepEqual(first.plan.playerIds, ['X', 'Y'], 'still heads-up: X moves from the small to the big blind');
    const second = deal(first.next);
    assert.deepEqual(positions(first.next, second.plan), { big: 'N', small: 'X', button: 'Y' });
    assert.deepEqual(second.plan.posts, [0, 0, 0]);
  });

  it('when play goes from three to two and back then the big blind never falls on the same player twice in a row', () => {
    let state = table([newcomer('A'), null, newcomer('B'), null, newcomer('C'), null]);
    const bigs: string[] = [];
    const play = (): HandPlan => {
      const { plan, next } = deal(state);
      bigs.push(positions(state, plan).big);
      state = next;
      return plan;
    };
    play();
    play();
    state = setSittingOut(state, 4, true);
    assert.equal(play().seats.length, 2);
    play();
    assert.equal(state.seats[4]?.missedBigBlind, true, 'C missed the big blind while away');
    state = setSittingOut(state, 4, false);
    assert.equal(play().seats.length, 2, 'C waits for the big blind rather than post');
    const back = play();
    assert.deepEqual(back.playerIds, ['B', 'C', 'A']);
    assert.deepEqual([back.posts, back.deadBlinds], [[0, 0, 0], [0, 0, 0]]);
    assert.deepEqual(bigs, ['C', 'A', 'B', 'A', 'B', 'C']);
  });

  it('when the only other player is new and waiting then the game restarts with the new player in the big blind', () => {
    // Heads-up: X had the button, the big blind at seat 0 left, and N sat down at seat 2.
    const t = seatPlayer(table([null, 'X', null], { button: 1, small: 1, big: 0 }), 2, 'N', 100);
    const { plan, next } = deal(t);
    assert.deepEqual(positions(t, plan), { big: 'N', small: 'X', button: 'X' });
    assert.deepEqual(plan.playerIds, ['N', 'X']);
    assert.deepEqual([plan.posts, plan.deadBlinds], [[0, 0], [0, 0]]);
    assert.equal(next.seats[2]?.isNew, false);
  });
});

describe('planNextHand: antes and straddles', () => {
  it('when there is an ante then every player dealt in posts it', () => {
    const plan = planNextHand(table(['A', 'B', 'C', 'D']), { ...STAKES, ante: 1 })!;
    assert.deepEqual(plan.antes, [1, 1, 1, 1]);
  });

  it('when there is a big blind ante then only the big blind posts it', () => {
    const plan = planNextHand(table(['A', 'B', 'C', 'D']), { ...STAKES, ante: 2, bigBlindAnte: true })!;
    assert.deepEqual(plan.playerIds, ['B', 'C', 'D', 'A']);
    assert.deepEqual(plan.antes, [0, 2, 0, 0]);
  });

  it('when there is a big blind ante heads-up then it is in posting order like the blinds', () => {
    const plan = planNextHand(table(['A', 'B']), { ...STAKES, ante: 2, bigBlindAnte: true })!;
    assert.deepEqual(plan.playerIds, ['B', 'A']);
    assert.deepEqual(plan.antes, [0, 2]);
  });

  it('when there is a straddle then the player left of the big blind posts it live, and not heads-up', () => {
    const stakes = { ...STAKES, straddle: 4 };
    assert.deepEqual(planNextHand(table(['A', 'B', 'C', 'D']), stakes)!.blindsOrStraddles, [1, 2, 4, 0]);
    assert.deepEqual(planNextHand(table(['A', 'B', 'C']), stakes)!.blindsOrStraddles, [1, 2, 4], 'three-handed the button straddles');
    assert.deepEqual(planNextHand(table(['A', 'B']), stakes)!.blindsOrStraddles, [1, 2]);
  });

  it('when a posting new player is the straddler then the straddle settles their big blind', () => {
    const t = table(['A', 'B', 'C', 'D', newcomer('N', true), 'F'], { button: 0, small: 1, big: 2 });
    const plan = planNextHand(t, { ...STAKES, straddle: 4 })!;
    assert.deepEqual(plan.playerIds, ['C', 'D', 'N', 'F', 'A', 'B']);
    assert.deepEqual(plan.blindsOrStraddles, [1, 2, 4, 0, 0, 0]);
    assert.deepEqual(plan.posts, [0, 0, 0, 0, 0, 0]);
  });
});

describe('planNextHand and applyPlan: refusals and purity', () => {
  it('when the stakes are malformed then planning is refused with bad_stakes', () => {
    const t = table(['A', 'B', 'C']);
    for (const stakes of [
      { smallBlind: 1, bigBlind: 0, ante: 0 },
      { smallBlind: 3, bigBlind: 2, ante: 0 },
      { smallBlind: 1, bigBlind: 2, ante: -1 },
      { smallBlind: 1, bigBlind: 2.5, ante: 0 },
      { smallBlind: 1, bigBlind: 2, ante: 0, straddle: 2 },
    ]) {
      assert.throws(() => planNextHand(t, stakes), refused('bad_stakes'));
    }
  });

  it('when the table lists the wrong number of seats or a bad position then planning is refused with bad_table', () => {
    assert.throws(() => planNextHand({ ...table(['A', 'B', 'C']), maxSeats: 4 }, STAKES), refused('bad_table'));
    assert.throws(() => planNextHand({ ...table(['A', 'B', 'C']), bigBlindSeat: 3 }, STAKES), refused('bad_table'));
  });

  it('when the table changed after planning then applying the plan is refused with stale_plan', () => {
    const t = table(['A', 'B', 'C'], { button: 0, small: 1, big: 2 });
    const plan = planNextHand(t, STAKES)!;
    assert.throws(() => applyPlan(standUp(t, 1), plan), refused('stale_plan'));
    assert.throws(() => applyPlan(seatPlayer(standUp(t, 1), 1, 'Z', 100), plan), refused('stale_plan'));
  });

  it('when a hand is planned and applied then the given table is not changed and the result is JSON-safe', () => {
    const t = table(['A', null, { ...regular('B'), sittingOut: true }, newcomer('C'), 'D'], { button: 0, small: 3, big: 4 });
    const copy = structuredClone(t);
    const { next } = deal(t);
    assert.deepEqual(t, copy);
    assert.deepEqual(JSON.parse(JSON.stringify(next)), next);
    assert.equal(next.seats[1], null);
  });
});
