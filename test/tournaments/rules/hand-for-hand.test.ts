import assert from 'node:assert/strict';
import {
  beginHandForHand,
  bubbleIsNext,
  handForHandActive,
  mayDealHandForHand,
  nextRound,
  placeRound,
  recordHandForHandDeal,
  recordHandForHandEnd,
  roundComplete,
  verifyDealHandForHand,
} from '../../../src/tournaments/rules/hand-for-hand.ts';
import { refused } from './helpers.ts';

// Four places paid: 500, 300, 150, 50. Five players left is the bubble.
const PRIZES = [500, 300, 150, 50];

describe('hand-for-hand: when it is on', () => {
  it('when one player more than the places paid is left then the bubble is next and hand-for-hand is on at two or more tables', () => {
    assert.equal(bubbleIsNext(5, 4), true);
    assert.equal(bubbleIsNext(6, 4), false);
    assert.equal(bubbleIsNext(4, 4), false, 'the bubble has burst');
    assert.equal(handForHandActive(5, 4, 2), true);
    assert.equal(handForHandActive(5, 4, 1), false, 'one table deals one hand at a time anyway');
    assert.equal(handForHandActive(4, 4, 2), false);
  });
});

describe('hand-for-hand: the rounds', () => {
  it('when it begins with hands in play then no table deals until those hands are over', () => {
    let round = beginHandForHand(
      [
        { table: 1, handInPlay: true },
        { table: 2, handInPlay: false },
        { table: 3, handInPlay: true },
      ],
      5,
    );
    assert.equal(round.round, 0);
    assert.equal(mayDealHandForHand(round, 2), false, 'the idle table waits too');
    round = recordHandForHandEnd(round, 1, []);
    assert.equal(roundComplete(round), false);
    assert.equal(mayDealHandForHand(round, 1), false);
    round = recordHandForHandEnd(round, 3, []);
    assert.equal(roundComplete(round), true);
    const next = nextRound(round, [1, 2, 3], 5);
    assert.equal(next.round, 1);
    assert.deepEqual([1, 2, 3].map((t) => mayDealHandForHand(next, t)), [true, true, true]);
  });

  it('when it begins with every table between hands then round 1 starts at once', () => {
    const round = beginHandForHand([{ table: 1, handInPlay: false }, { table: 2, handInPlay: false }], 5);
    assert.equal(round.round, 1);
    assert.equal(mayDealHandForHand(round, 1), true);
  });

  it('when a table has dealt its hand of the round then it may not deal again until every table has finished', () => {
    let round = beginHandForHand([{ table: 1, handInPlay: false }, { table: 2, handInPlay: false }], 5);
    round = recordHandForHandDeal(round, 1);
    round = recordHandForHandEnd(round, 1, []);
    assert.equal(mayDealHandForHand(round, 1), false);
    assert.throws(() => verifyDealHandForHand(round, 1), refused('hand_for_hand_wait'));
    assert.throws(() => recordHandForHandDeal(round, 1), refused('hand_for_hand_wait'));
    round = recordHandForHandDeal(round, 2);
    assert.equal(roundComplete(round), false);
    round = recordHandForHandEnd(round, 2, []);
    assert.equal(roundComplete(round), true);
    assert.equal(mayDealHandForHand(nextRound(round, [1, 2], 5), 1), true);
  });

  it('when a table reports the end of a hand it never dealt, or the next round is asked too early, then it is refused', () => {
    let round = beginHandForHand([{ table: 1, handInPlay: false }, { table: 2, handInPlay: false }], 5);
    assert.throws(() => recordHandForHandEnd(round, 1, []), refused('bad_round'));
    round = recordHandForHandDeal(round, 1);
    assert.throws(() => nextRound(round, [1, 2], 5), refused('round_in_play'));
    assert.throws(() => placeRound(round, PRIZES), refused('round_in_play'));
  });
});

describe('hand-for-hand: eliminations in one round', () => {
  /** One round at tables 1 and 2, their hands ending in `order`; the places of its eliminations. */
  function playRound(busts: { table: number; playerId: string; startingStack: number }[], order = [1, 2], prizes = PRIZES) {
    let round = beginHandForHand([{ table: 1, handInPlay: false }, { table: 2, handInPlay: false }], 5);
    for (const table of order) round = recordHandForHandDeal(round, table);
    for (const table of order) {
      round = recordHandForHandEnd(
        round,
        table,
        busts.filter((b) => b.table === table).map(({ playerId, startingStack }) => ({ playerId, startingStack })),
      );
    }
    return placeRound(round, prizes);
  }

  it('when players go out at two tables in the same round then the smaller stack at the start of the hand takes the bubble', () => {
    const placed = playRound([
      { table: 1, playerId: 'short', startingStack: 400 },
      { table: 2, playerId: 'longer', startingStack: 700 },
    ]);
    assert.deepEqual(placed, [
      { playerId: 'longer', place: 4, prize: 50 },
      { playerId: 'short', place: 5, prize: 0 },
    ]);
  });

  it('when the players out at two tables started with equal stacks then they share the last paid place\'s prize', () => {
    const placed = playRound([
      { table: 1, playerId: 'x', startingStack: 600 },
      { table: 2, playerId: 'y', startingStack: 600 },
    ]);
    assert.deepEqual(placed, [
      { playerId: 'x', place: 4, prize: 25 },
      { playerId: 'y', place: 4, prize: 25 },
    ]);
  });

  it('when the slower table reports first then the places are the same: the order of hands ending does not matter', () => {
    const a = { table: 1, playerId: 'a', startingStack: 300 };
    const b = { table: 2, playerId: 'b', startingStack: 900 };
    assert.deepEqual(playRound([a, b], [2, 1]), playRound([a, b], [1, 2]));
    assert.deepEqual(playRound([a, b], [2, 1]).map((p) => [p.playerId, p.place]), [['b', 4], ['a', 5]]);
  });

  it('when tied players share an odd prize then the unit left over goes by table number, whichever hand ended first', () => {
    const x = { table: 1, playerId: 'x', startingStack: 600 };
    const y = { table: 2, playerId: 'y', startingStack: 600 };
    const odd = [500, 300, 150, 51];
    const expected = [
      { playerId: 'x', place: 4, prize: 26 },
      { playerId: 'y', place: 4, prize: 25 },
    ];
    assert.deepEqual(playRound([x, y], [1, 2], odd), expected);
    assert.deepEqual(playRound([x, y], [2, 1], odd), expected);
  });

  it('when nobody goes out in a round then nobody is placed', () => {
    assert.deepEqual(playRound([]), []);
  });
});
