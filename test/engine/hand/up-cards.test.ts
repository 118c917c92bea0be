import assert from 'node:assert/strict';
import { parseCards } from '../../../src/engine/cards.ts';
import { upHandKey } from '../../../src/engine/hand/up-cards.ts';

/** Up hands from the strongest to the weakest, in stud's order (high) or razz's (low, the best first). */
function ordered(hands: string[], low: boolean): string[] {
  return [...hands].sort((a, b) => (low ? 1 : -1) * (upHandKey(parseCards(a), low) - upHandKey(parseCards(b), low)));
}

describe('up hands', () => {
  it('when four up cards are ranked for stud high then quads, trips, two pair, a pair and high cards come in that order, no straight or flush', () => {
    const hands = ['2c3c4c5c', 'AhKdQsJc', '9c9d2h3s', '9h9sAcKd', '5c5d4h4s', '7c7d7h2s', 'KcKdKhKs'];
    assert.deepEqual(ordered(hands, false), ['KcKdKhKs', '7c7d7h2s', '5c5d4h4s', '9h9sAcKd', '9c9d2h3s', 'AhKdQsJc', '2c3c4c5c']);
  });

  it('when up hands are ranked for razz then no pair beats any pair, the lowest cards first, aces low', () => {
    const hands = ['Ac2d3h4s', '2c3d4h5s', 'AsAd2c3c', 'KcQdJhTs', '6c4d3h2s'];
    assert.deepEqual(ordered(hands, true), ['Ac2d3h4s', '2c3d4h5s', '6c4d3h2s', 'KcQdJhTs', 'AsAd2c3c']);
  });

  it('when two up hands differ only in suits then they are equal', () => {
    assert.equal(upHandKey(parseCards('AhKh'), false), upHandKey(parseCards('AsKd'), false));
  });
});
