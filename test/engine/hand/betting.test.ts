import assert from 'node:assert/strict';
import { IllegalActionError } from '../../../src/engine/errors.ts';
import { finishStreet, nlConfig, startHand } from './helpers.ts';

const SIX = ['AsAd', 'KsKd', 'QsQd', 'JsJd', 'TsTd', '9s9d'];
const BOARD = '2c3c4h7d8s';

describe('betting', () => {
  it('when six players start then the blinds are posted and the player after the big blind acts first', () => {
    const hand = startHand(nlConfig([100, 100, 100, 100, 100, 100]), SIX, BOARD);
    assert.deepEqual(hand.state.bets, [1, 2, 0, 0, 0, 0]);
    assert.deepEqual(hand.state.stacks, [99, 98, 100, 100, 100, 100]);
    assert.equal(hand.actor, 2);
    assert.equal(hand.streetName, 'preflop');
  });

  it('when there is a straddle then the player after the straddle acts first and the big blind gets an option', () => {
    const hand = startHand(nlConfig([100, 100, 100, 100], { blindsOrStraddles: [1, 2, 4, 0] }), SIX.slice(0, 4), BOARD);
    assert.equal(hand.actor, 3);
    hand.call(3);
    hand.call(0);
    hand.call(1);
    assert.equal(hand.actor, 2, 'the straddler acts last preflop');
    assert.equal(hand.legalActions()?.check, true);
  });

  it('when heads-up then the button posts the small blind, acts first preflop and last after the flop', () => {
    const hand = startHand(nlConfig([100, 100]), ['AsAd', 'KsKd'], BOARD);
    assert.deepEqual(hand.state.bets, [2, 1], 'index 0 is the big blind, index 1 the button');
    assert.equal(hand.actor, 1);
    hand.call(1);
    hand.check(0);
    assert.equal(hand.streetName, 'flop');
    assert.equal(hand.actor, 0);
  });

  it('when a player raises then the next minimum raise adds the same increment', () => {
    const hand = startHand(nlConfig([100, 100, 100, 100]), SIX.slice(0, 4), BOARD);
    assert.equal(hand.minRaiseTo(2), 4, 'the first raise is to two big blinds');
    hand.raiseTo(2, 7);
    assert.equal(hand.legalActions()?.minRaiseTo, 12);
    assert.throws(() => hand.raiseTo(3, 11), (error: IllegalActionError) => error.code === 'raise_too_small');
    assert.deepEqual(hand.state.bets, [1, 2, 7, 0], 'a refused raise changes nothing');
  });

  it('when a short stack raises all-in for less than a full raise then the minimum raise is unchanged', () => {
    const hand = startHand(nlConfig([100, 100, 100, 9]), SIX.slice(0, 4), BOARD);
    hand.raiseTo(2, 6);
    hand.raiseTo(3, 9);
    assert.equal(hand.minRaiseTo(0), 13, 'last full raise of 4 on top of 9');
  });

  it('when a short all-in raise follows a full raise then players who already acted may only call or fold', () => {
    const hand = startHand(nlConfig([100, 100, 100, 9]), SIX.slice(0, 4), BOARD);
    hand.raiseTo(2, 6);
    hand.raiseTo(3, 9);
    hand.call(0);
    hand.call(1);
    assert.equal(hand.actor, 2);
    const legal = hand.legalActions();
    assert.equal(legal?.raise, false);
    assert.equal(legal?.callAmount, 3);
    assert.throws(() => hand.raiseTo(2, 20), (error: IllegalActionError) => error.code === 'not_reopened');
  });

  it('when short all-in raises add up to a full raise then the betting reopens', () => {
    const hand = startHand(nlConfig([100, 100, 100, 8, 10]), SIX.slice(0, 5), BOARD);
    hand.raiseTo(2, 6);
    hand.raiseTo(3, 8);
    hand.raiseTo(4, 10);
    hand.call(0);
    hand.call(1);
    assert.equal(hand.actor, 2);
    assert.equal(hand.legalActions()?.raise, true, 'two all-ins of 2 make a full raise of 4');
  });

  it('when pot limit then the largest raise is the pot after calling', () => {
    const config = nlConfig([1000, 1000, 1000], { variant: 'PO' });
    const hand = startHand(config, ['AsAdKsKd', 'QsQdJsJd', '9s9d8s8d'], BOARD);
    assert.equal(hand.maxRaiseTo(2), 7);
    hand.raiseTo(2, 7);
    assert.equal(hand.maxRaiseTo(0), 23, 'call 6 to make the pot 16, raise 16 on top of 7');
    assert.throws(() => hand.raiseTo(0, 24), (error: IllegalActionError) => error.code === 'raise_too_large');
  });

  it('when fixed limit then raises are one bet each and capped per street', () => {
    const config = nlConfig([1000, 1000, 1000], { variant: 'FT', minBet: undefined, smallBet: 2, bigBet: 4 });
    const hand = startHand(config, SIX.slice(0, 3), BOARD);
    assert.equal(hand.minRaiseTo(2), 4);
    assert.equal(hand.maxRaiseTo(2), 4);
    hand.raiseTo(2, 4);
    hand.raiseTo(0, 6);
    hand.raiseTo(1, 8);
    hand.raiseTo(2, 10);
    assert.equal(hand.legalActions()?.raise, false);
    assert.throws(() => hand.raiseTo(0, 12), (error: IllegalActionError) => error.code === 'raise_cap');
    finishStreet(hand);
    assert.equal(hand.streetName, 'flop');
    hand.raiseTo(0, 2);
    assert.equal(hand.minRaiseTo(1), 4);
    finishStreet(hand);
    assert.equal(hand.streetName, 'turn');
    assert.equal(hand.minRaiseTo(0), 4, 'the big bet from the turn on');
  });

  it('when a player acts out of turn or checks facing a bet then the action is refused and nothing changes', () => {
    const hand = startHand(nlConfig([100, 100, 100]), SIX.slice(0, 3), BOARD);
    const before = JSON.stringify(hand.state);
    assert.throws(() => hand.fold(0), (error: IllegalActionError) => error.code === 'not_your_turn');
    assert.throws(() => hand.check(2), (error: IllegalActionError) => error.code === 'cannot_check');
    assert.throws(() => hand.raiseTo(2, 2.5), (error: IllegalActionError) => error.code === 'bad_amount');
    assert.equal(hand.canRaiseTo(2, 1000), false);
    assert.equal(JSON.stringify(hand.state), before);
  });

  it('when everyone folds to a bet then the uncalled bet returns and the bettor wins the pot', () => {
    const hand = startHand(nlConfig([100, 100, 100]), SIX.slice(0, 3), BOARD);
    hand.raiseTo(2, 10);
    hand.fold(0);
    hand.fold(1);
    assert.equal(hand.isComplete, true);
    assert.deepEqual(hand.state.stacks, [99, 98, 103]);
    assert.ok(hand.state.log.some((op) => op.type === 'returnBet' && op.player === 2 && op.amount === 8));
  });

  it('when opponents have short stacks then the minimum raise is still a full raise, not capped by their stacks', () => {
    const hand = startHand(nlConfig([100, 100, 100, 5]), SIX.slice(0, 4), BOARD);
    assert.equal(hand.minRaiseTo(2), 4);
    hand.raiseTo(2, 4);
    assert.equal(hand.legalActions()?.maxRaiseTo, 5, 'the short stack may only go all-in');
    hand.raiseTo(3, 5);
    assert.equal(hand.minRaiseTo(0), 7, 'the next full raise is 2 more than the all-in');
  });

  it('when a player has only enough to call then raising is refused', () => {
    const hand = startHand(nlConfig([100, 100, 100, 5]), SIX.slice(0, 4), BOARD);
    hand.raiseTo(2, 10);
    assert.equal(hand.legalActions()?.raise, false);
    assert.equal(hand.legalActions()?.callAmount, 5);
  });
});
