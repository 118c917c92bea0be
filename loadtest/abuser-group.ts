import { Client } from '@colyseus/sdk';
import type { AbuseKind } from './abuse-mix.ts';
import { AbuseCounters, type AbuseWindow } from './abuse-stats.ts';
import { Abuser } from './abuser.ts';
import { adminToken, type AdminCredentials } from './admin-api.ts';
import type { TableListing } from './lobby.ts';

export type AbuserGroupOptions = {
  /** `http://host:port` of the server. */
  url: string;
  /** One table per abuser (a table may come more than once). */
  tables: readonly TableListing[];
  /** Messages per second each abuser sends while flooding. */
  ratePerS: number;
  /** An admin of that server: the abusers' wallets are emptied through the admin API. */
  admin: AdminCredentials;
  random?: () => number;
  /** The mix's weights; unset: `ABUSE_WEIGHTS`. */
  weights?: Readonly<Record<AbuseKind, number>>;
};

/** How long the tables took to answer what the abusers had queued, and whether they did within the limit. */
export type Drain = { drainMs: number; drained: boolean };

/** How often the abusers' clock ticks while they flood. */
const TICK_MS = 10;
/** A late tick sends at most this much of the rate at once, so a stalled process does not burst. */
const CATCH_UP_MS = 100;

/**
 * What a sender owes after `elapsedMs` at `ratePerS`: whole messages to send
 * now and the fraction carried over. The debt is capped at `capMs` of the
 * rate, so a tick that comes late sends a little more, not a burst.
 */
export function dueMessages(owed: number, ratePerS: number, elapsedMs: number, capMs = CATCH_UP_MS): { send: number; owed: number } {
  const debt = Math.min(owed + (ratePerS * Math.max(0, elapsedMs)) / 1000, Math.max(1, (ratePerS * capMs) / 1000));
  const send = Math.floor(debt);
  return { send, owed: debt - send };
}

/**
 * The abusers of one process: they sign in, have their wallets emptied and
 * join their tables (`open`), then flood at `ratePerS` each between `flood`
 * and `pause`, and stay connected and silent in between.
 */
export class AbuserGroup {
  readonly counters: AbuseCounters;
  readonly abusers: Abuser[];
  private readonly ratePerS: number;
  private timer: NodeJS.Timeout | null = null;

  private constructor(abusers: Abuser[], counters: AbuseCounters, ratePerS: number) {
    this.abusers = abusers;
    this.counters = counters;
    this.ratePerS = ratePerS;
  }

  static async open(options: AbuserGroupOptions): Promise<AbuserGroup> {
    const token = await adminToken(options.url, options.admin);
    const counters = new AbuseCounters();
    const ctx = { client: new Client(options.url), httpUrl: options.url, adminToken: token, counters, random: options.random ?? Math.random, weights: options.weights };
    const abusers = options.tables.map((table, i) => new Abuser(`abuser${i + 1}`, table, ctx));
    const group = new AbuserGroup(abusers, counters, options.ratePerS);
    try {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < abusers.length) await abusers[next++].start();
      };
      await Promise.all(Array.from({ length: Math.min(16, abusers.length) }, worker));
    } catch (error) {
      await group.close();
      throw error;
    }
    return group;
  }

  get flooding(): boolean {
    return this.timer !== null;
  }

  /** Every abuser starts sending at its rate; the counters start from zero. */
  flood(): void {
    if (this.timer) return;
    this.counters.reset();
    const owed = this.abusers.map(() => 0);
    let last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      const elapsed = now - last;
      last = now;
      this.abusers.forEach((abuser, i) => {
        const due = dueMessages(owed[i], this.ratePerS, elapsed);
        owed[i] = due.owed;
        if (due.send > 0) abuser.send(due.send);
      });
    }, TICK_MS);
  }

  /** Stops the flood and reports it; the abusers stay at their tables, silent. */
  pause(): AbuseWindow {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this.counters.window(this.abusers.length);
  }

  /**
   * Waits (up to `ms`) until every table has answered what its abusers had
   * sent, so what is measured next does not queue behind the flood.
   */
  async drain(ms: number): Promise<Drain> {
    const started = performance.now();
    const drained = (await Promise.all(this.abusers.map((abuser) => abuser.drain(ms)))).every(Boolean);
    return { drainMs: Math.round(performance.now() - started), drained };
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all(this.abusers.map((abuser) => abuser.stop()));
  }
}
