/**
 * Work the actor must see done, retried until it is: calls to tables that
 * are not up yet or moving, money the database did not take this time. Each
 * lane (one per table, one for money …) runs its steps one after the other,
 * in the order given, each retried with a growing pause until it succeeds,
 * so a table gets `seatPlayers` only once `openTable` went through, and
 * `deal` only after the seats. Lanes run side by side.
 */
export type RetryOptions = {
  /** First pause after a failure, doubled each time up to `maxMs`. */
  firstMs?: number;
  maxMs?: number;
  /** Told of each failure (the step is retried). */
  onFailure(lane: string, what: string, error: unknown, attempt: number): void;
  /** Every step queued has run. */
  onIdle?(): void;
};

export class RetryLanes {
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly options: Required<RetryOptions>;
  private stopped = false;
  private readonly sleepers = new Set<() => void>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(options: RetryOptions) {
    this.options = { firstMs: 50, maxMs: 5_000, onIdle: () => {}, ...options };
  }

  /** Queues `step` on `lane`, after the steps queued there before it. */
  push(lane: string, what: string, step: () => Promise<void>): void {
    if (this.stopped) return;
    this.pending++;
    const previous = this.lanes.get(lane) ?? Promise.resolve();
    const next = previous.then(() => this.attempt(lane, what, step)).finally(() => {
      this.pending--;
      if (this.lanes.get(lane) === next) this.lanes.delete(lane);
      if (this.pending === 0) {
        for (const resolve of this.idleWaiters.splice(0)) resolve();
        if (!this.stopped) this.options.onIdle();
      }
    });
    this.lanes.set(lane, next);
  }

  private async attempt(lane: string, what: string, step: () => Promise<void>): Promise<void> {
    let pause = this.options.firstMs;
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await step();
        return;
      } catch (error) {
        if (this.stopped) return;
        this.options.onFailure(lane, what, error, attempt);
        await this.sleep(pause);
        pause = Math.min(pause * 2, this.options.maxMs);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  /** Steps queued or running. */
  get size(): number {
    return this.pending;
  }

  /** Resolves once no step is queued or running. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Runs nothing more: steps in flight finish, queued ones are dropped, sleeping retries give up. */
  stop(): void {
    this.stopped = true;
    for (const wake of [...this.sleepers]) wake();
  }
}
