import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** The newest serialised engine state of one table, live hand and deck included. */
export const Snapshot = defineEntity({
  name: 'Snapshot',
  tableName: 'snapshot',
  properties: {
    tableId: p.string().primary(),
    version: p.bigint('number'),
    state: p.json<unknown>().columnType('json'),
    savedAt: p.datetime(),
  },
});

export type Snapshot = InferEntity<typeof Snapshot>;
