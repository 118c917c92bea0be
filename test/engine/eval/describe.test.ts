import assert from 'node:assert/strict';
import { parseCards } from '../../../src/engine/cards.ts';
import { describeHigh, describeLow, handCategory, HandCategory } from '../../../src/engine/eval/describe.ts';
import { evaluateHigh } from '../../../src/engine/eval/high.ts';
import { evaluateLow8 } from '../../../src/engine/eval/low.ts';
import { evaluateShortDeck } from '../../../src/engine/eval/short-deck.ts';

const describe7 = (text: string): string => describeHigh(evaluateHigh(parseCards(text)));

describe('hand descriptions', () => {
  it('when a hand of each category is described then the text names its ranks', () => {
    assert.deepEqual(
      ['AsKsQsJsTs2h3d', '9h8h7h6h5h', '5d4d3d2dAd', 'QcQdQhQs2d', 'KhKdKs7c7d2s', 'Ad9d7d4d2d', 'Ts9h8d7c6s', 'As2d3h4c5s', '6c6d6hAsKd', 'AsAhKdKc2d', 'JsJd9c5h2d', 'AsQd9c5h2d'].map(describe7),
      [
        'Royal flush',
        'Straight flush, nine high',
        'Straight flush, five high',
        'Four of a kind, queens',
        'Full house, kings full of sevens',
        'Flush, ace high',
        'Straight, ten high',
        'Straight, five high',
        'Three of a kind, sixes',
        'Two pair, aces and kings',
        'Pair of jacks',
        'High card, ace',
      ],
    );
  });

  it('when a short-deck flush is described then its category is flush like a standard one', () => {
    const strength = evaluateShortDeck(parseCards('Ah9h8h7hJh'));
    assert.equal(handCategory(strength), HandCategory.flush);
    assert.equal(describeHigh(strength), 'Flush, ace high');
  });

  it('when a low is described then its ranks read from the highest down', () => {
    assert.equal(describeLow(evaluateLow8(parseCards('8s6h4d3c2s'))), '8-6-4-3-2 low');
    assert.equal(describeLow(evaluateLow8(parseCards('As2h3d4c5s'))), '5-4-3-2-A low');
  });

  it('when a number is not a strength then describing it throws', () => {
    assert.throws(() => handCategory(0), RangeError);
    assert.throws(() => handCategory(-1), RangeError);
    assert.throws(() => describeHigh(99999), RangeError);
    assert.throws(() => describeHigh((10 << 12) | 10), RangeError);
    assert.throws(() => describeLow(255), RangeError);
  });
});
