/**
 * Runs callbacks after a delay with one Node timer for all of them: a
 * thousand thinking bots cost one pending timer and a heap, not a thousand
 * timers. Callbacks due now run together in one `setImmediate` turn.
 */
export class Scheduler {
  private readonly heap: { at: number; seq: number; run: () => void }[] = [];
  private readonly ready: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private armedFor = Infinity;
  private immediate: NodeJS.Immediate | null = null;
  private seq = 0;
  private stopped = false;

  /** Runs `run` once `ms` milliseconds from now (at the next turn when `ms` <= 0). */
  after(ms: number, run: () => void): void {
    if (this.stopped) return;
    if (ms <= 0) {
      this.ready.push(run);
      this.immediate ??= setImmediate(this.flushReady);
      return;
    }
    const task = { at: performance.now() + ms, seq: this.seq++, run };
    this.push(task);
    if (task.at < this.armedFor) this.arm();
  }

  /** Drops everything pending; later `after` calls do nothing. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
    this.heap.length = 0;
    this.ready.length = 0;
  }

  private readonly flushReady = (): void => {
    this.immediate = null;
    for (const run of this.ready.splice(0)) safely(run);
  };

  private readonly fire = (): void => {
    this.timer = null;
    this.armedFor = Infinity;
    const now = performance.now();
    while (this.heap.length > 0 && this.heap[0].at <= now) safely(this.pop().run);
    this.arm();
  };

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = Infinity;
    const next = this.heap[0];
    if (!next || this.stopped) return;
    this.armedFor = next.at;
    this.timer = setTimeout(this.fire, Math.max(0, next.at - performance.now()));
  }

  private push(task: { at: number; seq: number; run: () => void }): void {
    const heap = this.heap;
    heap.push(task);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private pop(): { at: number; seq: number; run: () => void } {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop() as typeof top;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < heap.length && earlier(heap[left], heap[best])) best = left;
        if (right < heap.length && earlier(heap[right], heap[best])) best = right;
        if (best === i) break;
        [heap[i], heap[best]] = [heap[best], heap[i]];
        i = best;
      }
    }
    return top;
  }
}

function earlier(a: { at: number; seq: number }, b: { at: number; seq: number }): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

// One bot's bug must not stop every other bot's clock.
function safely(run: () => void): void {
  try {
    run();
  } catch (error) {
    console.error(error);
  }
}
