import assert from 'node:assert/strict';
import type { Hand } from '../../src/engine/hand/Hand.ts';
import { finishStreet, nlConfig, playOut, startHand } from '../engine/hand/helpers.ts';

/**
 * Engine-built hands with actions chosen so every statistic can be worked out
 * by hand. Three-handed, index 0 is the small blind, 1 the big blind, 2 the
 * button (first to act preflop); heads-up, 0 is the big blind and 1 the button.
 */

export const BOARD = '2c7d9hJs3c';

/**
 * Three-handed, stacks 200. Preflop: the button raises to 6, the small blind
 * folds, the big blind calls. Flop: check, the button bets 10, call. Turn:
 * check, check. River: the big blind bets 20, the button raises to 60, call.
 * The button's aces beat the big blind's kings, who mucks.
 */
export function raisedPot(): Hand {
  const hand = startHand(nlConfig([200, 200, 200]), ['7c2d', 'KsKd', 'AsAd'], BOARD);
  hand.raiseTo(2, 6);
  hand.fold(0);
  hand.call(1);
  hand.check(1);
  hand.raiseTo(2, 10);
  hand.call(1);
  hand.check(1);
  hand.check(2);
  hand.raiseTo(1, 20);
  hand.raiseTo(2, 60);
  hand.call(1);
  while (hand.phase === 'showdown') hand.showOrMuck();
  assert.equal(hand.isComplete, true);
  return hand;
}

/**
 * Three-handed: the button limps, the small blind completes, the big blind
 * checks its option. On the flop the small blind bets 4 and both others fold.
 */
export function limpedPot(): Hand {
  const hand = startHand(nlConfig([200, 200, 200]), ['7c2d', 'KsKd', 'AsAd'], BOARD);
  hand.call(2);
  hand.call(0);
  hand.check(1);
  hand.raiseTo(0, 4);
  hand.fold(1);
  hand.fold(2);
  assert.equal(hand.isComplete, true);
  return hand;
}

/**
 * Heads-up pot-limit Omaha checked down: the button (index 1) completes the
 * small blind, the big blind (index 0) checks, nobody bets, and the big
 * blind's aces beat the button's queens.
 */
export function omahaCheckDown(): Hand {
  const hand = startHand(nlConfig([100, 100], { variant: 'PO' }), ['AsAdKsKd', 'QsQdTsTd'], BOARD);
  hand.call(1);
  hand.check(0);
  playOut(hand);
  assert.equal(hand.isComplete, true);
  return hand;
}

/**
 * Four-handed with a straddle (index 2 posts 4) and antes of 1 from everyone:
 * index 3 calls 4, the blinds call, the straddler checks; then every street
 * is checked down to a showdown.
 */
export function straddledPot(): Hand {
  const hand = startHand(
    nlConfig([200, 200, 200, 200], { blindsOrStraddles: [1, 2, 4, 0], antes: [1, 1, 1, 1] }),
    ['7c2d', 'KsKd', 'AsAd', 'QsQd'], BOARD,
  );
  hand.call(3);
  hand.call(0);
  hand.call(1);
  hand.check(2);
  finishStreet(hand);
  playOut(hand);
  assert.equal(hand.isComplete, true);
  return hand;
}

/**
 * Four-handed with blinds of 1 and 2 and a live post of 2 by index 3 (a
 * newcomer): index 2 calls, the poster checks, the small blind folds, the big
 * blind checks; then the flop is checked and index 3 bets the turn and takes it.
 */
export function postedPot(): Hand {
  const hand = startHand(nlConfig([200, 200, 200, 200], { posts: [0, 0, 0, 2] }), ['7c2d', 'KsKd', 'AsAd', 'QsQd'], BOARD);
  hand.call(2);
  hand.check(3);
  hand.fold(0);
  hand.check(1);
  finishStreet(hand);
  hand.check(1);
  hand.check(2);
  hand.raiseTo(3, 6);
  hand.fold(1);
  hand.fold(2);
  assert.equal(hand.isComplete, true);
  return hand;
}

/** Heads-up with stacks of 2 and 1: both all-in on the blinds, nobody acts, the board runs out. */
export function allInOnTheBlinds(): Hand {
  const hand = startHand(nlConfig([2, 1]), ['KsKd', 'AsAd'], BOARD);
  while (hand.phase === 'showdown') hand.showOrMuck();
  assert.equal(hand.isComplete, true);
  return hand;
}
