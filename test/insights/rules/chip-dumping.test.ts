import assert from 'node:assert/strict';
import { chipDumping } from '../../../src/insights/rules/chip-dumping.ts';
import { flow, seeded, times } from '../support.ts';

const names = new Map([['ann', 'Ann'], ['bob', 'Bob'], ['cat', 'Cat']]);

/** Ann opens and folds to Bob's big raise: she loses `lossBb` big blinds (big blind 2) to him. */
const dump = (lossBb: number) => flow(['bob', 'ann'], [2 * lossBb, -2 * lossBb], { folds: [{ player: 1, to: 0, facing: 200 }] });

describe('insight rule: chip dumping', () => {
  it('when Ann loses to Bob hand after hand, folding to his large bets, then the pair is found with the flows', () => {
    const hands = [...times(6, () => dump(30)), ...times(6, () => flow(['bob', 'ann'], [1, -1]))];
    const findings = chipDumping({ hands, names });
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.kind, 'chipDumping');
    assert.equal(finding.severity, 'critical');
    assert.deepEqual(finding.subject, { fromPlayerId: 'ann', toPlayerId: 'bob' });
    assert.equal(finding.dedupeKey, 'chipDumping:ann>bob');
    assert.equal(finding.evidence.handsTogether, 12);
    assert.equal(finding.evidence.losingHands, 12);
    assert.equal(finding.evidence.netFlowBb, 183);
    assert.equal(finding.evidence.flowBackBb, 0);
    assert.equal(finding.evidence.shareOfLosses, 1);
    assert.equal(finding.evidence.foldsToBets, 6);
    assert.equal(finding.evidence.foldsToLargeBets, 6);
    assert.equal((finding.evidence.biggestHands as unknown[]).length, 12);
    assert.match(finding.summary, /^Ann lost 183 big blinds net to Bob in 12 of 12 hands together; 100% of everything Ann lost went to Bob/);
  });

  it('when the chips reach Bob in a ring game, shared with the rake, then the flow counts only what Bob won', () => {
    // Ann loses 60 bb a hand; Bob wins 50, Cat 8 and the rake 2: Bob's part of Ann's loss is 50.
    const hands = times(10, () => flow(['ann', 'bob', 'cat'], [-120, 100, 16]));
    const [finding] = chipDumping({ hands, names });
    assert.equal(finding.evidence.shareOfLosses, 0.833);
    assert.equal(finding.evidence.netFlowBb, 500);
    assert.equal(finding.evidence.totalLossesBb, 600);
    assert.equal(finding.severity, 'warning');
  });

  it('when two players battle heads-up and chips go both ways then nothing is found, even if one is well ahead', () => {
    // Ann wins 8 pots of 40 bb, Bob 10 pots of 60 bb: Bob is 280 bb up, but Ann took 320 back.
    const hands = [...times(10, () => flow(['bob', 'ann'], [120, -120])), ...times(8, () => flow(['bob', 'ann'], [-80, 80]))];
    assert.deepEqual(chipDumping({ hands, names }), []);
  });

  it('when a six-handed game is played normally then no pair is found', () => {
    const random = seeded(42);
    const players = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const hands = times(600, () => {
      // Each hand a few players put chips in and one of them takes the pot.
      const net = players.map(() => 0);
      const inPot = players.map((_, i) => i).filter(() => random() < 0.45);
      if (inPot.length < 2) return flow(players, net);
      let pot = 0;
      for (const i of inPot) {
        const paid = 2 * Math.ceil(random() * random() * 60);
        net[i] -= paid;
        pot += paid;
      }
      net[inPot[Math.floor(random() * inPot.length)]] += pot;
      return flow(players, net);
    });
    assert.deepEqual(chipDumping({ hands, names: new Map() }), []);
    // It is the concentration and one-directional conditions that keep it clean: without them pairs stand out by luck.
    assert.notDeepEqual(chipDumping({ hands, names: new Map(), thresholds: { minShareOfLosses: 0, maxReverseShare: 1 } }), []);
  });

  it('when the losses are too few, too small or spread over several winners then nothing is found', () => {
    assert.deepEqual(chipDumping({ hands: times(2, () => dump(60)).concat(times(10, () => flow(['bob', 'ann'], [0, 0]))), names }), [], 'two losing hands');
    assert.deepEqual(chipDumping({ hands: times(12, () => dump(5)), names }), [], '60 bb in all');
    const spread = [...times(6, () => dump(30)), ...times(6, () => flow(['cat', 'ann'], [60, -60]))];
    assert.deepEqual(chipDumping({ hands: spread, names }), [], 'half of the losses to Cat');
  });
});
