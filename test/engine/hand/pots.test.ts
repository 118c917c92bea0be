import assert from 'node:assert/strict';
import { parseCards } from '../../../src/engine/cards.ts';
import { splitAmong } from '../../../src/engine/hand/award.ts';
import { computePots } from '../../../src/engine/hand/pots.ts';
import { OddChipRule } from '../../../src/engine/hand/state.ts';
import { Hand } from '../../../src/engine/hand/Hand.ts';
import { seededRandom } from '../../../src/engine/random.ts';
import { deckFor, finishStreet, nlConfig, playOut, startHand, total } from './helpers.ts';

describe('pots and showdown', () => {
  it('when three stacks of different sizes are all-in then side pots have exact eligibility and the excess returns', () => {
    const hand = startHand(nlConfig([50, 100, 200]), ['2s2d', '3s3d', 'AsAd'], 'Kc9c7h4d5s');
    hand.raiseTo(2, 200);
    hand.call(0);
    hand.call(1);
    playOut(hand);
    assert.equal(hand.isComplete, true);
    assert.deepEqual(hand.state.pots.map((pot) => [pot.amount, pot.eligible]), [[150, [0, 1, 2]], [100, [1, 2]]]);
    assert.deepEqual(hand.state.stacks, [0, 0, 350]);
  });

  it('when a player is all in for a dead ante then the antes are a pot of their own that they may win', () => {
    const hand = startHand(nlConfig([100, 100, 2], { antes: [2, 2, 2], anteTrimming: false }), ['KsKd', 'QsQd', 'AsAd'], 'Jc8d5h3s4c');
    playOut(hand);
    assert.deepEqual(hand.state.pots.map((pot) => [pot.amount, pot.eligible]), [[6, [0, 2]], [4, [0]]], 'the queens mucked');
    assert.deepEqual(hand.state.stacks, [100, 96, 6]);
  });

  it('when the short stack has the best hand then it wins only the main pot', () => {
    const hand = startHand(nlConfig([50, 100, 200]), ['AsAd', 'KsKd', '3s3d'], 'Qc9c7h4d2s');
    hand.raiseTo(2, 200);
    hand.call(0);
    hand.call(1);
    playOut(hand);
    assert.deepEqual(hand.state.stacks, [150, 100, 100]);
  });

  it('when the board plays then the pot is split and an odd chip goes to the first player left of the button', () => {
    const hand = startHand(nlConfig([100, 100, 100], { blindsOrStraddles: [1, 2, 0] }), ['2s3d', '2d3s', '4c5d'], 'AsKsQsJsTs');
    hand.call(2);
    hand.fold(0);
    hand.check(1);
    playOut(hand);
    // Pot 5 (1 dead small blind + 2 + 2) split between players 1 and 2.
    assert.ok(hand.isComplete);
    assert.equal(total(hand.state.stacks), 300);
    assert.deepEqual(hand.state.stacks, [99, 101, 100]);
  });

  it('when chips do not divide evenly then the rule says who gets the odd ones', () => {
    assert.deepEqual(splitAmong(11, [0, 2, 4], OddChipRule.leftOfButton), [4, 4, 3]);
    assert.deepEqual(splitAmong(11, [0, 2, 4], OddChipRule.firstLeftOfButton), [5, 3, 3]);
  });

  it('when antes are not trimmed then they are dead money in the main pot', () => {
    const pots = computePots([10, 10, 5], [10, 10, 5], [true, true, true], 9);
    assert.deepEqual(pots.map((pot) => [pot.amount, pot.eligible]), [[24, [0, 1, 2]], [10, [0, 1]]]);
  });

  it('when a big-blind ante is posted then the big blind pays it as dead money', () => {
    const config = nlConfig([100, 100, 100], { antes: [0, 2, 0], anteTrimming: false });
    const hand = startHand(config, ['2s2d', '3s3d', 'AsAd'], 'Kc9c7h4d5s');
    assert.deepEqual(hand.state.stacks, [99, 96, 100]);
    assert.equal(hand.totalPot(), 5);
    hand.fold(2);
    hand.fold(0);
    assert.deepEqual(hand.state.stacks, [99, 101, 100], 'the big blind takes back its blind, the ante and the small blind');
  });

  it('when a stack is smaller than the ante then it posts what it has and plays for the pot it can match', () => {
    const config = nlConfig([5, 100, 100], { antes: [10, 10, 10], blindsOrStraddles: [0, 0, 0] });
    const hand = startHand(config, ['AsAd', 'KsKd', '3s3d'], 'Qc9c7h4d2s');
    assert.deepEqual(hand.state.stacks, [0, 90, 90]);
    playOut(hand);
    assert.ok(hand.isComplete);
    assert.deepEqual(hand.state.pots.map((pot) => pot.amount), [15, 10]);
    assert.deepEqual(hand.state.stacks, [15, 100, 90]);
  });

  it('when everyone is all-in before the flop then the whole board is dealt and the best hand wins', () => {
    const hand = startHand(nlConfig([100, 100]), ['AsAd', 'KsKd'], 'Kc9c7h4d2s');
    hand.raiseTo(1, 100);
    hand.call(0);
    assert.equal(hand.phase, 'showdown', 'the board is out and the hands are due to be shown');
    assert.equal(hand.state.boards[0].length, 5);
    playOut(hand);
    assert.ok(hand.isComplete);
    assert.deepEqual(hand.state.stacks, [0, 200], 'kings make a set and beat aces');
  });

  it('when hands reach a showdown then the last aggressor shows first and a beaten hand may be mucked', () => {
    const hand = startHand(nlConfig([100, 100, 100]), ['2s7d', 'KsKd', '3s3d'], 'Kc9c7h4d2h');
    finishStreet(hand);
    finishStreet(hand);
    finishStreet(hand);
    hand.raiseTo(0, 10);
    hand.call(1);
    hand.fold(2);
    assert.equal(hand.phase, 'showdown');
    assert.deepEqual(hand.state.showdownQueue, [0, 1]);
    assert.equal(hand.couldWin(0), true, 'nobody has shown yet');
    hand.showOrMuck();
    assert.equal(hand.couldWin(1), true);
    hand.showOrMuck();
    assert.ok(hand.isComplete);
    assert.deepEqual(hand.state.stacks, [88, 114, 98]);
  });

  it('when a hand is beaten by a shown hand then the dealer mucks it', () => {
    const hand = startHand(nlConfig([100, 100]), ['2s7d', 'KsKd'], 'Kc9c8h4d3h');
    hand.call(1);
    hand.check(0);
    finishStreet(hand);
    finishStreet(hand);
    hand.check(0);
    hand.raiseTo(1, 10);
    hand.call(0);
    assert.deepEqual(hand.state.showdownQueue, [1, 0]);
    hand.showOrMuck();
    assert.equal(hand.couldWin(0), false);
    const op = hand.showOrMuck();
    assert.equal(op?.type, 'muck');
    assert.deepEqual(hand.state.stacks, [88, 112]);
  });

  it('when Omaha hi-lo has a low then the pot is split high and low, and a tied low is quartered', () => {
    const config = nlConfig([100, 100, 100], { variant: 'FO/8', minBet: undefined, smallBet: 2, bigBet: 4, blindsOrStraddles: [0, 0, 0], antes: [10, 10, 10], anteTrimming: false });
    const holes = ['As2dKhKd', 'Ad2sQcQd', 'KsKcJhJd'];
    const hand = startHand(config, holes, '3c4h8sTdJc');
    playOut(hand);
    assert.ok(hand.isComplete);
    // Pot 30: high 15 to player 2 (three jacks); the low half, 15, is shared by players 0 and 1 (odd chip to 0).
    assert.deepEqual(hand.state.stacks, [98, 97, 105]);
  });

  it('when nobody has a qualifying low then the high hand scoops', () => {
    const config = nlConfig([100, 100], { variant: 'FO/8', minBet: undefined, smallBet: 2, bigBet: 4, blindsOrStraddles: [0, 0], antes: [5, 5], anteTrimming: false });
    const hand = startHand(config, ['AsAdKhKd', '9s9dQcQd'], 'Kc9hTsJdQh');
    playOut(hand);
    assert.deepEqual(hand.state.stacks, [105, 95], 'ace-high straight, and no low on this board');
  });

  it('when short deck shows a flush against a full house then the flush wins', () => {
    const config = nlConfig([100, 100], { variant: 'NS', antes: [1, 1], blindsOrStraddles: [0, 2] });
    const hand = Hand.start(config, { deck: deckFor(['AhKh', 'QsQd'], 'Qh9h6hJc6s', [3, 1, 1], 4) });
    playOut(hand);
    assert.ok(hand.isComplete);
    assert.deepEqual(hand.state.stacks, [103, 97], 'heart flush beats queens full');
  });

  it('when rake is set then each pot is raked up to the cap, and not at all without a flop', () => {
    const rake = { basisPoints: 1000, cap: 3, noFlopNoDrop: true };
    const preflop = startHand(nlConfig([100, 100, 100], { rake }), ['AsAd', 'KsKd', '3s3d'], 'Kc9c7h4d2s');
    preflop.raiseTo(2, 10);
    preflop.call(0);
    preflop.fold(1);
    // No flop yet: the hand is not over. Fold the flop.
    preflop.raiseTo(0, 10);
    preflop.fold(2);
    assert.equal(preflop.rake(), 2, '10% of 22 rounds down to 2');
    const unflopped = startHand(nlConfig([100, 100, 100], { rake }), ['AsAd', 'KsKd', '3s3d'], 'Kc9c7h4d2s');
    unflopped.raiseTo(2, 10);
    unflopped.fold(0);
    unflopped.fold(1);
    assert.equal(unflopped.rake(), 0);
    const capped = startHand(nlConfig([100, 100, 100], { rake }), ['AsAd', 'KsKd', '3s3d'], 'Kc9c7h4d2s');
    capped.raiseTo(2, 50);
    capped.call(0);
    capped.call(1);
    playOut(capped);
    assert.equal(capped.rake(), 3);
    assert.equal(total(capped.state.stacks) + capped.rake(), 300);
  });

  it('when everyone agrees to run it twice then two boards are dealt and each pays half the pot', () => {
    const config = nlConfig([100, 100], { maxRunouts: 2 });
    const hand = Hand.start(config, { random: seededRandom(7) });
    hand.raiseTo(1, 100);
    hand.call(0);
    assert.equal(hand.phase, 'runoutVote');
    hand.chooseRunouts(0, 2);
    assert.equal(hand.phase, 'runoutVote');
    hand.chooseRunouts(1, 2);
    playOut(hand);
    assert.ok(hand.isComplete);
    assert.equal(hand.state.boards.length, 2);
    assert.notDeepEqual(hand.state.boards[0], hand.state.boards[1]);
    assert.equal(total(hand.state.stacks), 200);
    const awards = hand.state.log.filter((op) => op.type === 'award');
    assert.deepEqual(new Set(awards.map((op) => op.type === 'award' && op.board)), new Set([0, 1]));
    assert.equal(awards.reduce((sum, op) => sum + (op.type === 'award' ? op.amount : 0), 0), 200);
  });

  it('when players disagree about running it twice then the board runs once', () => {
    const hand = startHand(nlConfig([100, 100], { maxRunouts: 2 }), ['AsAd', 'KsKd'], 'Kc9c7h4d2s');
    hand.raiseTo(1, 100);
    hand.call(0);
    hand.chooseRunouts(0, 2);
    hand.chooseRunouts(1, 1);
    playOut(hand);
    assert.equal(hand.state.boards.length, 1);
    assert.deepEqual(hand.state.boards[0], parseCards('Kc9c7h4d2s'));
    assert.deepEqual(hand.state.stacks, [0, 200]);
  });
});
