import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A completed hand: its engine state (config, operation log, pots, winnings) and who played it. */
export const Hand = defineEntity({
  name: 'Hand',
  tableName: 'hand',
  properties: {
    id: p.string().primary(),
    tableId: p.string(),
    handNumber: p.integer(),
    variant: p.string(),
    startedAt: p.datetime(),
    endedAt: p.datetime().index(),
    // In hand order; `HandPlayer` rows carry the same ids for indexed lookups by player.
    playerIds: p.json<string[]>(),
    state: p.json<unknown>(),
    rake: p.bigint('number'),
  },
  // A table's hands, newest first, without a sort.
  indexes: [{ properties: ['tableId', 'endedAt'] }],
});

export type Hand = InferEntity<typeof Hand>;
