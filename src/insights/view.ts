import { z } from 'zod';
import type { InsightRecord } from '../persistence/insight-types.ts';
import { INSIGHT_KIND, INSIGHT_SEVERITY } from './types.ts';

/** An insight as admins, the feed and the webhook see it: the record with ISO dates. */
export const insightViewSchema = z.object({
  id: z.string(),
  kind: z.enum(Object.values(INSIGHT_KIND)),
  severity: z.enum(Object.values(INSIGHT_SEVERITY)),
  subject: z.record(z.string(), z.unknown()),
  summary: z.string(),
  recommendation: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  dedupeKey: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});

export type InsightView = z.output<typeof insightViewSchema>;

export function insightView(insight: InsightRecord): InsightView {
  return {
    id: insight.id,
    kind: insight.kind as InsightView['kind'],
    severity: insight.severity as InsightView['severity'],
    subject: insight.subject,
    summary: insight.summary,
    recommendation: insight.recommendation,
    evidence: insight.evidence,
    dedupeKey: insight.dedupeKey,
    createdAt: insight.createdAt.toISOString(),
    acknowledgedAt: insight.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: insight.acknowledgedBy,
  };
}
