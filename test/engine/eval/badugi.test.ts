import assert from 'node:assert/strict';
import { fullDeck, parseCards } from '../../../src/engine/cards.ts';
import { BADUGI_SIZE_SHIFT, badugiOf4, evaluateBadugi } from '../../../src/engine/eval/badugi.ts';
import { describeBadugi } from '../../../src/engine/eval/describe-low.ts';
import { deal, orderMismatch, seededRandom } from './random-hands.ts';
import { choose, referenceBadugi } from './reference.ts';

const badugi = (text: string): number => evaluateBadugi(parseCards(text));
const described = (text: string): string => describeBadugi(badugi(text));

function assertBetter(...hands: string[]): void {
  for (let i = 1; i < hands.length; i++) assert.ok(badugi(hands[i - 1]) > badugi(hands[i]), `${hands[i - 1]} beats ${hands[i]}`);
}

describe('badugi evaluator', () => {
  it('when hands of different sizes meet then the larger wins, whatever its ranks', () => {
    assertBetter('Ac2d3h4s', 'KcQdJhTs', 'Ac2d3h3s', 'KcQdJhJs', 'Ac2c3h3s', 'KcQcJhJs', 'AcKcQcJc', 'KcKdKhKs');
  });

  it('when hands of one size meet then the highest card decides first, then the next, aces low', () => {
    assertBetter('Ac2d3h4s', 'Ac2d3h5s', 'Ac2d4h5s', 'Ac3d4h5s', '2c3d4h5s', 'Ac2d3h6s', 'Ac4d3h7s', 'Ac5d2h7s', 'JcQdKh9s', 'JcQdKhTs');
    assert.ok(badugi('Ac2d3h4s') > badugi('2c3d4h5s'));
  });

  it('when two cards share a rank then only one of them plays', () => {
    assert.equal(described('AcAd3h4s'), 'Three-card 4-3-A');
    assert.equal(described('KcKdKhKs'), 'One-card K');
    assert.equal(described('AcAdAhAs'), 'One-card A');
  });

  it('when two cards share a suit then the lower of them plays, unless the higher one lets more cards play', () => {
    assert.equal(described('Ac2c3h4s'), 'Three-card 4-3-A');
    assert.equal(described('2s3s4d7h'), 'Three-card 7-4-2');
    assert.equal(described('Ac2c3c4c'), 'One-card A');
    // Keeping the ace of clubs drops the king of clubs and the ace of diamonds; with a heart five the king plays.
    assert.equal(described('AcKcAd5d'), 'Two-card 5-A');
    assert.equal(described('AcKcAd5h'), 'Three-card K-5-A');
  });

  it('when the same ranks are held in other suits then the hands tie', () => {
    assert.equal(badugi('2s3d3c4d'), badugi('2s3c3d4d'));
    assert.equal(badugi('Ac2d3h4s'), badugi('As2h3d4c'));
    assert.equal(badugi('KsKdQcJh'), badugi('KhQcJsKc'));
  });

  it('when the four cards come in any order then the strength is the same', () => {
    for (const text of ['Ac2d3h4s', 'AcKcAd5h', '2s3s4d7h', 'KcKdKhKs', 'Ac2c3h3s', '9d9c2d7s']) {
      const cards = parseCards(text);
      const strengths = new Set<number>();
      for (let i = 0; i < 4; i++)
        for (let j = 0; j < 4; j++)
          for (let k = 0; k < 4; k++)
            for (let l = 0; l < 4; l++) if (new Set([i, j, k, l]).size === 4) strengths.add(badugiOf4(cards[i], cards[j], cards[k], cards[l]));
      assert.deepEqual([...strengths], [badugi(text)], text);
    }
  });

  it('when fewer than four cards are given then the best of them is scored on the same scale', () => {
    assert.equal(badugi('4c8dKh'), badugi('4c8dKhKs'));
    assert.equal(described('4c8dKh'), 'Three-card K-8-4');
    assert.equal(described('Ac2c'), 'One-card A');
    assert.equal(described('Kc'), 'One-card K');
  });

  it('when more than four cards are given then the best four or fewer of them play', () => {
    assert.equal(described('Kc2c3h4s5d'), 'Badugi 5-4-3-2');
    assert.equal(described('KcQcJcTc9c2c'), 'One-card 2');
  });

  it('when no cards are given then it throws', () => {
    assert.throws(() => evaluateBadugi([]), RangeError);
  });

  it('when badugis of every size are described then the text gives the size and the ranks from the highest down', () => {
    assert.deepEqual(['7s4h3dAc', 'Kc8d5h5s', 'Tc4d4c4h', 'JcJdJhJs'].map(described), ['Badugi 7-4-3-A', 'Three-card K-8-5', 'Two-card T-4', 'One-card J']);
  });

  it('when a number is not a badugi strength then describing it throws', () => {
    assert.throws(() => describeBadugi(0), RangeError);
    assert.throws(() => describeBadugi(badugi('Ac2d3h4s') + 1), RangeError);
    assert.throws(() => describeBadugi(5 << 13), RangeError);
  });

  it('when every four-card hand is evaluated then there are 17,160 four-card badugis and 1,092 strengths, and the order matches the reference for every pair', function () {
    this.timeout(60_000);
    const hands = choose(fullDeck(), 4);
    const strengths = hands.map((cards) => evaluateBadugi(cards));
    // Four ranks of thirteen, each in its own suit: C(13,4) * 4!.
    assert.equal(strengths.filter((s) => s >> BADUGI_SIZE_SHIFT === 4).length, 715 * 24);
    assert.equal(new Set(strengths).size, 715 + 286 + 78 + 13);
    assert.equal(orderMismatch(strengths, hands.map(referenceBadugi), true), null);
  });

  for (const size of [1, 2, 3, 4, 5, 6]) {
    it(`when random hands of ${size} cards are ranked then the order matches the reference`, () => {
      const random = seededRandom(0xbad + size);
      const deck = fullDeck();
      const hands = Array.from({ length: 2_000 }, () => deal(random, deck, size));
      assert.equal(
        orderMismatch(
          hands.map((cards) => evaluateBadugi(cards)),
          hands.map(referenceBadugi),
          true,
        ),
        null,
      );
    });
  }
});
