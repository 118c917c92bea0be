import assert from 'node:assert/strict';
import type { HandFlow } from '../../../src/insights/hand-flows.ts';
import { winRateOutliers } from '../../../src/insights/rules/win-rates.ts';
import { flow, seeded } from '../support.ts';

/**
 * `hands` hands per player in heads-up pairs of the population: each player's
 * result per hand is its `rates` entry (bb/100) plus noise, the opponent
 * taking the other side through a house player left out of the population.
 */
function population(rates: number[], hands: number, seed = 7): HandFlow[] {
  const random = seeded(seed);
  const flows: HandFlow[] = [];
  rates.forEach((rate, p) => {
    for (let h = 0; h < hands; h++) {
      const resultBb = rate / 100 + (random() - 0.5) * 10;
      const chips = Math.round(resultBb * 2);
      flows.push(flow([`p${p}`, ''], [chips, -chips]));
    }
  });
  return flows;
}

const normalRates = [-20, -12, -8, -5, -2, 0, 3, 6, 9, 14, 18, 22];

describe('insight rule: win rates outside the norm', () => {
  it('when one player wins far faster than the others then that player is found with the population numbers', () => {
    const hands = population([...normalRates, 180], 300);
    const findings = winRateOutliers({ hands, names: new Map([['p12', 'Zed']]) });
    assert.deepEqual(findings.map((finding) => finding.subject), [{ playerId: 'p12' }]);
    const [finding] = findings;
    assert.equal(finding.kind, 'winRateOutlier');
    assert.equal(finding.dedupeKey, 'winRateOutlier:p12');
    assert.equal(finding.evidence.hands, 300);
    assert.equal(finding.evidence.population, 12);
    assert.ok((finding.evidence.bbPer100 as number) > 150);
    assert.ok((finding.evidence.deviations as number) >= 3);
    assert.match(finding.summary, /^Zed won at [\d.]+ big blinds per 100 hands over 300 hands, [\d.]+ standard deviations above the mean/);
    assert.match(finding.recommendation, /collusion, a bot or chip dumping/);
  });

  it('when everyone plays within the usual spread then nobody is found', () => {
    assert.deepEqual(winRateOutliers({ hands: population(normalRates, 300), names: new Map() }), []);
  });

  it('when the outlier has fewer hands than the minimum then nobody is found', () => {
    const hands = [...population(normalRates, 300), ...population([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 400], 100).filter((hand) => hand.playerIds[0] === 'p12')];
    assert.deepEqual(winRateOutliers({ hands, names: new Map() }), []);
  });

  it('when there are too few players for a norm then only the absolute bound flags, losers too', () => {
    const hands = population([5, -400], 300);
    const findings = winRateOutliers({ hands, names: new Map() });
    assert.deepEqual(findings.map((finding) => finding.subject), [{ playerId: 'p1' }]);
    assert.equal(findings[0].evidence.deviations, null);
    assert.match(findings[0].summary, /lost at [\d.]+ big blinds per 100 hands over 300 hands, beyond the bound of ±250/);
    assert.match(findings[0].recommendation, /chip dumping to another player/);
  });
});
