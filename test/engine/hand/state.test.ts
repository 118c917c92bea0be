import assert from 'node:assert/strict';
import { Hand } from '../../../src/engine/hand/Hand.ts';
import { rebuildHand } from '../../../src/engine/hand/rebuild.ts';
import { shuffledDeck } from '../../../src/engine/deck.ts';
import { seededRandom } from '../../../src/engine/random.ts';
import { IllegalActionError } from '../../../src/engine/errors.ts';
import { finishStreet, nlConfig, playOut, startHand } from './helpers.ts';

const HOLES = ['AsAd', 'KsKd', 'QsQd', 'JsJd'];

describe('hand state', () => {
  it('when a hand is serialised mid-hand then the restored hand is identical and plays on to the same result', () => {
    const original = Hand.start(nlConfig([100, 200, 300, 400]), { random: seededRandom(42) });
    original.raiseTo(2, 6);
    original.call(3);
    original.call(0);
    original.call(1);
    const restored = Hand.restore(JSON.parse(JSON.stringify(original.toJSON())), seededRandom(99));
    assert.deepEqual(restored.state, original.state);
    // The deck's order is fixed from here on by what each side draws; use the same draws.
    const twin = Hand.restore(JSON.parse(JSON.stringify(original.toJSON())), seededRandom(99));
    playOut(restored);
    playOut(twin);
    assert.deepEqual(restored.state, twin.state);
    assert.equal(restored.isComplete, true);
  });

  it('when the same deck is dealt twice then the hands are the same', () => {
    const play = (): Hand => {
      const hand = startHand(nlConfig([100, 100, 100, 100]), HOLES, '2c3c4h7d8s');
      finishStreet(hand);
      playOut(hand);
      return hand;
    };
    assert.deepEqual(play().state, play().state);
  });

  it('when a hand is rebuilt from its log then it reaches the same state', () => {
    const hand = startHand(nlConfig([100, 100, 100, 100]), HOLES, '2c3c4h7d8s');
    hand.raiseTo(2, 6);
    hand.fold(3);
    hand.call(0);
    hand.call(1);
    playOut(hand);
    const rebuilt = rebuildHand(hand.state.config, hand.state.log);
    assert.deepEqual(rebuilt.state.stacks, hand.state.stacks);
    assert.deepEqual(rebuilt.state.pots, hand.state.pots);
  });

  it('when a log has an action the rules forbid then rebuilding it fails', () => {
    const hand = startHand(nlConfig([100, 100, 100]), HOLES.slice(0, 3), '2c3c4h7d8s');
    hand.raiseTo(2, 6);
    const forged = [...hand.state.log, { type: 'check' as const, player: 0 }];
    assert.throws(() => rebuildHand(hand.state.config, forged), IllegalActionError);
  });

  it('when the production deck deals then every card is distinct and from the deck', () => {
    const hand = Hand.start(nlConfig([100, 100, 100, 100, 100, 100, 100, 100, 100]), { deck: shuffledDeck() });
    const cards = hand.state.hole.flat();
    assert.equal(cards.length, 18);
    assert.equal(new Set(cards).size, 18);
    assert.ok(cards.every((card) => card >= 0 && card < 52));
  });

  it('when a configuration is malformed then the hand does not start', () => {
    assert.throws(() => Hand.start(nlConfig([100]), {}), (error: IllegalActionError) => error.code === 'too_few_players');
    assert.throws(() => Hand.start(nlConfig([100, 0]), {}), (error: IllegalActionError) => error.code === 'bad_config');
    assert.throws(() => Hand.start({ ...nlConfig([100, 100]), variant: 'XX' }, {}), (error: IllegalActionError) => error.code === 'unknown_variant');
    assert.throws(() => Hand.start({ ...nlConfig([100, 100]), antes: [1] }, {}), (error: IllegalActionError) => error.code === 'bad_config');
  });
});
