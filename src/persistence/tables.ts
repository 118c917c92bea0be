import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { TABLE_STATUS, TableEntity } from './entities/TableEntity.ts';
import { freeLease, leasesOf } from './leases.ts';
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

/** Tables and their leases (`leasesOf`: a table that is not closed may be claimed). */
export function tableRepository(orm: Orm, now: () => Date = () => new Date()): TableRepository {
  const leases = leasesOf(orm, TableEntity, 'poker_table', { status: { $ne: TABLE_STATUS.closed } }, now);
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

    claim: leases.claim,
    renew: leases.renew,
    release: leases.release,

    async listOrphaned(at) {
      const tables = await orm.em.fork().find(
        TableEntity,
        { status: TABLE_STATUS.open, $or: freeLease(at) },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      return tables.map(toRecord);
    },
  };
}
