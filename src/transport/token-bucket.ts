/** How fast something may happen: `rate` a second on average, `burst` at once. */
export type Rate = { rate: number; burst: number };

/**
 * A token bucket: it holds up to `burst` tokens and gains `rate` a second.
 * `take` spends a token only when there is one; `charge` spends one either
 * way, running the bucket into debt, so whoever keeps asking past the rate
 * falls further behind instead of being let through at the rate.
 */
export class TokenBucket {
  private readonly rate: number;
  private readonly burst: number;
  private level: number;
  private at: number;

  constructor(limit: Rate, now: number) {
    this.rate = limit.rate;
    this.burst = limit.burst;
    this.level = limit.burst;
    this.at = now;
  }

  /** Spends a token if there is a whole one; false (and nothing spent) when there is not. */
  take(now: number): boolean {
    this.refill(now);
    if (this.level < 1) return false;
    this.level -= 1;
    return true;
  }

  /** Spends a token whether or not there is one. Returns the tokens left: below 0 is debt, and the token was not there. */
  charge(now: number): number {
    this.refill(now);
    this.level -= 1;
    return this.level;
  }

  private refill(now: number): void {
    // A clock that steps back gives nothing back.
    const elapsed = Math.max(0, now - this.at);
    this.level = Math.min(this.burst, this.level + (elapsed * this.rate) / 1000);
    this.at = Math.max(this.at, now);
  }
}
