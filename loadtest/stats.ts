/** Latency percentiles in milliseconds, over `count` samples. */
export type Latency = { count: number; p50: number; p95: number; p99: number; max: number };

/**
 * What the bots count during one measurement window. `reset()` starts a new
 * window; hands are counted per table from the hand numbers the bots see.
 */
export class LoadStats {
  actions = 0;
  errors = 0;
  /** Rejections and failures by code, e.g. `act:not_your_turn`, `connect:…`. */
  readonly errorCodes = new Map<string, number>();
  /** Sit attempts that lost a race for a seat and went on to another table: expected, not errors. */
  seatRetries = 0;
  /** Top-ups and re-sits after a bust. */
  rebuys = 0;
  /** Actions still waiting for their patch when the window ended (`stillWaiting`). */
  unfinished = 0;
  private latencies: number[] = [];
  /** The table of each latency sample, in the same order. */
  private latencyTables: string[] = [];
  private readonly hands = new Map<string, { first: number; last: number }>();

  reset(): void {
    this.actions = 0;
    this.errors = 0;
    this.errorCodes.clear();
    this.seatRetries = 0;
    this.rebuys = 0;
    this.unfinished = 0;
    this.latencies = [];
    this.latencyTables = [];
    this.hands.clear();
  }

  /** One action applied at `tableId`, `ms` after it was sent. */
  actionApplied(ms: number, tableId = ''): void {
    this.actions++;
    this.latencies.push(ms);
    this.latencyTables.push(tableId);
  }

  /**
   * An action still waiting for its patch as the window ends, sent `ms` ago:
   * a latency sample that is a lower bound. Without it a table that stalls
   * would drop out of the tail instead of showing in it: its bots wait, so
   * they report nothing.
   */
  stillWaiting(ms: number, tableId = ''): void {
    this.unfinished++;
    this.latencies.push(ms);
    this.latencyTables.push(tableId);
  }

  error(code: string): void {
    this.errors++;
    this.errorCodes.set(code, (this.errorCodes.get(code) ?? 0) + 1);
  }

  /** A bot saw `handNumber` on `tableId`. */
  sawHand(tableId: string, handNumber: number): void {
    const seen = this.hands.get(tableId);
    if (!seen) this.hands.set(tableId, { first: handNumber, last: handNumber });
    else if (handNumber > seen.last) seen.last = handNumber;
  }

  /** Hands dealt since the window began (or since each table was first seen in it). */
  handsPlayed(): number {
    let total = 0;
    for (const { first, last } of this.hands.values()) total += last - first;
    return total;
  }

  tablesSeen(): number {
    return this.hands.size;
  }

  latency(): Latency {
    return percentiles(this.latencies);
  }

  /** The percentiles of the samples taken at the tables `at` accepts. */
  latencyAt(at: (tableId: string) => boolean): Latency {
    return percentiles(this.latencies.filter((_, i) => at(this.latencyTables[i])));
  }

  /** A copy of this window's samples, ms, and the table of each: to pool windows. */
  samples(): { ms: number[]; tableIds: string[] } {
    return { ms: [...this.latencies], tableIds: [...this.latencyTables] };
  }
}

/** p50/p95/p99/max of `samples` (nearest rank), zeros when empty. */
export function percentiles(samples: readonly number[]): Latency {
  if (samples.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(samples).sort();
  const rank = (p: number): number => round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]);
  return { count: sorted.length, p50: rank(0.5), p95: rank(0.95), p99: rank(0.99), max: round(sorted[sorted.length - 1]) };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
