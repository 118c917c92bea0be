import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The tournament money of one hour across the cluster, summed from that
 * hour's ledger transfers: entries sold and refunded, rebuys and add-ons,
 * the buy-ins and purchases that went into prize pools, the fees the house
 * kept (net of refunded fees) and the prizes paid.
 */
export const TournamentHourly = defineEntity({
  name: 'TournamentHourly',
  tableName: 'tournament_hourly',
  properties: {
    hour: p.datetime().primary(),
    entries: p.integer(),
    refunds: p.integer(),
    rebuys: p.integer(),
    addOns: p.integer(),
    buyIns: p.bigint('number'),
    purchases: p.bigint('number'),
    fees: p.bigint('number'),
    prizes: p.bigint('number'),
  },
});

export type TournamentHourly = InferEntity<typeof TournamentHourly>;
