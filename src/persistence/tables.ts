import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { TABLE_STATUS, TableEntity } from './entities/TableEntity.ts';
import type { Orm } from './orm.ts';
import { PersistenceError, type TableRecord, type TableRepository } from './types.ts';

function toRecord(table: TableEntity): TableRecord {
  return {
    id: table.id,
    templateId: table.templateId ?? null,
    tournamentId: table.tournamentId ?? null,
    settings: table.settings ?? null,
    name: table.name,
    status: table.status,
    ownerProcess: table.ownerProcess ?? null,
    leaseUntil: table.leaseUntil ?? null,
    createdAt: table.createdAt,
  };
}

function checkLease(leaseMs: number): void {
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) {
    throw new PersistenceError('invalid_lease', `A lease must last a positive number of milliseconds; got ${leaseMs}.`);
  }
}

/**
 * Tables and their leases. Every lease change is one conditional UPDATE, so
 * the database decides races: of two processes claiming one orphan, the
 * second finds the row no longer matches and gets false. Lease times come
 * from `now` (the process clock), so processes need clocks that agree to well
 * within a lease.
 */
export function tableRepository(orm: Orm, now: () => Date = () => new Date()): TableRepository {
  return {
    async create(input) {
      const em = orm.em.fork();
      const owner = 'templateId' in input
        ? { templateId: input.templateId, tournamentId: null, settings: null }
        : { templateId: null, tournamentId: input.tournamentId, settings: input.settings };
      const table = em.create(TableEntity, {
        id: input.id, ...owner, name: input.name,
        status: TABLE_STATUS.open, ownerProcess: null, leaseUntil: null, createdAt: now(),
      });
      try {
        await em.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          throw new PersistenceError('table_exists', `A table with id ${input.id} already exists; pick another id.`);
        }
        throw error;
      }
      return toRecord(table);
    },

    async get(id) {
      const table = await orm.em.fork().findOne(TableEntity, { id });
      return table ? toRecord(table) : null;
    },

    async listOpen() {
      const tables = await orm.em.fork().find(TableEntity, { status: TABLE_STATUS.open }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      return tables.map(toRecord);
    },

    async listForTournament(tournamentId) {
      const tables = await orm.em.fork().find(
        TableEntity, { tournamentId, status: { $ne: TABLE_STATUS.closed } }, { orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      return tables.map(toRecord);
    },

    async setStatus(id, status) {
      if (!Object.values(TABLE_STATUS).includes(status)) {
        throw new PersistenceError('invalid_status', `A table's status is one of ${Object.values(TABLE_STATUS).join(', ')}; got ${String(status)}.`);
      }
      await orm.em.fork().nativeUpdate(TableEntity, { id }, { status });
    },

    async claim(id, processId, leaseMs) {
      checkLease(leaseMs);
      const at = now();
      const claimed = await orm.em.fork().nativeUpdate(
        TableEntity,
        {
          id,
          status: { $ne: TABLE_STATUS.closed },
          $or: [{ ownerProcess: null }, { ownerProcess: processId }, { leaseUntil: null }, { leaseUntil: { $lte: at } }],
        },
        { ownerProcess: processId, leaseUntil: new Date(at.getTime() + leaseMs) },
      );
      return claimed > 0;
    },

    async renew(processId, leaseMs) {
      checkLease(leaseMs);
      // Renewing even a lapsed lease is safe: had another process claimed the table, the owner would no longer be us.
      // Rows are locked in id order, as fenced snapshot writes lock them (the `held` step of `saveMany`), so the two never deadlock.
      const rows = await orm.em.fork().execute<{ id: string }[]>(
        `update "poker_table" set "lease_until" = ? where "id" in (
           select "id" from "poker_table" where "owner_process" = ? order by "id" for update
         ) returning "id"`,
        [new Date(now().getTime() + leaseMs), processId],
      );
      return rows.map((row) => row.id).sort();
    },

    async release(id, processId) {
      await orm.em.fork().nativeUpdate(TableEntity, { id, ownerProcess: processId }, { ownerProcess: null, leaseUntil: null });
    },

    async listOrphaned(at) {
      const tables = await orm.em.fork().find(
        TableEntity,
        { status: TABLE_STATUS.open, $or: [{ ownerProcess: null }, { leaseUntil: null }, { leaseUntil: { $lte: at } }] },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      return tables.map(toRecord);
    },
  };
}
