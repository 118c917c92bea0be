import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const TABLE_STATUS = { open: 'open', closing: 'closing', closed: 'closed' } as const;
export type TableStatus = (typeof TABLE_STATUS)[keyof typeof TABLE_STATUS];

/**
 * A table (and its Colyseus room, which has the same id). The owning process
 * holds a lease it renews; a table whose lease ran out is an orphan any
 * process may claim.
 */
export const TableEntity = defineEntity({
  name: 'TableEntity',
  tableName: 'poker_table',
  properties: {
    id: p.string().primary(),
    templateId: p.string().index(),
    name: p.string(),
    status: p.enum(Object.values(TABLE_STATUS)).default(TABLE_STATUS.open),
    ownerProcess: p.string().nullable().index(),
    leaseUntil: p.datetime().nullable(),
    createdAt: p.datetime(),
  },
});

export type TableEntity = InferEntity<typeof TableEntity>;
