import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The newest serialised engine state of one table, live hand included, its
 * deck sealed. `format` says how the state is laid out (`SNAPSHOT_FORMAT`).
 */
export const Snapshot = defineEntity({
  name: 'Snapshot',
  tableName: 'snapshot',
  properties: {
    tableId: p.string().primary(),
    version: p.bigint('number'),
    format: p.integer().default(1),
    state: p.json<unknown>().columnType('json'),
    savedAt: p.datetime(),
  },
});

export type Snapshot = InferEntity<typeof Snapshot>;
