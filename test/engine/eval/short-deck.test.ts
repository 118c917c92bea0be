import assert from 'node:assert/strict';
import { fullDeck, parseCards } from '../../../src/engine/cards.ts';
import { describeHigh, handCategory, HandCategory } from '../../../src/engine/eval/describe.ts';
import { evaluateShortDeck } from '../../../src/engine/eval/short-deck.ts';
import { deal, orderMismatch, seededRandom } from './random-hands.ts';
import { referenceHigh } from './reference.ts';

const shortDeck = (text: string): number => evaluateShortDeck(parseCards(text));

describe('short-deck evaluator', () => {
  it('when a flush meets a full house then the flush wins', () => {
    const flush = shortDeck('Ah9h8h7hJh');
    const fullHouse = shortDeck('AsAdAcKsKd');
    assert.equal(handCategory(flush), HandCategory.flush);
    assert.equal(handCategory(fullHouse), HandCategory.fullHouse);
    assert.ok(flush > fullHouse);
    assert.ok(shortDeck('6c6d6h6sAd') > flush);
  });

  it('when one hand of each category is evaluated then they rank in short-deck order', () => {
    const order = [
      'Th9h8h7h6h',
      'QcQdQhQs7d',
      'Kd9d8d7d6d',
      '8c8d8hKsKd',
      'Ts9h8d7c6s',
      '7c7d7hAsKd',
      'AsAhKdKc7d',
      'AsAhKdQc9d',
      'AsKhQdJc9d',
    ].map(shortDeck);
    for (let i = 1; i < order.length; i++) assert.ok(order[i - 1] > order[i]);
  });

  it('when the ace plays low in A-6-7-8-9 then it is the lowest straight', () => {
    const lowStraight = shortDeck('As6d7h8c9s');
    assert.equal(handCategory(lowStraight), HandCategory.straight);
    assert.equal(describeHigh(lowStraight), 'Straight, nine high');
    assert.ok(lowStraight < shortDeck('6d7h8c9sTs'));
    assert.ok(lowStraight > shortDeck('AsAdAh8c9s'));
  });

  it('when A-6-7-8-9 is suited then it is the lowest straight flush', () => {
    const lowStraightFlush = shortDeck('Ah6h7h8h9h');
    assert.equal(handCategory(lowStraightFlush), HandCategory.straightFlush);
    assert.ok(lowStraightFlush < shortDeck('6h7h8h9hTh'));
    assert.ok(lowStraightFlush > shortDeck('AcAdAhAs9h'));
  });

  it('when every five-card short-deck hand is evaluated then no straight is lower than A-6-7-8-9, as A-2-3-4-5 cannot exist, and every strength orders as the reference does', () => {
    const deck = fullDeck(4);
    assert.equal(deck.length, 36);
    let lowestStraight = Infinity;
    let straights = 0;
    // One hand per strength, and a second where one exists, for the order check below.
    const first = new Map<number, number[]>();
    const last = new Map<number, number[]>();
    for (let a = 0; a < 36; a++)
      for (let b = a + 1; b < 36; b++)
        for (let c = b + 1; c < 36; c++)
          for (let d = c + 1; d < 36; d++)
            for (let e = d + 1; e < 36; e++) {
              const cards = [deck[a], deck[b], deck[c], deck[d], deck[e]];
              const s = evaluateShortDeck(cards);
              if (!first.has(s)) first.set(s, cards);
              else last.set(s, cards);
              if (handCategory(s) === HandCategory.straight) {
                straights++;
                lowestStraight = Math.min(lowestStraight, s);
              }
            }
    assert.equal(lowestStraight, shortDeck('As6d7h8c9s'));
    // Six straights (A-9 up to T-A), 4^5 - 4 offsuit ways each.
    assert.equal(straights, 6 * 1020);
    const hands = [...first.values(), ...last.values()];
    assert.equal(
      orderMismatch(
        hands.map((cards) => evaluateShortDeck(cards)),
        hands.map((cards) => referenceHigh(cards, 'shortDeck')),
      ),
      null,
    );
  });

  it('when the card count is not 5 to 7 then it throws', () => {
    assert.throws(() => shortDeck('AsKsQsJs'), RangeError);
  });

  for (const size of [7, 6, 5]) {
    const sample = size === 7 ? 8_000 : 3_000;
    it(`when ${sample} random ${size}-card short-deck hands are ranked then the order matches the reference evaluator`, () => {
      const random = seededRandom(0x5d + size);
      const deck = fullDeck(4);
      const hands = Array.from({ length: sample }, () => deal(random, deck, size));
      const mismatch = orderMismatch(
        hands.map((cards) => evaluateShortDeck(cards)),
        hands.map((cards) => referenceHigh(cards, 'shortDeck')),
      );
      assert.equal(mismatch, null);
    });
  }
});
