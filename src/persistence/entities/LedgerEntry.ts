import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './Account.ts';
import { LedgerTransaction } from './LedgerTransaction.ts';

/** One side of a ledger transaction: an amount into (positive) or out of (negative) one account. */
export const LedgerEntry = defineEntity({
  name: 'LedgerEntry',
  tableName: 'ledger_entry',
  properties: {
    id: p.bigint('number').primary(),
    transaction: () => p.manyToOne(LedgerTransaction).index(),
    account: () => p.manyToOne(Account),
    amount: p.bigint('number'),
  },
  // An account's history, newest first, is a walk down this index.
  indexes: [{ properties: ['account', 'transaction'] }],
});

export type LedgerEntry = InferEntity<typeof LedgerEntry>;
