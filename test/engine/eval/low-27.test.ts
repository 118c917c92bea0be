import assert from 'node:assert/strict';
import { fullDeck, parseCards } from '../../../src/engine/cards.ts';
import { describeLow27 } from '../../../src/engine/eval/describe-low.ts';
import { handCategory, HandCategory } from '../../../src/engine/eval/describe.ts';
import { evaluateLow27, LOW_27_BASE, low27Of5 } from '../../../src/engine/eval/low-27.ts';
import { deal, orderMismatch, seededRandom } from './random-hands.ts';
import { referenceLow27 } from './reference.ts';

const low = (text: string): number => evaluateLow27(parseCards(text));

function assertBetter(...hands: string[]): void {
  for (let i = 1; i < hands.length; i++) assert.ok(low(hands[i - 1]) > low(hands[i]), `${hands[i - 1]} beats ${hands[i]}`);
}

describe('deuce-to-seven low evaluator', () => {
  it('when 7-5-4-3-2 offsuit meets the next lows then it wins and the highest card decides first, then the next', () => {
    assertBetter('7s5h4d3c2s', '7s6h4d3c2s', '7s6h5d3c2s', '7s6h5d4c2s', '8s5h4d3c2s', '8s6h4d3c2s', 'KsQhJdTc8s');
  });

  it('when an ace is held then it is high only: A-K-Q-J-9 is the worst unpaired hand', () => {
    assertBetter('KsQhJdTc8s', 'AsKhQdJc9s', '2s2h3d4c5s');
    assertBetter('AsKhQdJc8s', 'AsKhQdJc9s');
    assert.equal(describeLow27(low('AsKhQdJc9s')), 'A-K-Q-J-9 low');
  });

  it('when five cards make a straight then it counts against the hand, below every three of a kind', () => {
    assertBetter('7s5h4d3c2s', 'AsAhAdKcQs', '6s5h4d3c2s');
    assertBetter('3s3h3d2c4s', '6s5h4d3c2s', '7s6h5d4c3s');
    assert.equal(describeLow27(low('6s5h4d3c2s')), 'Straight, six high');
  });

  it('when A-2-3-4-5 is held then, as in PokerKit, it is the best straight and not an ace-high hand', () => {
    assertBetter('2s2h2d4c5s', 'As2h3d4c5s', '6s5h4d3c2s');
    assert.equal(describeLow27(low('As2h3d4c5s')), 'Straight, five high');
  });

  it('when five cards share a suit then the flush counts against the hand, below every straight', () => {
    assertBetter('AsKhQdJc9s', '7s6h5d4c3s', '7h5h4h3h2h', '8h5h4h3h2h', '6h5h4h3h2h');
    assertBetter('9s8h7d6c5s', '7h5h4h3h2h');
    assert.equal(describeLow27(low('7h5h4h3h2h')), 'Flush, seven high');
    assert.equal(describeLow27(low('6h5h4h3h2h')), 'Straight flush, six high');
  });

  it('when hands are paired then the lower pair wins and every category ranks upside down from high', () => {
    assertBetter('2s2h3d4c5s', '2s2h3d4c6s', '3s3h2d4c5s', 'AsAhKdQcJs', '2s2h3d3c4s', '2s2h2d3c4s');
    assertBetter('2s2h2d3c3s', '2s2h2d2c3s', '2h3h4h5h6h', 'AsKsQsJsTs');
    assert.equal(describeLow27(low('2s2h3d4c5s')), 'Pair of twos');
  });

  it('when the same ranks come in different suits without a flush then the hands tie', () => {
    assert.equal(low('7s5h4d3c2s'), low('7h5s4c3d2h'));
  });

  it('when more than five cards are given then the best five play, avoiding a flush or a pair if they can', () => {
    assert.equal(low('7h5h4h3h2h8s'), low('8s5h4h3h2h'));
    assert.equal(low('2s2h3d4c5s7dKc'), low('2s3d4c5s7d'));
    assert.equal(evaluateLow27(parseCards('7s5h4d3c2sKd'), 5), low('7s5h4d3c2s'));
  });

  it('when fewer than five cards are given then it throws', () => {
    assert.throws(() => low('7s5h4d3c'), RangeError);
  });

  it('when a number is not a 2-7 strength then describing it throws', () => {
    assert.throws(() => describeLow27(LOW_27_BASE), RangeError);
    assert.throws(() => describeLow27(1.5), RangeError);
  });

  it('when every five-card hand is evaluated then the strength depends on the ranks and whether they are suited, the category counts are the known ones and the 7,462 hands order as the reference does', () => {
    const counts: Record<string, number> = {};
    // Rank multiset (three bits a rank, exact in a double) times two plus suitedness, to strength; one hand each.
    const code = Array.from({ length: 52 }, (_, card) => 2 * 8 ** (card >> 2));
    const strengthOfShape = new Map<number, number>();
    const handOfShape = new Map<number, number[]>();
    for (let a = 0; a < 52; a++)
      for (let b = a + 1; b < 52; b++)
        for (let c = b + 1; c < 52; c++)
          for (let d = c + 1; d < 52; d++)
            for (let e = d + 1; e < 52; e++) {
              const s = low27Of5(a, b, c, d, e);
              const suit = a & 3;
              const suited = (b & 3) === suit && (c & 3) === suit && (d & 3) === suit && (e & 3) === suit ? 1 : 0;
              const shape = code[a] + code[b] + code[c] + code[d] + code[e] + suited;
              const category = handCategory(LOW_27_BASE - s);
              counts[category] = (counts[category] ?? 0) + 1;
              const known = strengthOfShape.get(shape);
              if (known === undefined) {
                strengthOfShape.set(shape, s);
                handOfShape.set(shape, [a, b, c, d, e]);
              } else if (known !== s) {
                assert.fail(`cards ${[a, b, c, d, e]} score ${s}, other suits of the same shape ${known}`);
              }
            }
    assert.equal(new Set(strengthOfShape.values()).size, 7462);
    assert.deepEqual(counts, {
      [HandCategory.straightFlush]: 40,
      [HandCategory.fourOfAKind]: 624,
      [HandCategory.fullHouse]: 3744,
      [HandCategory.flush]: 5108,
      [HandCategory.straight]: 10200,
      [HandCategory.threeOfAKind]: 54912,
      [HandCategory.twoPair]: 123552,
      [HandCategory.onePair]: 1098240,
      [HandCategory.highCard]: 1302540,
    });
    const hands = [...handOfShape.values()];
    assert.equal(
      orderMismatch(
        hands.map((cards) => evaluateLow27(cards)),
        hands.map((cards) => referenceLow27(cards)),
        true,
      ),
      null,
    );
  });

  for (const size of [7, 6]) {
    const sample = 3_000;
    it(`when ${sample} random ${size}-card hands are ranked then the order matches the reference for every pair`, () => {
      const random = seededRandom(0x27 + size);
      const deck = fullDeck();
      const hands = Array.from({ length: sample }, () => deal(random, deck, size));
      assert.equal(
        orderMismatch(
          hands.map((cards) => evaluateLow27(cards)),
          hands.map((cards) => referenceLow27(cards)),
          true,
        ),
        null,
      );
    });
  }

  it('when random six-card hands come from one suit and a few others then flushes are avoided as the reference avoids them', () => {
    // Eight hearts and four other cards: most hands have a five-card flush in them, some only that.
    const deck = parseCards('2h3h4h5h7h8h9hKh2s6dTcQs');
    const random = seededRandom(0x2727);
    const hands = Array.from({ length: 2_000 }, () => deal(random, deck, 6));
    assert.equal(
      orderMismatch(
        hands.map((cards) => evaluateLow27(cards)),
        hands.map((cards) => referenceLow27(cards)),
        true,
      ),
      null,
    );
  });
});
