import type { HandFlow } from '../hand-flows.ts';
import { INSIGHT_KIND, INSIGHT_SEVERITY, nameOf, roundBb, type Finding, type PlayerNames } from '../types.ts';

/** When a win rate is far outside the norm. */
export type WinRateThresholds = {
  /** Hands a player needs in the window before their win rate means anything. */
  minHands: number;
  /** Other qualifying players needed to speak of a norm at all. */
  minPopulation: number;
  /** Standard deviations from the other players' mean. */
  maxDeviations: number;
  /** Big blinds per 100 hands, either way, flagged whatever the others do. */
  absoluteBbPer100: number;
};

// Over 200 hands one player's bb/100 varies by roughly ±70 by luck alone, so the bounds sit well outside that.
export const DEFAULT_WIN_RATES: WinRateThresholds = { minHands: 200, minPopulation: 10, maxDeviations: 3, absoluteBbPer100: 250 };

export type WinRatesInput = { hands: HandFlow[]; names: PlayerNames; thresholds?: Partial<WinRateThresholds> };

/**
 * Win rates far outside the norm: each player with at least `minHands` hands
 * in the window gets a win rate in big blinds per 100 hands. It is flagged
 * when it is at least `maxDeviations` standard deviations from the mean of
 * the other qualifying players (leaving the player out, so one extreme
 * player cannot hide by widening the spread; needs `minPopulation` others),
 * or when its size reaches `absoluteBbPer100` whatever the population. Big
 * winners may be colluding, using a bot or receiving dumped chips; big losers
 * may be dumping them.
 */
export function winRateOutliers(input: WinRatesInput): Finding[] {
  const limits = { ...DEFAULT_WIN_RATES, ...input.thresholds };
  const players = new Map<string, { hands: number; netBb: number }>();
  for (const hand of input.hands) {
    hand.playerIds.forEach((id, i) => {
      if (id === '') return;
      const player = players.get(id) ?? { hands: 0, netBb: 0 };
      player.hands++;
      player.netBb += hand.net[i] / hand.bigBlind;
      players.set(id, player);
    });
  }
  const rates = [...players].filter(([, p]) => p.hands >= limits.minHands).map(([id, p]) => ({ id, hands: p.hands, netBb: p.netBb, bbPer100: (100 * p.netBb) / p.hands }));

  const findings: Finding[] = [];
  for (const player of rates) {
    const others = rates.filter((other) => other.id !== player.id).map((other) => other.bbPer100);
    const norm = others.length >= limits.minPopulation ? meanAndDeviation(others) : null;
    const deviations = norm && norm.deviation > 0 ? (player.bbPer100 - norm.mean) / norm.deviation : null;
    const outsideNorm = deviations !== null && Math.abs(deviations) >= limits.maxDeviations;
    const outsideBound = Math.abs(player.bbPer100) >= limits.absoluteBbPer100;
    if (!outsideNorm && !outsideBound) continue;
    const name = nameOf(input.names, player.id);
    const winning = player.bbPer100 > 0;
    const rate = roundBb(player.bbPer100);
    const against = deviations !== null ? `${roundBb(Math.abs(deviations))} standard deviations ${winning ? 'above' : 'below'} the mean of ${roundBb(norm!.mean)} over ${others.length} other players` : `beyond the bound of ±${limits.absoluteBbPer100}`;
    findings.push({
      kind: INSIGHT_KIND.winRateOutlier,
      severity: INSIGHT_SEVERITY.warning,
      subject: { playerId: player.id },
      summary: `${name} ${winning ? 'won' : 'lost'} at ${Math.abs(rate)} big blinds per 100 hands over ${player.hands} hands, ${against}.`,
      recommendation: winning
        ? `Review ${name}'s hands and opponents for collusion, a bot or chip dumping in ${name}'s favour.`
        : `Review ${name}'s hands: losing this fast can be chip dumping to another player or a broken client.`,
      evidence: {
        name, hands: player.hands, netBb: roundBb(player.netBb), bbPer100: rate,
        populationMeanBbPer100: norm ? roundBb(norm.mean) : null,
        populationDeviationBbPer100: norm ? roundBb(norm.deviation) : null,
        population: others.length,
        deviations: deviations !== null ? roundBb(deviations) : null,
        thresholds: limits,
      },
      dedupeKey: `${INSIGHT_KIND.winRateOutlier}:${player.id}`,
    });
  }
  return findings;
}

/** The mean and the sample standard deviation. */
function meanAndDeviation(values: number[]): { mean: number; deviation: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return { mean, deviation: Math.sqrt(variance) };
}
