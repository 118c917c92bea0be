import assert from 'node:assert/strict';
import { parseCard, UNKNOWN_CARD } from '../../src/engine/cards.ts';
import type { HandState } from '../../src/engine/hand/state.ts';
import { seatStatus, showedHand, visibleHole } from '../../src/tables/seat-view.ts';
import { nlConfig, startHand } from '../engine/hand/helpers.ts';

/** Heads-up preflop: Ann (0) holds KsKd, Bob (1) AsAd; a copy, free to change. */
function preflop(): HandState {
  const hand = startHand(nlConfig([100, 100]), ['KsKd', 'AsAd'], '2c7d9hJs3c');
  return JSON.parse(JSON.stringify(hand.state)) as HandState;
}

const cards = (text: string): number[] => text.match(/../g)?.map(parseCard) ?? [];

describe('tables: what a viewer may see of a seat', () => {
  describe('status', () => {
    it('when a player is not connected then the seat reads disconnected, in a hand or not, sitting out or not', () => {
      assert.equal(seatStatus(false, true, preflop(), 0), 'disconnected');
      assert.equal(seatStatus(false, false, null, -1), 'disconnected');
    });

    it('when a player sits out then the seat reads sittingOut between hands, and as in the hand while they still play one', () => {
      assert.equal(seatStatus(true, true, null, -1), 'sittingOut');
      assert.equal(seatStatus(true, true, preflop(), -1), 'sittingOut', 'a hand they were not dealt into');
      assert.equal(seatStatus(true, true, preflop(), 0), 'active');
    });

    it('when a player in the hand folded or has no chips behind then the seat reads folded or allin, else active', () => {
      const hand = preflop();
      hand.active[1] = false;
      hand.stacks[0] = 0;

      assert.deepEqual([seatStatus(true, false, hand, 0), seatStatus(true, false, hand, 1)], ['allin', 'folded']);
      assert.equal(seatStatus(true, false, null, 0), 'active', 'between hands nobody is folded or all in');
    });
  });

  describe('hole cards', () => {
    it('when a hand is dealt face down then its owner sees both cards and anyone else neither', () => {
      const hand = preflop();

      assert.deepEqual(visibleHole(hand, 0, 'owner'), cards('KsKd'));
      assert.deepEqual(visibleHole(hand, 0, 'public'), [null, null]);
      assert.equal(showedHand(hand, 0), false);
    });

    it('when a card is dealt face up then everyone sees that one', () => {
      const hand = preflop();
      hand.holeUp[1] = [false, true];

      assert.deepEqual(visibleHole(hand, 1, 'public'), [null, parseCard('Ad')]);
    });

    it('when a player showed then everyone sees their hand', () => {
      const hand = preflop();
      hand.shown[1] = true;
      hand.log.push({ type: 'show', player: 1, cards: [...hand.hole[1]] });

      assert.equal(showedHand(hand, 1), true);
      assert.deepEqual(visibleHole(hand, 1, 'public'), cards('AsAd'));
    });

    it('when a replayed history holds a card nobody knows then it stays hidden from all, and a show reveals only the known one', () => {
      const hand = preflop();
      hand.hole[0] = [parseCard('Ks'), UNKNOWN_CARD];
      hand.log.push({ type: 'show', player: 0, cards: [...hand.hole[0]] });

      assert.equal(showedHand(hand, 0), true);
      assert.deepEqual(visibleHole(hand, 0, 'public'), [parseCard('Ks'), null]);
      assert.deepEqual(visibleHole(hand, 0, 'owner'), [parseCard('Ks'), null]);
    });
  });
});
