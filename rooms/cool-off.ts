import { ServerError } from '@colyseus/core';

/** How long a player disconnected for flooding is kept out of the process's tables, unless `FELT_COOL_OFF_S` says otherwise. */
export const COOL_OFF_MS = 10_000;

/** The matchmaking error a join gets while its player cools off (as a sign-in over its limit is 429). */
export const COOL_OFF_REFUSAL = 429;

/**
 * The players this process disconnected for flooding (`guardFrames` cut
 * them), each kept out of every table for `ms` from the cut.
 *
 * A client that is cut and joins again at once costs the server a
 * matchmaking request, a WebSocket handshake, a token check, two database
 * reads, the room's full state, and then another burst of messages to
 * answer: measured under `bench/server.ts abuse`, the flood was mostly these
 * rejoins (about 48 a second from 6 abusers). Refusing the join in `onAuth`
 * before the database is asked leaves a flooder one cheap refusal per try.
 * An honest client is never cut (the SDK sends nothing of its own and a
 * person cannot click 40 times faster than the budget), so it never meets
 * this. A reconnection (`client.reconnect`) skips `onAuth` and is not
 * refused here: a seated player keeps the seat's reconnection window.
 *
 * Entries expire in the order they were made (one duration for all), so the
 * expired ones are dropped from the front as new ones come: the map holds
 * only the players cut in the last `ms`.
 */
export class CoolOff {
  private readonly ms: number;
  private readonly until = new Map<string, number>();

  constructor(ms: number = COOL_OFF_MS) {
    this.ms = ms;
  }

  /** `playerId` was cut at `now`: kept out until `now + ms` (not at all when `ms` is 0). */
  start(playerId: string, now: number): void {
    if (this.ms <= 0) return;
    this.prune(now);
    // Re-inserted at the end, so the map stays in order of expiry.
    this.until.delete(playerId);
    this.until.set(playerId, now + this.ms);
  }

  /** Milliseconds `playerId` is still kept out at `now`; 0 when free to join. */
  remainingMs(playerId: string, now: number): number {
    const until = this.until.get(playerId);
    if (until === undefined) return 0;
    if (until <= now) {
      this.until.delete(playerId);
      return 0;
    }
    return until - now;
  }

  /** Throws the join's refusal while `playerId` cools off; nothing otherwise. */
  refuseWhileCooling(playerId: string, now: number): void {
    const left = this.remainingMs(playerId, now);
    if (left <= 0) return;
    const seconds = Math.ceil(left / 1000);
    throw new ServerError(COOL_OFF_REFUSAL, `rate_limited: you were disconnected for sending past your message budget; join again in ${seconds} seconds.`);
  }

  /** How many players are kept out now (for tests and metrics). */
  size(now: number): number {
    this.prune(now);
    return this.until.size;
  }

  private prune(now: number): void {
    for (const [playerId, until] of this.until) {
      if (until > now) return;
      this.until.delete(playerId);
    }
  }
}
