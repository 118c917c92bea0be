import assert from 'node:assert/strict';
import { fullDeck, parseCards } from '../../../src/engine/cards.ts';
import { handCategory, HandCategory } from '../../../src/engine/eval/describe.ts';
import { evaluate5, evaluate6, evaluate7, evaluateHigh } from '../../../src/engine/eval/high.ts';
import { deal, orderMismatch, seededRandom } from './random-hands.ts';
import { referenceHigh } from './reference.ts';

const high = (text: string): number => evaluateHigh(parseCards(text));

describe('high hand evaluator', () => {
  it('when one hand of each category is evaluated then they rank straight flush down to high card', () => {
    const hands = [
      ['9h8h7h6h5h', HandCategory.straightFlush],
      ['QcQdQhQs2d', HandCategory.fourOfAKind],
      ['3c3d3hKsKd', HandCategory.fullHouse],
      ['Ad9d7d4d2d', HandCategory.flush],
      ['Ts9h8d7c6s', HandCategory.straight],
      ['7c7d7hAsKd', HandCategory.threeOfAKind],
      ['AsAhKdKc2d', HandCategory.twoPair],
      ['AsAhKdQc9d', HandCategory.onePair],
      ['AsKhQdJc9d', HandCategory.highCard],
    ] as const;
    const strengths = hands.map(([cards]) => high(cards));
    assert.deepEqual(
      hands.map(([cards]) => handCategory(high(cards))),
      hands.map(([, category]) => category),
    );
    for (let i = 1; i < strengths.length; i++) assert.ok(strengths[i - 1] > strengths[i], `${hands[i - 1][0]} beats ${hands[i][0]}`);
  });

  it('when the ace plays low in A-2-3-4-5 then it is the lowest straight', () => {
    const wheel = high('As2d3h4c5s');
    assert.equal(handCategory(wheel), HandCategory.straight);
    assert.ok(wheel < high('2d3h4c5s6s'));
    assert.ok(wheel > high('AsAdAh4c5s'));
  });

  it('when A-2-3-4-5 is suited then it is a steel wheel that loses only to higher straight flushes', () => {
    const steelWheel = high('Ah2h3h4h5h');
    assert.equal(handCategory(steelWheel), HandCategory.straightFlush);
    assert.ok(steelWheel > high('AcAdAhAsKh'));
    assert.ok(steelWheel < high('2h3h4h5h6h'));
    assert.ok(high('AhKhQhJhTh') > high('KhQhJhTh9h'));
  });

  it('when the ace sits in the middle of K-A-2-3-4 then there is no straight', () => {
    assert.equal(handCategory(high('KsAd2h3c4s')), HandCategory.highCard);
  });

  it('when two hands share a pair then the kickers decide', () => {
    const board = 'AsAd9h5c2s';
    assert.ok(high(`${board}KhQh`) > high(`${board}QcJc`));
    assert.ok(high('AsAdKh9c5s') > high('AcAhKd9s4h'));
  });

  it('when the cards beyond the best five differ then the hands tie', () => {
    assert.equal(high('AsAdKhQc9s3d2c'), high('AhAcKdQs9h4c3h'));
    assert.equal(high('KsKdKhKcAs2d3c'), high('KsKdKhKcAh7d8c'));
  });

  it('when the board is a straight that no one improves then the pot splits', () => {
    const board = '9s8d7h6c5s';
    assert.equal(high(`${board}AhKd`), high(`${board}2c2d`));
    assert.ok(high(`${board}Td2d`) > high(`${board}AhKd`));
  });

  it('when the board is a royal flush then everyone ties', () => {
    const board = 'AsKsQsJsTs';
    assert.equal(high(`${board}2h3d`), high(`${board}9s8s`));
  });

  it('when seven cards hold two trips then the full house takes the higher trips and pairs the lower', () => {
    assert.equal(high('9s9d9h4c4s4dAh'), high('9c9h9s4h4dQcJc'));
    assert.ok(high('9s9d9h4c4s4dAh') > high('9s9d9h3c3s3dAh'));
  });

  it('when a flush and a straight are both present then the flush wins', () => {
    assert.equal(handCategory(high('6h7h8h9hTs2hKd')), HandCategory.flush);
    assert.equal(handCategory(high('6h7h8h9hTh2hKd')), HandCategory.straightFlush);
  });

  it('when six or five cards are given then the best five of them are scored on the same scale', () => {
    assert.equal(evaluate6(...(parseCards('AsKsQsJs2d3c') as [number, number, number, number, number, number])), high('AsKsQsJs2d3c'));
    assert.equal(high('AsAdKhKc2s3d'), high('AsAdKhKc3d'));
    assert.equal(evaluate5(...(parseCards('AsAdKhKc3d') as [number, number, number, number, number])), high('AsAdKhKc3d'));
    assert.equal(high('AsAdKhKc3d2c4h'), high('AsAdKhKc4h'));
  });

  it('when a count is given then only that many cards are read', () => {
    assert.equal(evaluateHigh(parseCards('AsKsQsJsTs2h2d'), 5), high('AsKsQsJsTs'));
  });

  it('when fewer than five cards are given then it throws', () => {
    assert.throws(() => high('AsKsQsJs'), RangeError);
  });

  it('when every five-card hand is evaluated then the category counts are the known ones and 7,462 strengths exist', () => {
    const counts = new Map<string, number>();
    const distinct = new Set<number>();
    for (let a = 0; a < 52; a++)
      for (let b = a + 1; b < 52; b++)
        for (let c = b + 1; c < 52; c++)
          for (let d = c + 1; d < 52; d++)
            for (let e = d + 1; e < 52; e++) {
              const s = evaluate5(a, b, c, d, e);
              distinct.add(s);
              const category = handCategory(s);
              counts.set(category, (counts.get(category) ?? 0) + 1);
            }
    assert.equal(distinct.size, 7462);
    assert.deepEqual(Object.fromEntries(counts), {
      straightFlush: 40,
      fourOfAKind: 624,
      fullHouse: 3744,
      flush: 5108,
      straight: 10200,
      threeOfAKind: 54912,
      twoPair: 123552,
      onePair: 1098240,
      highCard: 1302540,
    });
  });

  it('when the first and last five-card hand of every strength are ranked then the order matches the reference for every pair', () => {
    const first = new Map<number, number[]>();
    const last = new Map<number, number[]>();
    for (let a = 0; a < 52; a++)
      for (let b = a + 1; b < 52; b++)
        for (let c = b + 1; c < 52; c++)
          for (let d = c + 1; d < 52; d++)
            for (let e = d + 1; e < 52; e++) {
              const s = evaluate5(a, b, c, d, e);
              if (!first.has(s)) first.set(s, [a, b, c, d, e]);
              else last.set(s, [a, b, c, d, e]);
            }
    const hands = [...first.values(), ...last.values()];
    assert.equal(
      orderMismatch(
        hands.map((cards) => evaluateHigh(cards)),
        hands.map((cards) => referenceHigh(cards)),
      ),
      null,
    );
  });

  it('when every seven-card hand is evaluated then the category counts are the known ones and 4,824 strengths exist', function () {
    this.timeout(60_000);
    // Per strength, how many hands; categories are summed afterwards.
    const byStrength = new Float64Array(1 << 16);
    for (let a = 0; a < 52; a++)
      for (let b = a + 1; b < 52; b++)
        for (let c = b + 1; c < 52; c++)
          for (let d = c + 1; d < 52; d++)
            for (let e = d + 1; e < 52; e++)
              for (let f = e + 1; f < 52; f++)
                for (let g = f + 1; g < 52; g++) byStrength[evaluate7(a, b, c, d, e, f, g)]++;
    const counts: Record<string, number> = {};
    let distinct = 0;
    byStrength.forEach((n, strength) => {
      if (n === 0) return;
      distinct++;
      const category = handCategory(strength);
      counts[category] = (counts[category] ?? 0) + n;
    });
    assert.equal(distinct, 4824);
    assert.deepEqual(counts, {
      highCard: 23294460,
      onePair: 58627800,
      twoPair: 31433400,
      threeOfAKind: 6461620,
      straight: 6180020,
      flush: 4047644,
      fullHouse: 3473184,
      fourOfAKind: 224848,
      straightFlush: 41584,
    });
  });

  for (const size of [7, 6, 5]) {
    const sample = size === 7 ? 20_000 : 5_000;
    it(`when ${sample} random ${size}-card hands are ranked then the order matches the reference evaluator for every pair`, () => {
      const random = seededRandom(0x5eed + size);
      const deck = fullDeck();
      const hands = Array.from({ length: sample }, () => deal(random, deck, size));
      const mismatch = orderMismatch(
        hands.map((cards) => evaluateHigh(cards)),
        hands.map((cards) => referenceHigh(cards)),
      );
      assert.equal(mismatch, null);
    });
  }
});
