import assert from 'node:assert/strict';
import { fullDeck, parseCards } from '../../../src/engine/cards.ts';
import { describeLow } from '../../../src/engine/eval/describe.ts';
import { evaluateLow8, NO_LOW } from '../../../src/engine/eval/low.ts';
import { deal, orderMismatch, seededRandom } from './random-hands.ts';
import { referenceLow8 } from './reference.ts';

const low = (text: string): number => evaluateLow8(parseCards(text));

describe('eight-or-better low evaluator', () => {
  it('when five different ranks of eight or lower are held then the five lowest make the low', () => {
    assert.equal(describeLow(low('8s6h4d3c2sKdQd')), '8-6-4-3-2 low');
    assert.equal(describeLow(low('8s7h6d4c3s2dAh')), '6-4-3-2-A low');
  });

  it('when only four different low ranks are held then there is no low', () => {
    assert.equal(low('As2h3d4c9sKdQd'), NO_LOW);
    assert.equal(describeLow(low('As2h3d4c9sKdQd')), 'No low');
  });

  it('when the board pairs the low cards then the pairs count once', () => {
    assert.equal(low('2s2h3d3c4s4d5h'), NO_LOW);
    assert.equal(describeLow(low('AsAh2d2c3s4d5h')), '5-4-3-2-A low');
  });

  it('when lows are compared then the highest card decides first, then the next', () => {
    const ordered = ['As2h3d4c5s', 'As2h3d4c6s', 'As2h3d5c6s', '7s5h4d3c2s', '8s4h3d2cAs', '8s6h4d3c2s', '8s7h6d5c4s'].map(low);
    for (let i = 1; i < ordered.length; i++) assert.ok(ordered[i - 1] > ordered[i], `low ${i - 1} beats low ${i}`);
    assert.ok(ordered[ordered.length - 1] > NO_LOW);
  });

  it('when the wheel is suited or a straight then it still counts as the best low', () => {
    assert.equal(low('As2s3s4s5s'), low('Ah2c3d4s5h'));
  });

  it('when the same low ranks come in different suits then the lows tie', () => {
    assert.equal(low('7s5h4d3c2sKdKh'), low('7h5s4c3d2hQcJc'));
  });

  it('when 10,000 random seven-card hands are ranked for low then the order matches the reference', () => {
    const random = seededRandom(0x10);
    const deck = fullDeck();
    const hands = Array.from({ length: 10_000 }, () => deal(random, deck, 7));
    assert.equal(
      orderMismatch(
        hands.map((cards) => evaluateLow8(cards)),
        hands.map((cards) => referenceLow8(cards)),
        true,
      ),
      null,
    );
  });
});
