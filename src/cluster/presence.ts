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
  /** The driver's Redis connection (commands, not subscriptions) for other cluster-wide counters; unset for one process. */
  redis?: Redis;
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

/** The Redis hash the Colyseus Redis driver keeps room listings in. */
const LISTINGS_KEY = 'roomcaches';

/**
 * Writes (ARGV[3], a listing) or removes (ARGV[3] empty) the listing of room
 * ARGV[1], unless another process (not ARGV[2]) has listed that room since.
 */
const WRITE_OWN_LISTING = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current then
  local ok, listing = pcall(cjson.decode, current)
  if ok and listing.processId ~= ARGV[2] then return 0 end
end
if ARGV[3] == '' then return redis.call('HDEL', KEYS[1], ARGV[1]) end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1`;

type ListingClient = Redis & { writeOwnListing(key: string, roomId: string, processId: string, listing: string): Promise<number> };

/**
 * The Redis driver with two guards for tables, whose rooms keep their ids
 * when they move between processes:
 *
 * - It does not hand out a dead process's room. A killed process leaves its
 *   listings in Redis until a survivor sweeps them; a join by id that found
 *   one would wait seconds on the dead process before failing. Here it fails
 *   at once with "not found", and the client retries until the table is back.
 * - A process changes or removes only its own listings. A process that
 *   stalled past its leases wakes up to find its tables running elsewhere,
 *   and stops its rooms; without the guard, their last updates and their
 *   disposal would overwrite or delete the new host's listings of the same
 *   ids, and the tables would vanish from the lobby and from joins by id.
 */
class TableAwareRedisDriver extends RedisDriver {
  private readonly presence: Presence;
  private readonly client: ListingClient;

  constructor(client: Redis, presence: Presence) {
    super(client);
    this.presence = presence;
    client.defineCommand('writeOwnListing', { numberOfKeys: 1, lua: WRITE_OWN_LISTING });
    this.client = client as ListingClient;
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

  /** A new room (`create`) is listed whatever was there: this process has just claimed its table. */
  override async persist(room: IRoomCache, create = false): Promise<boolean> {
    if (create || !room.roomId) return super.persist(room, create);
    return this.writeOwn(room);
  }

  override async update(room: IRoomCache, operations: Parameters<RedisDriver['update']>[1]): Promise<boolean> {
    Object.assign(room, operations.$set);
    const counters = room as unknown as Record<string, number>;
    for (const [field, by] of Object.entries(operations.$inc ?? {})) counters[field] += by as number;
    return this.writeOwn(room);
  }

  override async remove(roomId: string): Promise<boolean> {
    return (await this.client.writeOwnListing(LISTINGS_KEY, roomId, matchMaker.processId, '')) === 1;
  }

  private async writeOwn(room: IRoomCache): Promise<boolean> {
    return (await this.client.writeOwnListing(LISTINGS_KEY, room.roomId, room.processId, JSON.stringify(room))) === 1;
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
  const redis = new Redis(config.redisUrl, options);
  return {
    kind: 'redis',
    presence,
    driver: new TableAwareRedisDriver(redis, presence),
    redis,
    publicAddress: config.publicAddress ?? `127.0.0.1:${config.port}`,
    close: () => presence.close(),
  };
}
