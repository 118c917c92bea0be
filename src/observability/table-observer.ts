import { performance } from 'node:perf_hooks';
import type { FeltMetrics } from './metrics.ts';

/**
 * What one table room reports to the metrics, so the room itself only says
 * when things happen. An action's latency runs from the moment its `act`
 * message arrived to the first patch broadcast after its result reached the
 * wire state — the patch that carries it — so time spent queued behind
 * other commands, in the database, and waiting for the patch tick all count.
 */
export class TableObserver {
  private readonly metrics: FeltMetrics;
  private readonly now: () => number;
  /** Applied to the table, not yet projected onto the wire state. */
  private applied: number[] = [];
  /** In the wire state, waiting for the next patch. */
  private projected: number[] = [];

  constructor(metrics: FeltMetrics, now: () => number = () => performance.now()) {
    this.metrics = metrics;
    this.now = now;
  }

  /** A message arrived; keep the returned time with it. */
  messageReceived(): number {
    return this.now();
  }

  /** The table accepted the action received at `receivedAt`. */
  actApplied(action: string, receivedAt: number): void {
    this.metrics.actions.inc({ action });
    this.applied.push(receivedAt);
  }

  /**
   * The table's state was just mapped onto the wire state; true when it
   * carries an action's result, which is then worth a patch of its own.
   */
  stateProjected(): boolean {
    if (this.applied.length === 0) return false;
    this.projected.push(...this.applied);
    this.applied = [];
    return true;
  }

  /** A patch went out: every projected action has reached the clients. */
  patchSent(): void {
    if (this.projected.length === 0) return;
    const sentAt = this.now();
    for (const receivedAt of this.projected) this.metrics.actionToPatch.observe((sentAt - receivedAt) / 1000);
    this.projected = [];
  }

  /** A hand finished and is durable. */
  handCompleted(variant: string): void {
    this.metrics.hands.inc({ variant });
  }
}
