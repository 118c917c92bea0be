import { LocalDriver, LocalPresence, matchMaker, type IRoomCache, type MatchMakerDriver, type Presence, type SortOptions } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { isProcessAlive } from './liveness.ts';

/** How processes see each other: through Redis (a cluster) or not at all (one process). */
export type PresenceKind = 'redis' | 'local';

export type ClusterBackend = {
  kind: PresenceKind;
  presence: Presence;
  driver: MatchMakerDriver;
  /**
   * The `host:port` a seat reservation sends clients to, so the SDK connects
   * to the process that hosts the room. Unset for one process: clients stay
   * on the address they came in by.
   */
  publicAddress: string | undefined;
  /** Ends the presence connections; the Colyseus server's own shutdown leaves them open (see `LingeringRedisPresence`). */
  close(): void;
};

/**
 * Redis presence that outlives the Colyseus server's shutdown: after its rooms
 * are gone, a process still has to tell the others that its tables are free.
 */
class LingeringRedisPresence extends RedisPresence {
  override shutdown(): void {}

  close(): void {
    super.shutdown();
  }
}

/**
 * A Redis driver that does not hand out a dead process's room. A killed
 * process leaves its listings in Redis until a survivor sweeps them; a join
 * by id that found one would wait seconds on the dead process before failing.
 * Here it fails at once with "not found", and the client retries until the
 * table is back.
 */
class LiveRoomsRedisDriver extends RedisDriver {
  private readonly presence: Presence;

  constructor(client: Redis, presence: Presence) {
    super(client);
    this.presence = presence;
  }

  override findOne(conditions: Partial<IRoomCache>, sortOptions?: SortOptions): Promise<IRoomCache> {
    const found = super.findOne(conditions, sortOptions);
    if (conditions.roomId === undefined) return found;
    return Promise.resolve(found).then(async (room) => {
      if (!room || room.processId === matchMaker.processId || (await isProcessAlive(this.presence, room.processId))) return room;
      await this.cleanup(room.processId);
      return undefined as unknown as IRoomCache;
    });
  }
}

/**
 * Local presence and driver unless `REDIS_URL` is set; then the Redis pair,
 * under `FELT_REDIS_PREFIX` so several clusters (or test runs) can share one
 * Redis. In a cluster every process needs an address of its own: without
 * `FELT_PUBLIC_ADDRESS` it is `127.0.0.1:<PORT>`, right for processes on one
 * machine.
 */
export function clusterBackend(config: Pick<Config, 'redisUrl' | 'redisPrefix' | 'publicAddress' | 'port'>): ClusterBackend {
  if (!config.redisUrl) {
    return { kind: 'local', presence: new LocalPresence(), driver: new LocalDriver(), publicAddress: config.publicAddress, close: () => {} };
  }
  const options = config.redisPrefix ? { keyPrefix: config.redisPrefix } : {};
  const presence = new LingeringRedisPresence(new Redis(config.redisUrl, options));
  return {
    kind: 'redis',
    presence,
    driver: new LiveRoomsRedisDriver(new Redis(config.redisUrl, options), presence),
    publicAddress: config.publicAddress ?? `127.0.0.1:${config.port}`,
    close: () => presence.close(),
  };
}
