import { matchMaker } from '@colyseus/core';
import type { Logger } from 'pino';
import type { Database } from '../persistence/database.ts';
import { localTable } from '../tables/table-host.ts';
import { LeaseOwnership, type LeaseKind } from './lease-ownership.ts';

export type OwnershipOptions = { db: Database; processId: string; log: Logger; leaseMs: number };

/** Published when a process gives its tables up, so the others claim them at once rather than on their next scan. */
const RELEASED_CHANNEL = 'felt:tables-released';
/** Presence hash of the processes that run tables: Colyseus process id → Felt process id. */
const HOSTS_KEY = 'felt:table-hosts';

function tableLeases(db: Database): LeaseKind {
  return {
    noun: 'table',
    releasedChannel: RELEASED_CHANNEL,
    hostsKey: HOSTS_KEY,
    claim: (id, processId, leaseMs) => db.tables.claim(id, processId, leaseMs),
    renew: (processId, leaseMs) => db.tables.renew(processId, leaseMs),
    release: (id, processId) => db.tables.release(id, processId),
    listOrphaned: (at) => db.tables.listOrphaned(at),
    listLive: () => db.tables.listOpen(),
    async stillLive(id) {
      const record = await db.tables.get(id);
      return { live: record?.status !== 'closed', ownerProcess: record?.ownerProcess ?? null };
    },
    async createRoom(id) {
      await matchMaker.createRoom('table', { tableId: id });
    },
    localRoom: (id) => localTable(id),
  };
}

/**
 * Which tables this process runs (see `LeaseOwnership`): a table is owned
 * through a lease in the database that the owner renews; on start, and
 * whenever a lease has run out, a process claims the table and recreates its
 * room under the same id from the last snapshot. Tournament tables are
 * tables: they fail over by this same code.
 */
export class TableOwnership extends LeaseOwnership {
  constructor(options: OwnershipOptions) {
    const { db, ...rest } = options;
    super(tableLeases(db), rest);
  }

  /** The tables this process holds the lease of. */
  get tables(): string[] {
    return this.ids;
  }

  /** Tables whose lease this process holds with no room of theirs open here. */
  tablesWithoutRoom(): string[] {
    return this.idsWithoutRoom();
  }
}
