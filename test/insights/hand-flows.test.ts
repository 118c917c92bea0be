import assert from 'node:assert/strict';
import { Hand } from '../../src/engine/hand/Hand.ts';
import { handFlow } from '../../src/insights/hand-flows.ts';
import type { HandRecord } from '../../src/persistence/types.ts';
import { nlConfig, playOut, startHand } from '../engine/hand/helpers.ts';
import { headsUpHand } from './support.ts';

const record = (hand: Hand, playerIds: string[]): HandRecord => ({
  id: 'h1', tableId: 't1', handNumber: 1, variant: 'NT', startedAt: new Date(0), endedAt: new Date(1000), playerIds, state: structuredClone(hand.state), rake: 0,
});

describe('insights: chip flows of a stored hand', () => {
  it('when a player opens and folds to a re-raise then the flow shows the loss, the win and the fold to that bet', () => {
    const stored = headsUpHand({ tableId: 't1', loser: 'ann', winner: 'bob', endedAt: new Date(), openTo: 20, raiseTo: 200 });
    const flow = handFlow(stored);
    assert.ok(flow);
    assert.deepEqual(flow.playerIds, ['bob', 'ann']);
    assert.deepEqual(flow.net, [20, -20]);
    assert.equal(flow.bigBlind, 2);
    assert.deepEqual(flow.folds, [{ player: 1, to: 0, facing: 200 }]);
  });

  it('when a three-way hand goes to showdown then the results sum to zero and nobody folded to a bet', () => {
    const hand = startHand(nlConfig([500, 500, 500]), ['AsAh', 'KsKh', '7c2d'], 'AdKd3c8s9h');
    playOut(hand);
    const flow = handFlow(record(hand, ['a', 'b', 'c']));
    assert.ok(flow);
    assert.deepEqual(flow.net, [4, -2, -2]);
    assert.deepEqual(flow.folds, []);
  });

  it('when the stored state is not a hand state then it is skipped, not thrown', () => {
    const hand = startHand(nlConfig([500, 500]), ['AsAh', 'KsKh'], '');
    assert.equal(handFlow({ ...record(hand, ['a', 'b']), state: { stacks: [1, 2] } }), null);
    assert.equal(handFlow({ ...record(hand, ['a', 'b', 'c']) }), null);
  });
});
