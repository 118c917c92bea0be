import type { AccountKind } from '../persistence/types.ts';

export const ACCOUNT_KIND = {
  player: 'player', table: 'table', house: 'house', external: 'external', tournament: 'tournament',
} as const satisfies Record<AccountKind, AccountKind>;

export type Account = { kind: AccountKind; owner: string };

/** The accounts money comes from and goes to: `(kind, owner)`, one row each in the ledger. */
export const ACCOUNTS = {
  walletOf: (playerId: string) => ({ kind: ACCOUNT_KIND.player, owner: playerId }),
  /** Every chip on a table: stacks, bets and pots. */
  tableOf: (tableId: string) => ({ kind: ACCOUNT_KIND.table, owner: tableId }),
  house: { kind: ACCOUNT_KIND.house, owner: 'house' },
  /**
   * Where a table's rake goes: the house's account for that table. One house
   * account for all rake would be one row that every finished hand of every
   * table locks, so hands would commit one at a time; the house's rake is the
   * sum of these (`LedgerRepository.houseBalance`).
   */
  rakeOf: (tableId: string) => ({ kind: ACCOUNT_KIND.house, owner: `rake:${tableId}` }),
  /** A tournament's prize pool: the buy-ins, paid out as prizes or refunds. */
  poolOf: (tournamentId: string) => ({ kind: ACCOUNT_KIND.tournament, owner: tournamentId }),
  /** The house's entry fees of one tournament: per tournament, like rake per table, so registrations of different tournaments never queue on one row. */
  feesOf: (tournamentId: string) => ({ kind: ACCOUNT_KIND.house, owner: `fee:${tournamentId}` }),
  adminCredits: { kind: ACCOUNT_KIND.external, owner: 'admin' },
  startingBalance: { kind: ACCOUNT_KIND.external, owner: 'starting-balance' },
} as const;
