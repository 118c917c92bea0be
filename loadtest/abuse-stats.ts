import type { AbuseKind } from './abuse-mix.ts';

/** What the abusers did and got over one flood (plain data: it crosses the abuse process's IPC channel). */
export type AbuseWindow = {
  /** How long they flooded. */
  seconds: number;
  abusers: number;
  /** Messages and frames handed to the sockets, by `AbuseKind`. */
  sent: number;
  sentByKind: Record<string, number>;
  /** `sent` per second, all abusers together and per abuser. */
  ratePerS: number;
  ratePerAbuserPerS: number;
  /** Messages the mix had due but did not send: `offline` (disconnected, rejoining) or `buffered` (the socket's send buffer was full). */
  unsent: Record<string, number>;
  /** `error` answers by code (`insufficient_funds`, `bad_message`, `unknown_message`, `rate_limited`, …). */
  answers: number;
  answersByCode: Record<string, number>;
  /** Connections the server closed, by WebSocket close code; each is followed by a fresh join. */
  disconnects: number;
  disconnectsByCode: Record<string, number>;
  /** Joins after a disconnect that succeeded, and joins that failed, by reason. */
  rejoins: number;
  joinFailures: number;
  joinFailuresByReason: Record<string, number>;
};

const add = (map: Map<string, number>, key: string, n = 1): void => void map.set(key, (map.get(key) ?? 0) + n);
const total = (map: Map<string, number>): number => [...map.values()].reduce((sum, n) => sum + n, 0);
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The abusers' counters, shared by every abuser of a process; `reset()` starts a flood. */
export class AbuseCounters {
  private readonly sent = new Map<string, number>();
  private readonly unsent = new Map<string, number>();
  private readonly answers = new Map<string, number>();
  private readonly disconnects = new Map<string, number>();
  private readonly joinFailures = new Map<string, number>();
  private rejoins = 0;
  private startedAt = performance.now();

  reset(now = performance.now()): void {
    for (const map of [this.sent, this.unsent, this.answers, this.disconnects, this.joinFailures]) map.clear();
    this.rejoins = 0;
    this.startedAt = now;
  }

  sentOne(kind: AbuseKind): void {
    add(this.sent, kind);
  }

  notSent(reason: 'offline' | 'buffered', n: number): void {
    if (n > 0) add(this.unsent, reason, n);
  }

  answered(code: string): void {
    add(this.answers, code);
  }

  disconnected(closeCode: number): void {
    add(this.disconnects, String(closeCode));
  }

  rejoined(): void {
    this.rejoins++;
  }

  joinFailed(reason: string): void {
    add(this.joinFailures, reason);
  }

  /** The flood so far, `abusers` of them. */
  window(abusers: number, now = performance.now()): AbuseWindow {
    const seconds = Math.max(0, (now - this.startedAt) / 1000);
    const sent = total(this.sent);
    const rate = seconds > 0 ? sent / seconds : 0;
    return {
      seconds: round1(seconds), abusers, sent, sentByKind: Object.fromEntries(this.sent),
      ratePerS: round1(rate), ratePerAbuserPerS: abusers > 0 ? round1(rate / abusers) : 0,
      unsent: Object.fromEntries(this.unsent),
      answers: total(this.answers), answersByCode: Object.fromEntries(this.answers),
      disconnects: total(this.disconnects), disconnectsByCode: Object.fromEntries(this.disconnects),
      rejoins: this.rejoins, joinFailures: total(this.joinFailures), joinFailuresByReason: Object.fromEntries(this.joinFailures),
    };
  }
}
