import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One money movement; its entries sum to zero. The unique key makes it idempotent. */
export const LedgerTransaction = defineEntity({
  name: 'LedgerTransaction',
  tableName: 'ledger_transaction',
  properties: {
    // A sequence rather than a uuid so "newest first" is the insertion order even within one millisecond.
    id: p.bigint('number').primary(),
    key: p.text().unique(),
    reason: p.string(),
    meta: p.json<Record<string, unknown>>().nullable(),
    createdAt: p.datetime(),
  },
  // The analytics sum tournament money by time; partial, so the hot transfers (rake, buy-ins at tables) do not pay for it.
  // `~~` is `like` as PostgreSQL stores it, so the schema comparison finds nothing to change.
  indexes: [{ name: 'ledger_transaction_tournament_created_at_index', properties: ['createdAt'], where: `"reason" ~~ 'tournament%'` }],
});

export type LedgerTransaction = InferEntity<typeof LedgerTransaction>;
