import assert from 'node:assert/strict';
import { fullDeck, parseCards } from '../../../src/engine/cards.ts';
import { describeLowA5 } from '../../../src/engine/eval/describe-low.ts';
import { evaluateLowA5, LOW_A5_STRENGTHS, LowA5Category, lowA5Hand, lowA5Of5 } from '../../../src/engine/eval/low-a5.ts';
import { deal, orderMismatch, seededRandom } from './random-hands.ts';
import { referenceLowA5 } from './reference.ts';

const low = (text: string): number => evaluateLowA5(parseCards(text));

function assertBetter(...hands: string[]): void {
  for (let i = 1; i < hands.length; i++) assert.ok(low(hands[i - 1]) > low(hands[i]), `${hands[i - 1]} beats ${hands[i]}`);
}

describe('ace-to-five low (razz) evaluator', () => {
  it('when the wheel meets the next lows then it wins and the highest card decides first, then the next', () => {
    assertBetter('As2h3d4c5s', 'As2h3d4c6s', 'As2h3d5c6s', '7s5h4d3c2s', '7s6h4d3c2s', '8s4h3d2cAs', 'Ks9h8d7c6s');
    assert.equal(low('As2h3d4c5s'), LOW_A5_STRENGTHS);
  });

  it('when the five cards are a straight or a flush then they count as an ordinary low', () => {
    assert.equal(low('As2s3s4s5s'), low('Ah2c3d4s5h'));
    assert.equal(low('8h7h6h5h4h'), low('8c7d6h5s4c'));
    assert.ok(low('8c7d6h5s4c') > low('8c7d6h5s5c'));
  });

  it('when an ace is held then it is the lowest card, never a king-high straight card', () => {
    assertBetter('AsKdQhJcTs', 'KsQdJhTc9s');
    assertBetter('As2h3d4c6s', '2s3h4d5c6s');
  });

  it('when hands are paired then any five different ranks beat any pair, and the categories rank from pair down to quads', () => {
    assertBetter('KsQdJhTc9s', 'AsAd2h3c4s', 'AsAd2h2c3s', 'AsAdAh2c3s', 'AsAdAh2c2s', 'AsAdAhAc2s');
    assertBetter('AsAdAhKcKs', 'KsKdKhAcAs', 'AsAdAhAcKs');
  });

  it('when two hands hold a pair then the lower pair wins, then the lower kickers from the highest down', () => {
    assertBetter('AsAdKhQcJs', '2s2d3h4c5s');
    assertBetter('5s5d7hAc2s', '5s5d7hAc3s', '5s5d8hAc2s');
  });

  it('when two hands hold two pair then the higher pair decides first, then the lower pair, then the kicker', () => {
    assertBetter('3s3d4h4cKs', '2s2d5h5cAs', '2s2d5h5c3s', '3s3d5h5cAs');
  });

  it('when seven cards hold fewer than five ranks then the best five keep the lowest pair and the lowest kickers', () => {
    assert.equal(low('AsAd2c2d3c3dKh'), low('AhAc2s3sKd'));
    assert.equal(describeLowA5(low('AsAd2c2d3c3dKh')), 'Pair of aces (A-A-K-3-2)');
    assert.equal(describeLowA5(low('KsKdKhKcQsQdQh')), 'Full house, queens full of kings (Q-Q-Q-K-K)');
  });

  it('when the cards beyond the best five differ then the hands tie', () => {
    assert.equal(low('7s5h4d3c2sKdKh'), low('7h5s4c3d2hQcJc'));
    assert.equal(low('8s7h6d4c3s2dAh'), low('As2c3d4h6s'));
  });

  it('when five or six cards are given then the best five are scored on the seven-card scale', () => {
    assert.equal(low('9s8h7d6c2s5d'), low('8h7d6c5d2s'));
    assert.equal(evaluateLowA5(parseCards('9s8h7d6c2s5dKh'), 5), low('9s8h7d6c2s'));
  });

  it('when the card count is not 5 to 7 then it throws', () => {
    assert.throws(() => low('As2s3s4s'), RangeError);
    assert.throws(() => low('As2s3s4s5s6s7s8s'), RangeError);
  });

  it('when lows of every category are described then the text names the ranks that compare', () => {
    assert.deepEqual(
      ['As2h3d4c5s', 'Ks9h8d7c6s', 'KsKd7h4cAs', 'KsKd7h7cAs', 'AsAdAhQcJs', 'AsAdAhKcKs', '5s5d5h5cKs'].map((h) => describeLowA5(low(h))),
      [
        '5-4-3-2-A low',
        'K-9-8-7-6 low',
        'Pair of kings (K-K-7-4-A)',
        'Two pair, kings and sevens (K-K-7-7-A)',
        'Three of a kind, aces (A-A-A-Q-J)',
        'Full house, aces full of kings (A-A-A-K-K)',
        'Four of a kind, fives (5-5-5-5-K)',
      ],
    );
    assert.throws(() => describeLowA5(0), RangeError);
    assert.throws(() => describeLowA5(LOW_A5_STRENGTHS + 1), RangeError);
  });

  it('when every five-card hand is evaluated then the strength depends on the ranks alone, the category counts are the known ones and the 6,175 rank sets order as the reference does', () => {
    const counts: Record<string, number> = {};
    // Rank multiset (three bits a rank, exact in a double) to strength, and one hand per multiset.
    const strengthOfRanks = new Map<number, number>();
    const handOfRanks = new Map<number, number[]>();
    const code = Array.from({ length: 52 }, (_, card) => 8 ** (card >> 2));
    for (let a = 0; a < 52; a++)
      for (let b = a + 1; b < 52; b++)
        for (let c = b + 1; c < 52; c++)
          for (let d = c + 1; d < 52; d++)
            for (let e = d + 1; e < 52; e++) {
              const s = lowA5Of5(a, b, c, d, e);
              const ranks = code[a] + code[b] + code[c] + code[d] + code[e];
              const known = strengthOfRanks.get(ranks);
              if (known === undefined) {
                strengthOfRanks.set(ranks, s);
                handOfRanks.set(ranks, [a, b, c, d, e]);
                const category = lowA5Hand(s).category;
                counts[category] = (counts[category] ?? 0) + 1;
              } else if (known !== s) {
                assert.fail(`cards ${[a, b, c, d, e]} score ${s}, other suits of the same ranks ${known}`);
              }
            }
    assert.equal(new Set(strengthOfRanks.values()).size, LOW_A5_STRENGTHS);
    // Rank sets per category: C(13,5), 13*C(12,3), C(13,2)*11, 13*C(12,2), 13*12, 13*12.
    assert.deepEqual(counts, {
      [LowA5Category.noPair]: 1287,
      [LowA5Category.onePair]: 2860,
      [LowA5Category.twoPair]: 858,
      [LowA5Category.threeOfAKind]: 858,
      [LowA5Category.fullHouse]: 156,
      [LowA5Category.fourOfAKind]: 156,
    });
    const hands = [...handOfRanks.values()];
    assert.equal(
      orderMismatch(
        hands.map((cards) => evaluateLowA5(cards)),
        hands.map((cards) => referenceLowA5(cards)),
        true,
      ),
      null,
    );
  });

  for (const size of [7, 6]) {
    const sample = size === 7 ? 10_000 : 5_000;
    it(`when ${sample} random ${size}-card hands are ranked then the order matches the reference for every pair`, () => {
      const random = seededRandom(0xa5 + size);
      const deck = fullDeck();
      const hands = Array.from({ length: sample }, () => deal(random, deck, size));
      assert.equal(
        orderMismatch(
          hands.map((cards) => evaluateLowA5(cards)),
          hands.map((cards) => referenceLowA5(cards)),
          true,
        ),
        null,
      );
    });
  }

  it('when random seven-card hands are drawn from few ranks then pairs, trips and full houses order as the reference does', () => {
    // Two of every rank from ace to five (ten cards) and the four kings: most seven-card hands are paired.
    const deck = parseCards('AsAd2s2d3s3d4s4d5s5dKsKdKhKc');
    const random = seededRandom(0xa5a5);
    const hands = Array.from({ length: 3_000 }, () => deal(random, deck, 7));
    assert.equal(
      orderMismatch(
        hands.map((cards) => evaluateLowA5(cards)),
        hands.map((cards) => referenceLowA5(cards)),
        true,
      ),
      null,
    );
  });
});
