import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { Orm } from './orm.ts';
import { query } from './sql.ts';
import { PersistenceError } from './types.ts';

/** A row one process at a time runs (a table, a tournament): its owner and until when the owner holds it. */
type Leased = { id: string; ownerProcess?: string | null; leaseUntil?: Date | null };

/** Claiming, renewing and releasing the leases of one kind of row. */
export type Leases = {
  /** Takes the row for `processId` when it is claimable and its lease is free, lapsed or already ours; false when another process holds it. */
  claim(id: string, processId: string, leaseMs: number): Promise<boolean>;
  /** Extends every lease `processId` holds; the ids it still holds, sorted. */
  renew(processId: string, leaseMs: number): Promise<string[]>;
  /** Gives the row up, if `processId` still holds it. */
  release(id: string, processId: string): Promise<void>;
};

/** The rows whose lease anyone may take at `at`: no owner, no lease, or a lapsed one (inside `$or`). */
export function freeLease(at: Date): Record<string, unknown>[] {
  return [{ ownerProcess: null }, { leaseUntil: null }, { leaseUntil: { $lte: at } }];
}

function checkLease(leaseMs: number): void {
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) {
    throw new PersistenceError('invalid_lease', `A lease must last a positive number of milliseconds; got ${leaseMs}.`);
  }
}

/**
 * The leases of `entity`'s rows (SQL table `table`), where a row may be
 * claimed only when it also matches `claimable`. Every lease change is one
 * conditional UPDATE, so the database decides races: of two processes
 * claiming one orphan, the second finds the row no longer matches and gets
 * false. Lease times come from `now` (the process clock), so processes need
 * clocks that agree to well within a lease.
 */
export function leasesOf<T extends Leased>(orm: Orm, entity: EntityName<T>, table: string, claimable: Record<string, unknown>, now: () => Date): Leases {
  return {
    async claim(id, processId, leaseMs) {
      checkLease(leaseMs);
      const at = now();
      const claimed = await orm.em.fork().nativeUpdate(
        entity,
        { id, ...claimable, $or: [{ ownerProcess: processId }, ...freeLease(at)] } as unknown as FilterQuery<T>,
        { ownerProcess: processId, leaseUntil: new Date(at.getTime() + leaseMs) } as Partial<T>,
      );
      return claimed > 0;
    },

    async renew(processId, leaseMs) {
      checkLease(leaseMs);
      // Renewing even a lapsed lease is safe: had another process claimed the row, the owner would no longer be us.
      // Rows are locked in id order, as every other locker of these rows takes them (fenced snapshot writes too), so the two never deadlock.
      const rows = await query<{ id: string }>(
        orm.em.fork(),
        `update "${table}" set "lease_until" = $1 where "id" in (
           select "id" from "${table}" where "owner_process" = $2 order by "id" for update
         ) returning "id"`,
        [new Date(now().getTime() + leaseMs), processId],
      );
      return rows.map((row) => row.id).sort();
    },

    async release(id, processId) {
      await orm.em.fork().nativeUpdate(entity, { id, ownerProcess: processId } as FilterQuery<T>, { ownerProcess: null, leaseUntil: null } as Partial<T>);
    },
  };
}
