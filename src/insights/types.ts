import type { InsightInput } from '../persistence/insight-types.ts';

/** What the rules look for. */
export const INSIGHT_KIND = {
  demandAboveSupply: 'demandAboveSupply',
  idleTable: 'idleTable',
  chipDumping: 'chipDumping',
  winRateOutlier: 'winRateOutlier',
} as const;
export type InsightKind = (typeof INSIGHT_KIND)[keyof typeof INSIGHT_KIND];

/** How soon an operator should look: `critical` may be fraud, `warning` costs players or money, `info` is housekeeping. */
export const INSIGHT_SEVERITY = { info: 'info', warning: 'warning', critical: 'critical' } as const;
export type InsightSeverity = (typeof INSIGHT_SEVERITY)[keyof typeof INSIGHT_SEVERITY];

/** One finding of one rule, ready to store: the rules' common output. */
export type Finding = InsightInput & { kind: InsightKind; severity: InsightSeverity };

/** Display names by player id; a rule falls back to a short id for a player it cannot name. */
export type PlayerNames = ReadonlyMap<string, string>;

export function nameOf(names: PlayerNames, playerId: string): string {
  return names.get(playerId) ?? `player ${playerId.slice(0, 8)}`;
}

/** Chips in big blinds, to one decimal: the unit every rule reports in. */
export function roundBb(value: number): number {
  return Math.round(value * 10) / 10;
}
