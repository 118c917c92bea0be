import type { Presence } from '@colyseus/core';

/** Presence key a process keeps fresh while its event loop runs (`Heartbeat`). */
const aliveKey = (processId: string): string => `felt:alive:${processId}`;

/**
 * Whether a Colyseus process is alive. Two signs, both needed:
 * - it listens on its process channel (`p:<processId>`) as long as it runs,
 *   and Redis drops the subscription the moment its connection dies, so a
 *   killed process is seen at once;
 * - its heartbeat key is fresh. A process frozen in a stall (an endless loop,
 *   SIGSTOP, a VM paused) keeps its connection and subscription open, and
 *   only this shows it has stopped running.
 */
export async function isProcessAlive(presence: Presence, processId: string): Promise<boolean> {
  const [channels, beating] = await Promise.all([presence.channels(`p:${processId}`), presence.exists(aliveKey(processId))]);
  return channels.length > 0 && beating;
}

/**
 * This process's heartbeat: a presence key that expires `ttlMs` after the
 * last beat, renewed three times within that. Start it before this process
 * lists any room: a peer that found no heartbeat would take it for dead and
 * remove its listings.
 */
export class Heartbeat {
  private readonly presence: Presence;
  private readonly key: string;
  private readonly ttlSeconds: number;
  private readonly everyMs: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(presence: Presence, processId: string, ttlMs: number) {
    this.presence = presence;
    this.key = aliveKey(processId);
    // Redis expiries are whole seconds here: never under one.
    this.ttlSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
    this.everyMs = Math.floor((this.ttlSeconds * 1000) / 3);
  }

  /** Beats once (resolves when Redis has it), then keeps beating; `onError` hears of a beat that failed. */
  async start(onError: (error: unknown) => void): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat().catch(onError), this.everyMs);
    this.timer.unref();
  }

  /** Stops beating and says at once that this process is gone. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.presence.del(this.key);
  }

  private async beat(): Promise<void> {
    await this.presence.setex(this.key, '1', this.ttlSeconds);
  }
}
