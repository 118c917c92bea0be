import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** The whole cluster at one minute: tables, players, watchers, the minute's hands and rake, its tournament money, connections per process. */
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
    // Tournament money of the minute, from the ledger: entries bought, the house's fees (net of refunds) and prizes paid.
    tournamentEntries: p.integer().default(0),
    tournamentFees: p.bigint('number').default(0),
    tournamentPrizes: p.bigint('number').default(0),
    connections: p.json<Record<string, number>>(),
  },
});

export type AnalyticsSnapshot = InferEntity<typeof AnalyticsSnapshot>;
