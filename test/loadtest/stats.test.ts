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

  it('when the roll is low and there is a bet then the bot folds', () => {
    assert.deepEqual(chooseAction(facingBet, () => 0.05), { action: 'fold' });
  });

  it('when the roll is high then the bot raises a bet to the minimum, or bets when nobody has', () => {
    assert.deepEqual(chooseAction(facingBet, () => 0.9), { action: 'raise', amount: 8 });
    assert.deepEqual(chooseAction(unopened, () => 0.9), { action: 'bet', amount: 2 });
    assert.deepEqual(chooseAction(unopened, () => 0.995), { action: 'bet', amount: 100 });
  });

  it('when no raise is possible then the bot checks or calls', () => {
    assert.deepEqual(chooseAction({ ...facingBet, minRaiseTo: 0, maxRaiseTo: 0 }, () => 0.9), { action: 'call' });
    assert.deepEqual(chooseAction({ ...unopened, minRaiseTo: 0, maxRaiseTo: 0 }, () => 0.5), { action: 'check' });
  });
});
