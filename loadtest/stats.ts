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
  private latencies: number[] = [];
  private readonly hands = new Map<string, { first: number; last: number }>();

  reset(): void {
    this.actions = 0;
    this.errors = 0;
    this.errorCodes.clear();
    this.seatRetries = 0;
    this.rebuys = 0;
    this.latencies = [];
    this.hands.clear();
  }

  /** One action applied, `ms` after it was sent. */
  actionApplied(ms: number): void {
    this.actions++;
    this.latencies.push(ms);
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
