import type { Client, Room } from '@colyseus/sdk';
import { AbuseMix, type AbuseKind } from './abuse-mix.ts';
import type { AbuseCounters } from './abuse-stats.ts';
import { emptyWallet, signInGuest } from './admin-api.ts';
import { standardBuyIn, type TableListing } from './lobby.ts';

/** What every abuser of a process shares. */
export type AbuserContext = {
  client: Client;
  /** `http://host:port` of the server. */
  httpUrl: string;
  /** An admin's token, to empty each abuser's wallet. */
  adminToken: string;
  counters: AbuseCounters;
  random: () => number;
  /** The mix's weights; unset: `ABUSE_WEIGHTS`. */
  weights?: Readonly<Record<AbuseKind, number>>;
};

/** Above this many bytes waiting in its socket, an abuser skips its turn rather than pile up memory here. */
const MAX_BUFFERED_BYTES = 1 << 20;
/** After a failed join, wait this long (doubling, up to the cap) before the next. */
const REJOIN_BACKOFF_MS = { first: 100, max: 2_000 };
/**
 * The message a drain waits on: queued behind everything the abuser sent
 * before it (it passes the schema), and always refused (`not_seated`), so
 * its answer says the table got through the rest.
 */
const DRAIN_MARKER = 'sitOut';
/**
 * How long a drain waits for its marker's answer before it sends another
 * (doubling each time, up to `max`). A client still over its budget has
 * its messages dropped without a word (only the first of a run is answered
 * `rate_limited`), so a marker sent while the abuser's debt lasts gets no
 * answer at all: it is sent again until one arrives. Each marker adds to
 * the debt, so they come ever further apart.
 */
const MARKER_WAIT_MS = { first: 1_000, max: 4_000 };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One abusive client: a guest whose wallet the admin API has emptied, a
 * watcher at one table, sending what its `AbuseMix` says whenever `send` is
 * called. When the server closes its connection it joins again at once, as
 * a client that keeps flooding would.
 */
export class Abuser {
  readonly name: string;
  readonly table: TableListing;
  playerId = '';
  private readonly ctx: AbuserContext;
  private readonly mix: AbuseMix;
  private token = '';
  private room: Room | null = null;
  private stopped = false;
  private drainWaiter: ((outcome: 'answered' | 'again') => void) | null = null;

  constructor(name: string, table: TableListing, ctx: AbuserContext) {
    this.name = name;
    this.table = table;
    this.ctx = ctx;
    this.mix = new AbuseMix(standardBuyIn(table), ctx.random, ctx.weights);
  }

  /** Signs in as a guest, has the wallet emptied, and joins the table as a watcher. */
  async start(): Promise<void> {
    const guest = await signInGuest(this.ctx.httpUrl, this.name);
    this.token = guest.token;
    this.playerId = guest.id;
    const left = await emptyWallet(this.ctx.httpUrl, this.ctx.adminToken, guest);
    if (left !== 0) throw new Error(`${this.name}'s wallet still holds ${left} chips`);
    await this.join();
  }

  get connected(): boolean {
    return this.room?.connection?.isOpen ?? false;
  }

  /** Sends the next `count` messages of the mix; returns how many went out (none while disconnected or backed up). */
  send(count: number): number {
    const room = this.room;
    const counters = this.ctx.counters;
    if (!room || !room.connection?.isOpen) {
      counters.notSent('offline', count);
      return 0;
    }
    const socket = (room.connection.transport as { ws?: { bufferedAmount?: number } }).ws;
    if ((socket?.bufferedAmount ?? 0) > MAX_BUFFERED_BYTES) {
      counters.notSent('buffered', count);
      return 0;
    }
    for (let i = 0; i < count; i++) {
      const message = this.mix.next();
      if ('frame' in message) room.connection.send(message.frame);
      else room.send(message.type as string, message.payload);
      counters.sentOne(message.kind);
    }
    return count;
  }

  /**
   * Resolves true once the table has answered everything this abuser sent
   * on its connection (its messages wait in the table's queue), false if
   * that takes over `ms`. The answer comes once the server takes the
   * abuser's messages again: after its budget has refilled, or, when it was
   * disconnected, once it is let back in.
   */
  async drain(ms: number): Promise<boolean> {
    const deadline = performance.now() + ms;
    let markerWait = MARKER_WAIT_MS.first;
    while (!this.stopped && performance.now() < deadline) {
      const room = this.room;
      if (!room || !room.connection?.isOpen) {
        await sleep(100);
        continue;
      }
      const outcome = await new Promise<'answered' | 'again' | 'timeout'>((resolve) => {
        const left = Math.max(0, deadline - performance.now());
        const wait = markerWait;
        markerWait = Math.min(MARKER_WAIT_MS.max, markerWait * 2);
        // Dropped over the budget without an answer: ask again, unless the drain's time is up.
        const timer = setTimeout(() => finish(left <= wait ? 'timeout' : 'again'), Math.min(left, wait));
        const finish = (result: 'answered' | 'again' | 'timeout'): void => {
          clearTimeout(timer);
          this.drainWaiter = null;
          resolve(result);
        };
        this.drainWaiter = finish;
        room.send(DRAIN_MARKER, {});
      });
      if (outcome === 'answered') return true;
      if (outcome === 'timeout') return false;
      await sleep(100); // rate-limited, unanswered or disconnected: ask again shortly
    }
    return false;
  }

  /** Leaves the table for good. */
  async stop(): Promise<void> {
    this.stopped = true;
    const room = this.room;
    this.room = null;
    this.drainWaiter?.('again');
    if (room) await room.leave(true).catch(() => undefined);
  }

  private async join(): Promise<void> {
    const room = await this.ctx.client.joinById(this.table.tableId, { token: this.token });
    // The SDK would try to resume the old session; a flooding client simply joins again (`rejoin`).
    room.reconnection.enabled = false;
    room.onMessage('error', this.onError);
    room.onMessage('*', () => undefined);
    room.onLeave((code: number) => this.onLeave(room, code));
    if (this.stopped) {
      await room.leave(true).catch(() => undefined);
      return;
    }
    this.room = room;
  }

  private readonly onError = (message: { code?: string; request?: string }): void => {
    const code = message?.code ?? 'unknown';
    this.ctx.counters.answered(code);
    if (message?.request === DRAIN_MARKER) this.drainWaiter?.(code === 'rate_limited' ? 'again' : 'answered');
  };

  private onLeave(room: Room, code: number): void {
    if (this.room !== room) return;
    this.room = null;
    this.drainWaiter?.('again');
    if (this.stopped) return;
    this.ctx.counters.disconnected(code);
    void this.rejoin();
  }

  private async rejoin(): Promise<void> {
    let wait = REJOIN_BACKOFF_MS.first;
    while (!this.stopped && !this.room) {
      try {
        await this.join();
        if (this.room) this.ctx.counters.rejoined();
        return;
      } catch (error) {
        this.ctx.counters.joinFailed(joinFailure(error));
        await sleep(wait);
        wait = Math.min(REJOIN_BACKOFF_MS.max, wait * 2);
      }
    }
  }
}

/** A join's failure as a short reason: the server's code when it gave one. */
function joinFailure(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code !== undefined) return String(code);
  return (error as Error)?.message?.slice(0, 40) ?? 'unknown';
}
