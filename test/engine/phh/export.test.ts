import assert from 'node:assert/strict';
import { exportPhh } from '../../../src/engine/phh/export.ts';
import { replayPhh, verifyPhh } from '../../../src/engine/phh/replay.ts';
import { parsePhh } from '../../../src/engine/phh/parse.ts';
import { writePhh } from '../../../src/engine/phh/write.ts';
import { Hand } from '../../../src/engine/hand/Hand.ts';
import { seededRandom } from '../../../src/engine/random.ts';
import { playRandomHand } from '../../../bench/engine.ts';
import { nlConfig, playOut, startHand } from '../hand/helpers.ts';

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

  it('when a player posts a dead blind then it is their entry in antes, not a Felt-only field, and the hand replays', () => {
    const config = nlConfig([100, 100, 100, 100], { posts: [0, 0, 0, 2], deadBlinds: [0, 0, 0, 1] });
    const hand = Hand.start(config, { random: seededRandom(5) });
    assert.equal(hand.actor, 2, 'a live post does not move the first action');
    while (!hand.isComplete) {
      if (hand.actor >= 0) hand.checkOrCall(hand.actor);
      else hand.showOrMuck();
    }

    const doc = exportPhh(hand.state);

    assert.deepEqual(doc.antes, [0, 0, 0, 1]);
    assert.equal(doc.ante_trimming_status, false, 'an ante that is dead money is an untrimmed ante');
    assert.deepEqual(doc.blinds_or_straddles, [1, 2, 0, -2]);
    assert.equal(doc.user_defined._dead_blinds, undefined);
    assert.deepEqual(verifyPhh(parsePhh(writePhh(doc))), { ok: true, repairs: 0 });
  });

  it('when a dead blind is posted heads-up then it sits in the ante slot PHH reads for that player', () => {
    // Heads-up, PHH lists forced bets in posting order: player 0 (the big blind) reads antes[1].
    const hand = Hand.start(nlConfig([100, 100], { blindsOrStraddles: [1, 2], deadBlinds: [1, 0] }), { random: seededRandom(9) });
    hand.fold(1);

    const doc = exportPhh(hand.state);

    assert.deepEqual(doc.antes, [0, 1]);
    assert.deepEqual(doc.finishing_stacks, [101, 99]);
    assert.deepEqual(verifyPhh(parsePhh(writePhh(doc))), { ok: true, repairs: 0 });
  });

  it('when trimmed antes are all equal then dead blinds join them and the replayed pots are the table\'s', () => {
    const config = nlConfig([100, 60, 100, 30], { antes: [1, 1, 1, 1], posts: [0, 0, 0, 2], deadBlinds: [0, 0, 0, 1] });
    const hand = startHand(config, ['KsKd', 'QsQd', '7c2d', 'AsAd'], '2c7d9h3s4c');
    hand.raiseTo(2, 10);
    hand.raiseTo(3, 28);
    hand.raiseTo(0, 99);
    hand.call(1);
    hand.fold(2);
    while (hand.phase === 'showdown') hand.showOrMuck();
    assert.ok(hand.state.pots.length > 1, 'the all-in players made side pots');

    const doc = exportPhh(hand.state);
    const replay = replayPhh(parsePhh(writePhh(doc)));

    assert.deepEqual(doc.antes, [1, 1, 1, 2]);
    assert.equal(doc.ante_trimming_status, false);
    assert.ok(replay.ok);
    assert.deepEqual(replay.finishingStacks, hand.state.stacks);
    assert.deepEqual(replay.hand.state.pots, hand.state.pots);
  });

  it('when a player is all in for the whole ante then a dead blind is still an entry of antes, the antes being open to them either way', () => {
    const config = nlConfig([100, 100, 100, 2], { antes: [2, 2, 2, 2], posts: [0, 0, 2, 0], deadBlinds: [0, 0, 1, 0] });
    const hand = startHand(config, ['KsKd', 'QsQd', '7c2d', 'AsAd'], 'Jc8d5h3s4c');
    playOut(hand);
    assert.equal(hand.state.stacks[3], 9, 'the all-in ante won the antes and the dead blind');

    const doc = exportPhh(hand.state);

    assert.equal(doc.user_defined._dead_blinds, undefined);
    assert.deepEqual(doc.antes, [2, 2, 3, 2]);
    assert.equal(doc.ante_trimming_status, false);
    const replay = replayPhh(parsePhh(writePhh(doc)));
    assert.ok(replay.ok);
    assert.deepEqual(replay.finishingStacks, hand.state.stacks);
  });

  it('when a player is all in for part of the ante then a dead blind stays in _dead_blinds, since antes cannot hold it', () => {
    const config = nlConfig([100, 100, 100, 1], { antes: [2, 2, 2, 2], posts: [0, 0, 2, 0], deadBlinds: [0, 0, 1, 0] });
    const hand = startHand(config, ['KsKd', 'QsQd', '7c2d', 'AsAd'], 'Jc8d5h3s4c');
    playOut(hand);
    assert.equal(hand.state.stacks[3], 5, 'the short ante won one chip of each ante and the dead blind');

    const doc = exportPhh(hand.state);
    const asAntes = { ...doc, antes: [2, 2, 3, 2], ante_trimming_status: false, user_defined: { ...doc.user_defined } };
    delete asAntes.user_defined._dead_blinds;

    assert.deepEqual(doc.user_defined._dead_blinds, [0, 0, 1, 0]);
    assert.deepEqual(doc.antes, [2, 2, 2, 2]);
    assert.equal(doc.ante_trimming_status, true);
    assert.deepEqual(verifyPhh(parsePhh(writePhh(doc))), { ok: true, repairs: 0 });
    assert.equal(verifyPhh(asAntes).ok, false, 'as dead money the short ante would win all the antes');
  });

  it('when players are all in before the flop then their shows come before the runout, in PokerKit\'s showdown order', () => {
    const hand = startHand(nlConfig([100, 100, 100]), ['KsKd', 'Qc2d', 'AsAh'], '2c7d9h3s4c');
    hand.raiseTo(2, 100);
    hand.call(0);
    hand.fold(1);
    while (hand.phase === 'showdown') hand.showOrMuck();
    const shownAfterRunout = hand.state.log.findIndex((op) => op.type === 'show') > hand.state.log.findIndex((op) => op.type === 'dealBoard');
    assert.ok(shownAfterRunout, 'the engine shows after dealing the board');

    const doc = exportPhh(hand.state);

    assert.deepEqual(doc.actions.slice(3), [
      'p3 cbr 100', 'p1 cc', 'p2 f', 'p3 sm AsAh', 'p1 sm KsKd', 'd db 2c7d9h', 'd db 3s', 'd db 4c',
    ]);
    assert.deepEqual(verifyPhh(parsePhh(writePhh(doc))), { ok: true, repairs: 0 });
  });

  it('when a player mucks at the showdown of an all-in hand then they keep their cards face down at each street and muck at the end', () => {
    const hand = startHand(nlConfig([100, 100, 100]), ['AsAh', 'Qc2d', 'KsKd'], '2c7d9h3s4c');
    hand.raiseTo(2, 100);
    hand.call(0);
    hand.fold(1);
    while (hand.phase === 'showdown') hand.showOrMuck();
    assert.deepEqual(hand.state.log.filter((op) => op.type === 'muck'), [{ type: 'muck', player: 2 }]);

    const doc = exportPhh(hand.state);

    assert.deepEqual(doc.actions.slice(6), [
      'p3 sm ????', 'p1 sm AsAh', 'd db 2c7d9h', 'p3 sm ????', 'd db 3s', 'p3 sm ????', 'd db 4c', 'p3 sm',
    ]);
    const replay = replayPhh(parsePhh(writePhh(doc)));
    assert.ok(replay.ok);
    assert.deepEqual(replay.finishingStacks, [202, 98, 0]);
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
