/**
 * Insights as the database holds them: plain records, the same on both
 * engines. What the fields mean is the insight rules' business (src/insights).
 */

/** A finding to store: the rules' output. */
export type InsightInput = {
  kind: string;
  severity: string;
  /** Whom it is about: `{templateId}`, `{tableId}`, `{playerId}`, `{fromPlayerId, toPlayerId}` … */
  subject: Record<string, unknown>;
  summary: string;
  recommendation: string;
  /** The numbers that triggered it. */
  evidence: Record<string, unknown>;
  /** Equal keys are the same finding: stored once per dedupe window. */
  dedupeKey: string;
};

export type InsightRecord = InsightInput & {
  id: string;
  createdAt: Date;
  acknowledgedAt: Date | null;
  /** The admin's player id. */
  acknowledgedBy: string | null;
};

export type InsightFilter = { kind?: string; unacknowledged?: boolean; limit: number; offset: number };

/** What `acknowledge` found: the insight acknowledged now, one acknowledged before, or none. */
export type AcknowledgeResult =
  | { outcome: 'acknowledged'; insight: InsightRecord }
  | { outcome: 'alreadyAcknowledged'; insight: InsightRecord }
  | { outcome: 'notFound' };

export interface InsightRepository {
  /**
   * Stores each finding unless one with its dedupe key was stored within
   * `windowMs(finding)` before `now`; returns the ones stored, in input order.
   * Concurrent runs (a manual run beside the scheduled one) store a key once.
   */
  storeNew(findings: InsightInput[], options: { now: Date; windowMs: (finding: InsightInput) => number }): Promise<InsightRecord[]>;
  /** Newest first, with the total that matches the filter. */
  list(filter: InsightFilter): Promise<{ items: InsightRecord[]; total: number }>;
  get(id: string): Promise<InsightRecord | null>;
  acknowledge(id: string, by: string, at: Date): Promise<AcknowledgeResult>;
  /** Display names of players, for sentences that name them; unknown ids are left out. */
  playerNames(ids: string[]): Promise<Map<string, string>>;
}
