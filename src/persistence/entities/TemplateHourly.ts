import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One template's play during one hour, summed from that hour's hand records.
 * Sums rather than averages, so averages over any span come out exact.
 */
export const TemplateHourly = defineEntity({
  name: 'TemplateHourly',
  tableName: 'template_hourly',
  properties: {
    templateId: p.string().primary(),
    hour: p.datetime().primary(),
    hands: p.integer(),
    uniquePlayers: p.integer(),
    rake: p.bigint('number'),
    // Chips in every pot of every hand, rake included.
    potTotal: p.bigint('number'),
    // Hands that dealt a flop, and how many players were still in at that moment, summed over them.
    flopHands: p.integer(),
    flopPlayers: p.integer(),
  },
  // Every template's rows for a time range (the admin listing without a template filter).
  indexes: [{ properties: ['hour'] }],
});

export type TemplateHourly = InferEntity<typeof TemplateHourly>;
