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
});

export type LedgerTransaction = InferEntity<typeof LedgerTransaction>;
