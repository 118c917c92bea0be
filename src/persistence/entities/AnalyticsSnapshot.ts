import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** The whole cluster at one minute: tables, players, watchers, the minute's hands and rake, connections per process. */
export const AnalyticsSnapshot = defineEntity({
  name: 'AnalyticsSnapshot',
  tableName: 'analytics_snapshots',
  properties: {
    // One row per minute for the cluster; the key keeps a repeated run from counting twice.
    takenAt: p.datetime().primary(),
    openTables: p.integer(),
    seatedPlayers: p.integer(),
    watchers: p.integer(),
    hands: p.integer(),
    rake: p.bigint('number'),
    connections: p.json<Record<string, number>>(),
  },
});

export type AnalyticsSnapshot = InferEntity<typeof AnalyticsSnapshot>;
