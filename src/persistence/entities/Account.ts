import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One holder of chips in the double-entry ledger. The balance is the running
 * sum of the account's entries, kept on the row so a transfer can check and
 * move it with one conditional UPDATE.
 */
export const Account = defineEntity({
  name: 'Account',
  tableName: 'account',
  properties: {
    id: p.integer().primary(),
    kind: p.string(),
    owner: p.string(),
    balance: p.bigint('number').default(0),
  },
  uniques: [{ properties: ['kind', 'owner'] }],
  // The transfer's conditional UPDATE already refuses overdrafts; this makes the database refuse them too.
  checks: [{ name: 'account_balance_check', expression: "kind = 'external' or balance >= 0" }],
});

export type Account = InferEntity<typeof Account>;
