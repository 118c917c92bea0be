import assert from 'node:assert/strict';
import { LoadStats, percentiles } from '../../loadtest/stats.ts';
import { chooseAction } from '../../loadtest/strategy.ts';

describe('loadtest stats', () => {
  it('when there are a hundred samples then p50, p95 and p99 are the nearest-rank values', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.deepEqual(percentiles(samples), { count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it('when there are no samples then every percentile is zero', () => {
    assert.deepEqual(percentiles([]), { count: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });

  it('when bots at two tables report hand numbers then hands are counted from the first one seen at each table', () => {
    const stats = new LoadStats();
    for (const hand of [7, 8, 8, 9]) stats.sawHand('t1', hand);
    for (const hand of [1, 3]) stats.sawHand('t2', hand);
    assert.equal(stats.handsPlayed(), 2 + 2);
    stats.reset();
    assert.equal(stats.handsPlayed(), 0);
  });
});

describe('loadtest strategy', () => {
  const facingBet = { fold: true, check: false, call: true, callAmount: 4, minRaiseTo: 8, maxRaiseTo: 100 };
  const unopened = { fold: true, check: true, call: false, callAmount: 0, minRaiseTo: 2, maxRaiseTo: 100 };

  it('when the roll is low and there is a bet then the bot folds, before the flop and after it', () => {
    assert.deepEqual(chooseAction(facingBet, () => 0.05, true), { action: 'fold' });
    assert.deepEqual(chooseAction(facingBet, () => 0.05, false), { action: 'fold' });
  });

  it('when a roll folds before the flop but not after it then the bot calls after the flop', () => {
    assert.deepEqual(chooseAction(facingBet, () => 0.6, true), { action: 'fold' });
    assert.deepEqual(chooseAction(facingBet, () => 0.6, false), { action: 'call' });
  });

  it('when the roll is high then the bot raises a bet to the minimum, or bets when nobody has', () => {
    assert.deepEqual(chooseAction(facingBet, () => 0.9, true), { action: 'raise', amount: 8 });
    assert.deepEqual(chooseAction(unopened, () => 0.9, false), { action: 'bet', amount: 2 });
  });

  it('when the big blind may check before the flop and the roll is high then the bot raises, since the blind is a bet', () => {
    assert.deepEqual(chooseAction(unopened, () => 0.9, true), { action: 'raise', amount: 2 });
  });

  it('when the roll is at the very top of the raising band then the bot goes all-in', () => {
    assert.deepEqual(chooseAction(facingBet, () => 0.999, true), { action: 'raise', amount: 100 });
    assert.deepEqual(chooseAction(unopened, () => 0.999, false), { action: 'bet', amount: 100 });
  });

  it('when nobody has bet then a middling roll checks', () => {
    assert.deepEqual(chooseAction(unopened, () => 0.5, false), { action: 'check' });
    assert.deepEqual(chooseAction(unopened, () => 0.5, true), { action: 'check' });
  });

  it('when no raise is possible then the bot checks or calls', () => {
    assert.deepEqual(chooseAction({ ...facingBet, minRaiseTo: 0, maxRaiseTo: 0 }, () => 0.9, false), { action: 'call' });
    assert.deepEqual(chooseAction({ ...unopened, minRaiseTo: 0, maxRaiseTo: 0 }, () => 0.9, false), { action: 'check' });
  });

  it('when many decisions are drawn then most hands are folded to the first bet before the flop', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const folds = Array.from({ length: 10_000 }, () => chooseAction(facingBet, random, true)).filter((a) => a.action === 'fold').length;
    assert.ok(folds > 6_800 && folds < 7_600, `${folds} folds of 10000`);
  });
});

describe('loadtest stats by table', () => {
  it('when actions are still waiting as the window ends then they count in the percentiles at their wait so far, but not as actions', () => {
    const stats = new LoadStats();
    for (let i = 1; i <= 98; i++) stats.actionApplied(i, 'calm');
    stats.stillWaiting(9_000, 'flooded');
    stats.stillWaiting(8_000, 'flooded');
    assert.equal(stats.actions, 98);
    assert.equal(stats.unfinished, 2);
    assert.equal(stats.latency().count, 100);
    assert.equal(stats.latency().p99, 8_000);
    stats.reset();
    assert.equal(stats.unfinished, 0);
    assert.equal(stats.latency().count, 0);
  });

  it('when samples come from two tables then each table\'s percentiles can be read apart, and the samples copied out', () => {
    const stats = new LoadStats();
    stats.actionApplied(2, 'calm');
    stats.actionApplied(4, 'calm');
    stats.actionApplied(3_000, 'flooded');
    assert.deepEqual(stats.latencyAt((id) => id === 'flooded'), { count: 1, p50: 3_000, p95: 3_000, p99: 3_000, max: 3_000 });
    assert.equal(stats.latencyAt((id) => id !== 'flooded').max, 4);
    const samples = stats.samples();
    assert.deepEqual(samples, { ms: [2, 4, 3_000], tableIds: ['calm', 'calm', 'flooded'] });
    stats.reset();
    assert.equal(samples.ms.length, 3, 'a copy, kept after the reset');
  });
});
