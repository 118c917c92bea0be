import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { TournamentTableSettings } from '../types.ts';

export const TABLE_STATUS = { open: 'open', closing: 'closing', closed: 'closed' } as const;
export type TableStatus = (typeof TABLE_STATUS)[keyof typeof TABLE_STATUS];

/**
 * A table (and its Colyseus room, which has the same id). The owning process
 * holds a lease it renews; a table whose lease ran out is an orphan any
 * process may claim. A cash table is opened from a template; a tournament
 * table has none: its tournament and its settings are on the row.
 */
export const TableEntity = defineEntity({
  name: 'TableEntity',
  tableName: 'poker_table',
  properties: {
    id: p.string().primary(),
    templateId: p.string().nullable().index(),
    tournamentId: p.string().nullable().index(),
    settings: p.json<TournamentTableSettings>().nullable(),
    name: p.string(),
    status: p.enum(Object.values(TABLE_STATUS)).default(TABLE_STATUS.open),
    ownerProcess: p.string().nullable().index(),
    leaseUntil: p.datetime().nullable(),
    createdAt: p.datetime(),
  },
});

export type TableEntity = InferEntity<typeof TableEntity>;
