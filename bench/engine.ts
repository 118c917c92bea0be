import { Hand } from '../src/engine/hand/Hand.ts';
import type { HandConfig } from '../src/engine/hand/state.ts';
import { seededRandom, type RandomSource } from '../src/engine/random.ts';
import { printFigure, type Figure } from './figure.ts';

export const SIX_MAX: HandConfig = {
  variant: 'NT',
  startingStacks: [200, 200, 200, 200, 200, 200],
  antes: [0, 0, 0, 0, 0, 0],
  blindsOrStraddles: [1, 2, 0, 0, 0, 0],
  anteTrimming: true,
  minBet: 2,
};

/** One random legal decision: fold a fifth of the time when facing a bet, raise a quarter of the time. */
export function randomAction(hand: Hand, random: RandomSource): void {
  const legal = hand.legalActions();
  if (!legal) return;
  const roll = random(100);
  if (legal.call && roll < 20) hand.fold(legal.player);
  else if (legal.raise && roll >= 75) {
    const span = legal.maxRaiseTo - legal.minRaiseTo;
    const to = roll >= 97 ? legal.maxRaiseTo : legal.minRaiseTo + random(Math.min(span, 3 * legal.minRaiseTo) + 1);
    hand.raiseTo(legal.player, Math.min(to, legal.maxRaiseTo));
  } else if (legal.check) hand.check(legal.player);
  else hand.call(legal.player);
}

/** Plays one complete hand from the production (CSPRNG) deck with random legal actions. */
export function playRandomHand(config: HandConfig, random: RandomSource): Hand {
  const hand = Hand.start(config);
  while (!hand.isComplete) {
    if (hand.actor >= 0) randomAction(hand, random);
    else if (hand.phase === 'showdown') hand.showOrMuck();
    else throw new Error(`stuck in ${hand.phase}`);
  }
  return hand;
}

/** Complete six-handed no-limit hands per second on one core. */
export function benchEngine(seconds = 3): Figure[] {
  const random = seededRandom(2024);
  for (let i = 0; i < 20000; i++) playRandomHand(SIX_MAX, random);
  let hands = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 1000; i++) playRandomHand(SIX_MAX, random);
    hands += 1000;
    elapsed = process.hrtime.bigint() - start;
  }
  return [{ name: 'engine.nlhe6', value: Math.round(hands / (Number(elapsed) / 1e9)), unit: 'hands/s' }];
}

if (import.meta.main) for (const figure of benchEngine()) printFigure(figure);
