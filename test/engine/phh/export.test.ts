import assert from 'node:assert/strict';
import { exportPhh } from '../../../src/engine/phh/export.ts';
import { replayPhh, verifyPhh } from '../../../src/engine/phh/replay.ts';
import { parsePhh } from '../../../src/engine/phh/parse.ts';
import { writePhh } from '../../../src/engine/phh/write.ts';
import { Hand } from '../../../src/engine/hand/Hand.ts';
import { seededRandom } from '../../../src/engine/random.ts';
import { playRandomHand } from '../../../bench/engine.ts';
import { nlConfig, playOut } from '../hand/helpers.ts';

describe('PHH export', () => {
  it('when random hands are exported then each written document replays to the same finishing stacks', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 300; i++) {
      const hand = playRandomHand(nlConfig([150, 200, 250, 300, 350, 400]), random);
      const text = writePhh(exportPhh(hand.state, { players: ['a', 'b', 'c', 'd', 'e', 'f'], hand: i }));
      const doc = parsePhh(text);
      assert.deepEqual(doc.finishing_stacks, hand.state.stacks);
      assert.deepEqual(verifyPhh(doc), { ok: true, repairs: 0 }, text);
      assert.equal(writePhh(doc), text, 'a round trip gives the same document');
    }
  });

  it('when a hand ran twice then its history records the runouts and replays them', () => {
    const hand = Hand.start(nlConfig([100, 100], { maxRunouts: 2 }), { random: seededRandom(3) });
    hand.raiseTo(1, 100);
    hand.call(0);
    hand.chooseRunouts(0, 2);
    hand.chooseRunouts(1, 2);
    playOut(hand);
    const doc = parsePhh(writePhh(exportPhh(hand.state)));
    assert.equal(doc.user_defined._runouts, 2);
    assert.equal(doc.actions.filter((action) => action.startsWith('d db')).length, 6);
    const replay = replayPhh(doc);
    assert.ok(replay.ok);
    assert.deepEqual(replay.finishingStacks, hand.state.stacks);
  });

  it('when a hand has live posts and dead blinds then the exported history keeps them', () => {
    const config = nlConfig([100, 100, 100, 100], { posts: [0, 0, 0, 2], deadBlinds: [0, 0, 0, 1] });
    const hand = Hand.start(config, { random: seededRandom(5) });
    assert.equal(hand.actor, 2, 'a live post does not move the first action');
    while (!hand.isComplete) {
      if (hand.actor >= 0) hand.checkOrCall(hand.actor);
      else hand.showOrMuck();
    }
    const doc = exportPhh(hand.state);
    assert.deepEqual(doc.blinds_or_straddles, [1, 2, 0, -2]);
    assert.deepEqual(doc.user_defined._dead_blinds, [0, 0, 0, 1]);
    assert.deepEqual(verifyPhh(parsePhh(writePhh(doc))), { ok: true, repairs: 0 });
  });

  it('when a hand was raked then its history records the rake and replays to the raked stacks', () => {
    const hand = Hand.start(nlConfig([100, 100], { rake: { basisPoints: 1000, cap: 3, noFlopNoDrop: true } }), { random: seededRandom(8) });
    hand.raiseTo(1, 20);
    hand.call(0);
    playOut(hand);
    assert.equal(hand.state.pots.reduce((sum, pot) => sum + pot.rake, 0), 3, 'the capped rake was taken');

    const doc = parsePhh(writePhh(exportPhh(hand.state)));

    assert.deepEqual(doc.user_defined._rake, { basis_points: 1000, cap: 3, no_flop_no_drop: true });
    assert.deepEqual(verifyPhh(doc), { ok: true, repairs: 0 });
    const { _rake: _dropped, ...unraked } = doc.user_defined;
    assert.equal(verifyPhh({ ...doc, user_defined: unraked }).ok, false, 'without the rake the stacks would not add up');
  });
});
