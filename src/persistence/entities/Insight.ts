import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * An actionable finding of the insight rules (src/insights): what was found,
 * about whom, what to do, and the numbers that triggered it. Stored once per
 * `dedupeKey` within a window, so a condition that persists is not reported
 * every run.
 */
export const Insight = defineEntity({
  name: 'Insight',
  tableName: 'insight',
  properties: {
    id: p.uuid().primary(),
    kind: p.string(),
    severity: p.string(),
    subject: p.json<Record<string, unknown>>(),
    summary: p.text(),
    recommendation: p.text(),
    evidence: p.json<Record<string, unknown>>(),
    dedupeKey: p.text(),
    createdAt: p.datetime().index(),
    acknowledgedAt: p.datetime().nullable(),
    // The admin who acknowledged it.
    acknowledgedBy: p.string().nullable(),
  },
  // "Was this finding stored lately?" on every run, without a scan.
  indexes: [{ properties: ['dedupeKey', 'createdAt'] }],
});

export type Insight = InferEntity<typeof Insight>;
