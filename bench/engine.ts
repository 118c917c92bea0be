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

/** Six-handed games of the other variants: stud with antes and a bring-in, draw with blinds. */
const STUD6 = (variant: string): HandConfig => ({
  variant, startingStacks: [200, 200, 200, 200, 200, 200], antes: [1, 1, 1, 1, 1, 1], blindsOrStraddles: [0, 0, 0, 0, 0, 0],
  anteTrimming: true, bringIn: 1, smallBet: 2, bigBet: 4,
});
const DRAW6 = (variant: string, fixed: boolean): HandConfig => ({
  ...SIX_MAX, variant, ...(fixed ? { minBet: undefined, smallBet: 2, bigBet: 4 } : {}),
});

/** Each variant's bench figure: a name and the hand it plays. */
export const ENGINE_GAMES: readonly { name: string; config: HandConfig }[] = [
  { name: 'engine.nlhe6', config: SIX_MAX },
  { name: 'engine.stud6', config: STUD6('F7S') },
  { name: 'engine.studhilo6', config: STUD6('F7S/8') },
  { name: 'engine.razz6', config: STUD6('FR') },
  { name: 'engine.deuce7single6', config: DRAW6('N2L1D', false) },
  { name: 'engine.deuce7triple6', config: DRAW6('F2L3D', true) },
  { name: 'engine.badugi6', config: DRAW6('FB', true) },
];

/**
 * One random legal decision: a draw throws away a random number of cards, a
 * bring-in is posted three times in four (else completed); otherwise fold a
 * fifth of the time when facing a bet, raise a quarter of the time.
 */
export function randomAction(hand: Hand, random: RandomSource): void {
  const legal = hand.legalActions();
  if (!legal) return;
  if (legal.draw) {
    const hole = hand.state.hole[legal.player];
    hand.draw(legal.player, hole.slice(0, random(legal.maxDiscards + 1)));
    return;
  }
  const roll = random(100);
  if (legal.bringIn) {
    if (roll < 75) hand.bringIn(legal.player);
    else hand.raiseTo(legal.player, legal.minRaiseTo);
    return;
  }
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
    if (hand.toAct >= 0) randomAction(hand, random);
    else if (hand.phase === 'showdown') hand.showOrMuck();
    else throw new Error(`stuck in ${hand.phase}`);
  }
  return hand;
}

/** Complete six-handed hands per second on one core, with random legal actions. */
function benchGame(config: HandConfig, seconds: number): number {
  const random = seededRandom(2024);
  for (let i = 0; i < 20000; i++) playRandomHand(config, random);
  let hands = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 1000; i++) playRandomHand(config, random);
    hands += 1000;
    elapsed = process.hrtime.bigint() - start;
  }
  return Math.round(hands / (Number(elapsed) / 1e9));
}

/** Hands per second of each variant (six-handed no-limit hold'em first, as before, then stud and draw). */
export function benchEngine(seconds = 3): Figure[] {
  return ENGINE_GAMES.map(({ name, config }) => ({ name, value: benchGame(config, seconds), unit: 'hands/s' }));
}

if (import.meta.main) for (const figure of benchEngine()) printFigure(figure);
