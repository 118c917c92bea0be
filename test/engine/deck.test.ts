import assert from 'node:assert/strict';
import { cardsLeft, drawCard, shuffledDeck, stackedDeck, takeCard } from '../../src/engine/deck.ts';
import { cryptoRandom, seededRandom } from '../../src/engine/random.ts';

describe('deck', () => {
  it('when three cards are shuffled many times then every order comes up about equally often', () => {
    const random = seededRandom(123);
    const counts = new Map<string, number>();
    const trials = 60000;
    for (let t = 0; t < trials; t++) {
      const deck = stackedDeck([0, 1, 2]);
      deck.shuffle = true;
      const order = [drawCard(deck, random), drawCard(deck, random), drawCard(deck, random)].join('');
      counts.set(order, (counts.get(order) ?? 0) + 1);
    }
    assert.equal(counts.size, 6);
    for (const count of counts.values()) assert.ok(Math.abs(count - trials / 6) < trials / 6 * 0.05, `${count} is far from ${trials / 6}`);
  });

  it('when the crypto source draws below a bound then every value is in range and each one occurs', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const value = cryptoRandom(7);
      assert.ok(Number.isInteger(value) && value >= 0 && value < 7);
      seen.add(value);
    }
    assert.equal(seen.size, 7);
  });

  it('when a whole deck is dealt then it gives each of the 52 cards once', () => {
    const deck = shuffledDeck();
    const dealt = new Set<number>();
    while (cardsLeft(deck) > 0) dealt.add(drawCard(deck));
    assert.equal(dealt.size, 52);
  });

  it('when a named card is taken then it is dealt and cannot be taken again', () => {
    const deck = shuffledDeck();
    assert.equal(takeCard(deck, 51), true);
    assert.equal(takeCard(deck, 51), false);
    assert.equal(cardsLeft(deck), 51);
  });
});
