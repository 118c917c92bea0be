import assert from 'node:assert/strict';
import { fullDeck, parseCards } from '../../../src/engine/cards.ts';
import { describeHigh, describeLow, handCategory, HandCategory } from '../../../src/engine/eval/describe.ts';
import { evaluateHigh } from '../../../src/engine/eval/high.ts';
import { NO_LOW } from '../../../src/engine/eval/low.ts';
import { evaluateOmahaHigh, evaluateOmahaLow8 } from '../../../src/engine/eval/omaha.ts';
import { deal, orderMismatch, seededRandom } from './random-hands.ts';
import { referenceOmahaHigh, referenceOmahaLow8 } from './reference.ts';

const high = (hole: string, board: string): number => evaluateOmahaHigh(parseCards(hole), parseCards(board));
const low = (hole: string, board: string): number => evaluateOmahaLow8(parseCards(hole), parseCards(board));

describe('Omaha evaluators', () => {
  it('when the board has four of a suit and the hole only one then there is no flush', () => {
    const strength = high('AhKsQd2c', '9h7h5h3hJs');
    assert.notEqual(handCategory(strength), HandCategory.flush);
    assert.equal(handCategory(evaluateHigh(parseCards('Ah9h7h5h3hKsJs'))), HandCategory.flush);
  });

  it('when the hole has two of the board four-flush suit then the flush plays', () => {
    assert.equal(describeHigh(high('AhKhQd2c', '9h7h5h3hJs')), 'Flush, ace high');
  });

  it('when the board holds quads then they do not play and two hole cards must', () => {
    const strength = high('2c2d3c3d', 'AhAdAcAsKd');
    assert.equal(describeHigh(strength), 'Full house, aces full of threes');
  });

  it('when the board is a straight then a hand must still use two hole cards', () => {
    assert.equal(handCategory(high('AcAd2c2d', '9s8d7h6c5s')), HandCategory.onePair);
    assert.equal(describeHigh(high('Tc4d2c2h', '9s8d7h6c5s')), 'Pair of twos');
    assert.equal(describeHigh(high('Tc6d2c2h', '9s8d7h6c5s')), 'Straight, ten high');
  });

  it('when a hole holds trips then only two of them play', () => {
    assert.equal(handCategory(high('KcKdKh2s', 'Ad9c7h4s3d')), HandCategory.onePair);
  });

  it('when hole and board have five to six and three to four cards then every size is accepted', () => {
    assert.equal(describeHigh(high('AhKhQh2c3d', '9h7h5s')), 'High card, ace');
    assert.equal(describeHigh(high('AhKhQh2c3d', '9h7h5h')), 'Flush, ace high');
    assert.equal(describeHigh(high('7c7d2s3h4c5d', 'AsAhAd8c')), 'Full house, aces full of sevens');
  });

  it('when the hand sizes are outside Omaha then it throws', () => {
    assert.throws(() => high('AhKh2c', '9h7h5s'), RangeError);
    assert.throws(() => high('AhKh2c3c', '9h7h'), RangeError);
    assert.throws(() => low('AhKh2c3c4c5c6c', '9h7h5s'), RangeError);
  });

  it('when two low hole cards meet three low board cards then the low qualifies', () => {
    assert.equal(describeLow(low('Ah2cKdKs', '3d5s8hQcJc')), '8-5-3-2-A low');
  });

  it('when the board has only two low cards then no low is possible', () => {
    assert.equal(low('Ah2c3d4s', '5d9sKhQcJc'), NO_LOW);
  });

  it('when only one hole card is low then no low is possible', () => {
    assert.equal(low('AhKcQdJs', '2d3s4h9cTc'), NO_LOW);
  });

  it('when a hole card pairs the board then it is counterfeited and another pair plays', () => {
    assert.equal(describeLow(low('Ah2c3dKs', '2d4s5hQcJc')), '5-4-3-2-A low');
    assert.equal(describeLow(low('Ah2cKdKs', '2d4s5hQcJc')), 'No low');
  });

  it('when a suited wheel is possible then it is both the best low and a straight flush', () => {
    assert.equal(describeLow(low('Ah2h9c9d', '3h4h5hKcQs')), '5-4-3-2-A low');
    assert.equal(describeHigh(high('Ah2h9c9d', '3h4h5hKcQs')), 'Straight flush, five high');
  });

  for (const [holeSize, boardSize, sample] of [
    [4, 5, 3000],
    [5, 5, 1000],
    [6, 4, 800],
    [4, 3, 1000],
  ] as const) {
    it(`when ${sample} random Omaha hands of ${holeSize} hole and ${boardSize} board cards are ranked then high and low orders match the reference`, () => {
      const random = seededRandom(0x0a4a + holeSize * 10 + boardSize);
      const deck = fullDeck();
      const deals = Array.from({ length: sample }, () => {
        const cards = deal(random, deck, holeSize + boardSize);
        return { hole: cards.slice(0, holeSize), board: cards.slice(holeSize) };
      });
      assert.equal(
        orderMismatch(
          deals.map(({ hole, board }) => evaluateOmahaHigh(hole, board)),
          deals.map(({ hole, board }) => referenceOmahaHigh(hole, board)),
        ),
        null,
      );
      assert.equal(
        orderMismatch(
          deals.map(({ hole, board }) => evaluateOmahaLow8(hole, board)),
          deals.map(({ hole, board }) => referenceOmahaLow8(hole, board)),
          true,
        ),
        null,
      );
    });
  }
});
