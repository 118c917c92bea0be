import assert from 'node:assert/strict';
import { fullDeck } from '../../../src/engine/cards.ts';
import { stackedDeck } from '../../../src/engine/deck.ts';
import { Hand } from '../../../src/engine/hand/Hand.ts';
import type { HandConfig } from '../../../src/engine/hand/state.ts';
import { planNextHand, type HandPlan } from '../../../src/engine/table/lineup.ts';
import type { Stakes } from '../../../src/engine/table/state.ts';
import { STAKES, regular, table } from './helpers.ts';

// These tests hand plans to the hand engine, to show the plan means what the engine reads.

function start(plan: HandPlan, stakes: Stakes, anteTrimming = true): Hand {
  const config: HandConfig = {
    variant: 'NT',
    startingStacks: plan.startingStacks,
    antes: plan.antes,
    blindsOrStraddles: plan.blindsOrStraddles,
    deadBlinds: plan.deadBlinds,
    posts: plan.posts,
    anteTrimming,
    minBet: stakes.bigBlind,
    seats: plan.seats,
  };
  return Hand.start(config, { deck: stackedDeck(fullDeck(0)) });
}

function forced(hand: Hand): string[] {
  return hand.state.log
    .filter((op) => op.type === 'ante' || op.type === 'blind' || op.type === 'deadBlind' || op.type === 'post')
    .map((op) => `${op.type} ${'player' in op ? op.player : ''} ${'amount' in op ? op.amount : ''}`);
}

describe('planNextHand with the hand engine', () => {
  it('when a heads-up plan with a big blind ante is dealt then the big blind posts blind and ante and the button acts first', () => {
    const stakes = { ...STAKES, ante: 2, bigBlindAnte: true };
    const plan = planNextHand(table(['A', 'B']), stakes)!;
    const hand = start(plan, stakes, false);
    assert.deepEqual(forced(hand), ['ante 0 2', 'blind 0 2', 'blind 1 1']);
    assert.deepEqual(hand.state.stacks, [96, 99]);
    assert.equal(hand.actor, 1);
  });

  it('when a three-handed plan with a big blind ante is dealt then only the big blind antes', () => {
    const stakes = { ...STAKES, ante: 2, bigBlindAnte: true };
    const plan = planNextHand(table(['A', 'B', 'C']), stakes)!;
    const hand = start(plan, stakes, false);
    assert.deepEqual(forced(hand), ['ante 1 2', 'blind 0 1', 'blind 1 2']);
    assert.equal(hand.actor, 2);
  });

  it('when the small blind is dead and a returning player posts then the first to act is left of the big blind', () => {
    const away = { ...regular('D'), missedBigBlind: true, missedSmallBlind: true, willPost: true };
    const t = table(['A', 'B', null, 'C', away, 'E'], { button: 0, small: 1, big: 2 });
    const plan = planNextHand(t, STAKES)!;
    assert.deepEqual(plan.playerIds, ['C', 'D', 'E', 'A', 'B']);
    const hand = start(plan, STAKES);
    assert.deepEqual(forced(hand), ['deadBlind 1 1', 'blind 0 2', 'post 1 2']);
    assert.deepEqual(hand.state.stacks, [98, 97, 100, 100, 100]);
    assert.equal(hand.actor, 1, 'the poster acts in turn, left of the big blind');
    assert.equal(hand.totalPot(), 5);
  });

  it('when a straddle is planned then the player after the straddler acts first', () => {
    const stakes = { ...STAKES, straddle: 4 };
    const hand = start(planNextHand(table(['A', 'B', 'C', 'D']), stakes)!, stakes);
    assert.equal(hand.actor, 3);
  });
});
