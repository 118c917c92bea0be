// Every movement of chips, as a ledger transfer: balanced (its entries sum to
// zero) and keyed by its cause, so the same cause retried moves the chips once.
// Pure: the caller applies the transfer (`LedgerRepository.transfer`, or
// `applyTransfers` inside the transaction of its cause).
import type { PendingMoney } from '../engine/cash/state.ts';
import type { LedgerEntryInput, TransferInput } from '../persistence/types.ts';
import { ACCOUNTS, type Account } from './accounts.ts';
import { MoneyError } from './errors.ts';

/** The `reason` of each kind of transfer, as the ledger records it. */
export const TRANSFER_REASON = {
  startingBalance: 'welcome',
  buyIn: 'buyIn',
  topUp: 'topUp',
  cashOut: 'cashOut',
  rake: 'rake',
  adminCredit: 'credit',
  adminDebit: 'debit',
  tournamentBuyIn: 'tournamentBuyIn',
  tournamentRefund: 'tournamentRefund',
  tournamentPrize: 'tournamentPrize',
  tournamentRebuy: 'tournamentRebuy',
  tournamentAddOn: 'tournamentAddOn',
  tournamentPurchasesRefund: 'tournamentPurchasesRefund',
} as const;
export type TransferReason = (typeof TRANSFER_REASON)[keyof typeof TRANSFER_REASON];

function chips(amount: number, what: string): number {
  if (!Number.isSafeInteger(amount) || amount < 1) {
    throw new MoneyError('invalid_amount', `${what} of ${amount} chips cannot be moved: amounts are whole chips, at least 1.`);
  }
  return amount;
}

function reference(value: string, what: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new MoneyError('invalid_reference', `A transfer needs ${what}; it was empty.`);
  return value;
}

function move(amount: number, from: Account, to: Account): LedgerEntryInput[] {
  return [{ ...from, amount: -amount }, { ...to, amount }];
}

/** The welcome chips of a new player, from outside the game. Key `welcome:<playerId>`: a player is welcomed once. */
export function startingBalanceTransfer(input: { playerId: string; amount: number }): TransferInput {
  const playerId = reference(input.playerId, 'the new player\'s id');
  const amount = chips(input.amount, 'A starting balance');
  return { key: `welcome:${playerId}`, reason: TRANSFER_REASON.startingBalance, entries: move(amount, ACCOUNTS.startingBalance, ACCOUNTS.walletOf(playerId)) };
}

/**
 * Chips between a wallet and a table. `key` is the table's own key for the
 * movement (`PendingMoney.key`, kept in its snapshot until settled), so a
 * restored table that settles it again moves nothing twice.
 */
export type TableMoneyInput = { key: string; tableId: string; playerId: string; seat: number; amount: number };

function tableMoney(input: TableMoneyInput, reason: TransferReason, what: string, toTable: boolean): TransferInput {
  const key = reference(input.key, `the table's key for the ${what}`);
  const tableId = reference(input.tableId, 'the table\'s id');
  const playerId = reference(input.playerId, 'the player\'s id');
  const amount = chips(input.amount, `A ${what}`);
  const [wallet, table] = [ACCOUNTS.walletOf(playerId), ACCOUNTS.tableOf(tableId)];
  return {
    key, reason,
    entries: toTable ? move(amount, wallet, table) : move(amount, table, wallet),
    meta: { tableId, seat: input.seat },
  };
}

export function buyInTransfer(input: TableMoneyInput): TransferInput {
  return tableMoney(input, TRANSFER_REASON.buyIn, 'buy-in', true);
}

export function topUpTransfer(input: TableMoneyInput): TransferInput {
  return tableMoney(input, TRANSFER_REASON.topUp, 'top-up', true);
}

export function cashOutTransfer(input: TableMoneyInput): TransferInput {
  return tableMoney(input, TRANSFER_REASON.cashOut, 'cash-out', false);
}

/** The transfer that settles a table's pending movement (a buy-in, a top-up or a cash-out). */
export function pendingMoneyTransfer(tableId: string, money: PendingMoney): TransferInput {
  const input = { key: money.key, tableId, playerId: money.playerId, seat: money.seat, amount: money.amount };
  if (money.kind === 'buyIn') return buyInTransfer(input);
  if (money.kind === 'topUp') return topUpTransfer(input);
  return cashOutTransfer(input);
}

/** A hand's rake, from the table to the house's account for that table. Key `rake:<handId>`: a hand is raked once. */
export function rakeTransfer(input: { handId: string; tableId: string; handNumber: number; amount: number }): TransferInput {
  const handId = reference(input.handId, 'the hand\'s id');
  const tableId = reference(input.tableId, 'the table\'s id');
  const amount = chips(input.amount, 'A rake');
  return {
    key: `rake:${handId}`, reason: TRANSFER_REASON.rake,
    entries: move(amount, ACCOUNTS.tableOf(tableId), ACCOUNTS.rakeOf(tableId)),
    meta: { handId, tableId, handNumber: input.handNumber },
  };
}

/**
 * An admin's credit or debit of a wallet, against outside money. `requestKey`
 * is the request's idempotency key (the admin's, or one made up for the
 * request); the ledger key is namespaced by player, so it never meets the keys
 * tables and sign-ups use, and two players may use the same request key.
 */
export type AdminMoneyInput = { playerId: string; amount: number; requestKey: string; note: string; adminId: string };

function adminMoney(input: AdminMoneyInput, credit: boolean): TransferInput {
  const playerId = reference(input.playerId, 'the player\'s id');
  const requestKey = reference(input.requestKey, 'the request\'s key');
  const amount = chips(input.amount, credit ? 'A credit' : 'A debit');
  const wallet = ACCOUNTS.walletOf(playerId);
  return {
    key: `admin:${playerId}:${requestKey}`,
    reason: credit ? TRANSFER_REASON.adminCredit : TRANSFER_REASON.adminDebit,
    entries: credit ? move(amount, ACCOUNTS.adminCredits, wallet) : move(amount, wallet, ACCOUNTS.adminCredits),
    meta: { note: input.note, adminId: input.adminId },
  };
}

export function adminCreditTransfer(input: AdminMoneyInput): TransferInput {
  return adminMoney(input, true);
}

export function adminDebitTransfer(input: AdminMoneyInput): TransferInput {
  return adminMoney(input, false);
}

/**
 * One entry into a tournament: `entry` counts a player's entries into it
 * (1 for the first, 2 for a re-entry …), so each is paid, and refunded, once.
 * `buyIn` goes to the prize pool, `fee` (0 or more) to the house.
 */
export type TournamentEntryInput = { tournamentId: string; playerId: string; entry: number; buyIn: number; fee: number };

function tournamentEntry(input: TournamentEntryInput): { tournamentId: string; playerId: string; buyIn: number; fee: number } {
  const tournamentId = reference(input.tournamentId, 'the tournament\'s id');
  const playerId = reference(input.playerId, 'the player\'s id');
  if (!Number.isSafeInteger(input.entry) || input.entry < 1) {
    throw new MoneyError('invalid_reference', `A tournament entry is counted from 1 (the first entry); got ${input.entry}.`);
  }
  const buyIn = chips(input.buyIn, 'A tournament buy-in');
  if (!Number.isSafeInteger(input.fee) || input.fee < 0) {
    throw new MoneyError('invalid_amount', `A tournament fee of ${input.fee} chips cannot be taken: fees are whole chips, 0 or more.`);
  }
  return { tournamentId, playerId, buyIn, fee: input.fee };
}

const entryMeta = (input: TournamentEntryInput) => ({ tournamentId: input.tournamentId, entry: input.entry, buyIn: input.buyIn, fee: input.fee });

/** A player enters a tournament: buy-in and fee leave the wallet together, in one transfer, or neither does. */
export function tournamentBuyInTransfer(input: TournamentEntryInput): TransferInput {
  const { tournamentId, playerId, buyIn, fee } = tournamentEntry(input);
  const entries: LedgerEntryInput[] = [
    { ...ACCOUNTS.walletOf(playerId), amount: -(buyIn + fee) },
    { ...ACCOUNTS.poolOf(tournamentId), amount: buyIn },
  ];
  if (fee > 0) entries.push({ ...ACCOUNTS.feesOf(tournamentId), amount: fee });
  return { key: `tournament-buyin:${tournamentId}:${playerId}:${input.entry}`, reason: TRANSFER_REASON.tournamentBuyIn, entries, meta: entryMeta(input) };
}

/** An entry given back (the tournament was cancelled, or the player unregistered in time): buy-in and fee both return to the wallet. */
export function tournamentRefundTransfer(input: TournamentEntryInput): TransferInput {
  const { tournamentId, playerId, buyIn, fee } = tournamentEntry(input);
  const entries: LedgerEntryInput[] = [{ ...ACCOUNTS.poolOf(tournamentId), amount: -buyIn }];
  if (fee > 0) entries.push({ ...ACCOUNTS.feesOf(tournamentId), amount: -fee });
  entries.push({ ...ACCOUNTS.walletOf(playerId), amount: buyIn + fee });
  return { key: `tournament-refund:${tournamentId}:${playerId}:${input.entry}`, reason: TRANSFER_REASON.tournamentRefund, entries, meta: entryMeta(input) };
}

/** A place's prize, from the pool to the wallet. Key `tournament-prize:<tournamentId>:<place>`: each place is paid once, to whoever finished there. */
export function tournamentPrizeTransfer(input: { tournamentId: string; playerId: string; place: number; amount: number }): TransferInput {
  const tournamentId = reference(input.tournamentId, 'the tournament\'s id');
  const playerId = reference(input.playerId, 'the player\'s id');
  if (!Number.isSafeInteger(input.place) || input.place < 1) {
    throw new MoneyError('invalid_reference', `A prize is paid for a place from 1 (the winner); got ${input.place}.`);
  }
  const amount = chips(input.amount, 'A prize');
  return {
    key: `tournament-prize:${tournamentId}:${input.place}`, reason: TRANSFER_REASON.tournamentPrize,
    entries: move(amount, ACCOUNTS.poolOf(tournamentId), ACCOUNTS.walletOf(playerId)),
    meta: { tournamentId, place: input.place, playerId },
  };
}

/**
 * A rebuy or an add-on bought for one entry: `count` numbers that entry's
 * purchases of the kind (1 for the first rebuy, 2 for the second …), so each
 * is paid once. The `price` goes to the prize pool; there is
 * no fee on either.
 */
export type TournamentPurchaseInput = { tournamentId: string; playerId: string; entry: number; count: number; price: number };

const PURCHASE = {
  rebuy: { key: 'tournament-rebuy', what: 'A rebuy', reason: TRANSFER_REASON.tournamentRebuy },
  addOn: { key: 'tournament-addon', what: 'An add-on', reason: TRANSFER_REASON.tournamentAddOn },
} as const;

function purchase(input: TournamentPurchaseInput, kind: keyof typeof PURCHASE): TransferInput {
  const tournamentId = reference(input.tournamentId, 'the tournament\'s id');
  const playerId = reference(input.playerId, 'the player\'s id');
  for (const [name, value] of [['entry', input.entry], ['count', input.count]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new MoneyError('invalid_reference', `A tournament purchase's ${name} is counted from 1; got ${value}.`);
    }
  }
  const { key, what, reason } = PURCHASE[kind];
  const price = chips(input.price, `${what}'s price`);
  return {
    key: `${key}:${tournamentId}:${playerId}:${input.entry}:${input.count}`, reason,
    entries: move(price, ACCOUNTS.walletOf(playerId), ACCOUNTS.poolOf(tournamentId)),
    meta: { tournamentId, entry: input.entry, count: input.count, price },
  };
}

/** A rebuy's price, from the wallet to the pool. Key `tournament-rebuy:<tournamentId>:<playerId>:<entry>:<count>`. */
export function tournamentRebuyTransfer(input: TournamentPurchaseInput): TransferInput {
  return purchase(input, 'rebuy');
}

/** An add-on's price, from the wallet to the pool. Key `tournament-addon:<tournamentId>:<playerId>:<entry>:<count>`. */
export function tournamentAddOnTransfer(input: TournamentPurchaseInput): TransferInput {
  return purchase(input, 'addOn');
}

/**
 * Everything an entry paid for rebuys and add-ons, given back at once (the
 * tournament was cancelled): `amount` from the pool to the wallet. Key
 * `tournament-purchases-refund:<tournamentId>:<playerId>:<entry>`: an entry is refunded once.
 */
export function tournamentPurchasesRefundTransfer(input: { tournamentId: string; playerId: string; entry: number; amount: number }): TransferInput {
  const tournamentId = reference(input.tournamentId, 'the tournament\'s id');
  const playerId = reference(input.playerId, 'the player\'s id');
  if (!Number.isSafeInteger(input.entry) || input.entry < 1) {
    throw new MoneyError('invalid_reference', `A tournament entry is counted from 1 (the first entry); got ${input.entry}.`);
  }
  const amount = chips(input.amount, 'A refund of rebuys and add-ons');
  return {
    key: `tournament-purchases-refund:${tournamentId}:${playerId}:${input.entry}`, reason: TRANSFER_REASON.tournamentPurchasesRefund,
    entries: move(amount, ACCOUNTS.poolOf(tournamentId), ACCOUNTS.walletOf(playerId)),
    meta: { tournamentId, entry: input.entry },
  };
}

/**
 * One sale given back on its own while the tournament goes on: chips bought
 * (a rebuy, an add-on) during the hand that knocked their buyer out never
 * reached the table, so their price returns from the pool to the wallet.
 * `key` is the tournament's refund key for that sale (`refundKey`), so the
 * refund is made once however often it is re-issued.
 */
export function tournamentSaleRefundTransfer(input: { tournamentId: string; playerId: string; key: string; saleKey: string; amount: number }): TransferInput {
  const tournamentId = reference(input.tournamentId, 'the tournament\'s id');
  const playerId = reference(input.playerId, 'the player\'s id');
  const key = reference(input.key, 'the refund\'s key');
  const amount = chips(input.amount, 'A refund');
  return {
    key, reason: TRANSFER_REASON.tournamentRefund,
    entries: move(amount, ACCOUNTS.poolOf(tournamentId), ACCOUNTS.walletOf(playerId)),
    meta: { tournamentId, saleKey: input.saleKey },
  };
}
