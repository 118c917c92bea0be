import { matchMaker } from '@colyseus/core';
import type { Database } from '../persistence/database.ts';
import { RUNNABLE_STATUSES } from '../persistence/tournaments.ts';
import { TOURNAMENT_ROOM } from '../tournaments/tournament-host.ts';
import { LeaseOwnership, type LeaseKind, type LeasedRoom } from './lease-ownership.ts';
import type { OwnershipOptions } from './ownership.ts';

/** Published when a process gives its tournaments up, or one is created, so a process claims it at once. */
const RELEASED_CHANNEL = 'felt:tournaments-released';
/** Presence hash of the processes that run tournament actors: Colyseus process id → Felt process id. */
const HOSTS_KEY = 'felt:tournament-hosts';

function tournamentLeases(db: Database): LeaseKind {
  return {
    noun: 'tournament',
    releasedChannel: RELEASED_CHANNEL,
    hostsKey: HOSTS_KEY,
    claim: (id, processId, leaseMs) => db.tournaments.claim(id, processId, leaseMs),
    renew: (processId, leaseMs) => db.tournaments.renew(processId, leaseMs),
    release: (id, processId) => db.tournaments.release(id, processId),
    listOrphaned: (at) => db.tournaments.listOrphaned(at),
    listLive: () => db.tournaments.listRunnable(),
    async stillLive(id) {
      const record = await db.tournaments.get(id);
      return { live: !record || RUNNABLE_STATUSES.includes(record.status), ownerProcess: record?.ownerProcess ?? null };
    },
    async createRoom(id) {
      await matchMaker.createRoom(TOURNAMENT_ROOM, { tournamentId: id });
    },
    localRoom: (id) => matchMaker.getLocalRoomById(id) as unknown as LeasedRoom | undefined,
  };
}

/**
 * Which tournaments' actors (`tournament` rooms) this process runs: owned
 * through the tournament row's lease exactly as tables are
 * (`LeaseOwnership`), so a registering or running tournament whose process
 * died is taken over by a survivor from its snapshot, and a tournament just
 * created (by the admin API or the templates job) is claimed by the next
 * scan of any process (or at once after `announce`).
 */
export class TournamentOwnership extends LeaseOwnership {
  constructor(options: OwnershipOptions) {
    const { db, ...rest } = options;
    super(tournamentLeases(db), rest);
  }

  get tournaments(): string[] {
    return this.ids;
  }

  /** Tells every process (this one too) that a tournament wants an actor: the first to claim it runs it. */
  async announce(): Promise<void> {
    await matchMaker.presence.publish(RELEASED_CHANNEL, this.options.processId);
  }
}
