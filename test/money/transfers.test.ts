import assert from 'node:assert/strict';
import { MoneyError } from '../../src/money/errors.ts';
import {
  adminCreditTransfer, adminDebitTransfer, buyInTransfer, cashOutTransfer, pendingMoneyTransfer, rakeTransfer, startingBalanceTransfer,
  topUpTransfer, tournamentAddOnTransfer, tournamentBuyInTransfer, tournamentPrizeTransfer,
  tournamentPurchasesRefundTransfer, tournamentRebuyTransfer, tournamentRefundTransfer,
} from '../../src/money/transfers.ts';
import type { TransferInput } from '../../src/persistence/types.ts';

const tableMoney = { key: 'buyIn:t1:4:p1', tableId: 't1', playerId: 'p1', seat: 2, amount: 300 };
const admin = { playerId: 'p1', amount: 250, requestKey: 'req-1', note: 'outage', adminId: 'a1' };
const entry = { tournamentId: 'tn1', playerId: 'p1', entry: 1, buyIn: 100, fee: 10 };
const prize = { tournamentId: 'tn1', playerId: 'p1', place: 1, amount: 500 };
const hand = { handId: 'h1', tableId: 't1', handNumber: 3, amount: 4 };
const purchase = { tournamentId: 'tn1', playerId: 'p1', entry: 1, count: 1, price: 50 };

/** Every builder, with an input and the same input whose amount is `amount`. */
const BUILDERS: [string, (amount: number) => TransferInput][] = [
  ['startingBalance', (amount) => startingBalanceTransfer({ playerId: 'p1', amount })],
  ['buyIn', (amount) => buyInTransfer({ ...tableMoney, amount })],
  ['topUp', (amount) => topUpTransfer({ ...tableMoney, amount })],
  ['cashOut', (amount) => cashOutTransfer({ ...tableMoney, amount })],
  ['rake', (amount) => rakeTransfer({ ...hand, amount })],
  ['adminCredit', (amount) => adminCreditTransfer({ ...admin, amount })],
  ['adminDebit', (amount) => adminDebitTransfer({ ...admin, amount })],
  ['tournamentBuyIn', (amount) => tournamentBuyInTransfer({ ...entry, buyIn: amount })],
  ['tournamentRefund', (amount) => tournamentRefundTransfer({ ...entry, buyIn: amount })],
  ['tournamentPrize', (amount) => tournamentPrizeTransfer({ ...prize, amount })],
  ['tournamentRebuy', (price) => tournamentRebuyTransfer({ ...purchase, price })],
  ['tournamentAddOn', (price) => tournamentAddOnTransfer({ ...purchase, price })],
  ['tournamentPurchasesRefund', (amount) => tournamentPurchasesRefundTransfer({ ...entry, amount })],
];

const sum = (transfer: TransferInput): number => transfer.entries.reduce((total, e) => total + e.amount, 0);
/** What the transfer does to each account, `kind/owner` → change. */
const changes = (transfer: TransferInput): Record<string, number> =>
  Object.fromEntries(transfer.entries.map((e) => [`${e.kind}/${e.owner}`, e.amount]));
const invalid = (code: string) => (error: unknown) => error instanceof MoneyError && error.code === code;

describe('money: transfers', () => {
  for (const [name, build] of BUILDERS) {
    it(`when a ${name} is built then its entries sum to zero, its key is the same each time, and a bad amount is refused with invalid_amount`, () => {
      const transfer = build(120);

      assert.equal(sum(transfer), 0);
      assert.ok(transfer.entries.length >= 2 && transfer.entries.every((e) => e.amount !== 0));
      assert.deepEqual(build(120), transfer);
      assert.ok(transfer.key.length > 0 && transfer.reason.length > 0);
      for (const bad of [0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) assert.throws(() => build(bad), invalid('invalid_amount'), `${bad}`);
    });
  }

  it('when cash moves between a wallet and a table then buy-ins and top-ups go to the table and cash-outs come back, under the table\'s key', () => {
    assert.deepEqual(changes(buyInTransfer(tableMoney)), { 'player/p1': -300, 'table/t1': 300 });
    assert.deepEqual(changes(topUpTransfer(tableMoney)), { 'player/p1': -300, 'table/t1': 300 });
    assert.deepEqual(changes(cashOutTransfer(tableMoney)), { 'table/t1': -300, 'player/p1': 300 });
    assert.deepEqual([buyInTransfer(tableMoney).key, buyInTransfer(tableMoney).reason, buyInTransfer(tableMoney).meta], ['buyIn:t1:4:p1', 'buyIn', { tableId: 't1', seat: 2 }]);
    assert.deepEqual(
      (['buyIn', 'topUp', 'cashOut'] as const).map((kind) => pendingMoneyTransfer('t1', { ...tableMoney, kind, name: 'Ann' }).reason),
      ['buyIn', 'topUp', 'cashOut'],
    );
  });

  it('when the welcome chips, the rake and admin money are built then each moves between the right accounts under a key named by its cause', () => {
    assert.deepEqual(startingBalanceTransfer({ playerId: 'p1', amount: 10 }), {
      key: 'welcome:p1', reason: 'welcome', entries: [{ kind: 'external', owner: 'starting-balance', amount: -10 }, { kind: 'player', owner: 'p1', amount: 10 }],
    });
    const rake = rakeTransfer(hand);
    assert.deepEqual([rake.key, changes(rake), rake.meta], ['rake:h1', { 'table/t1': -4, 'house/rake:t1': 4 }, { handId: 'h1', tableId: 't1', handNumber: 3 }]);
    const credit = adminCreditTransfer(admin);
    const debit = adminDebitTransfer(admin);
    assert.deepEqual([credit.key, credit.reason, changes(credit), credit.meta], ['admin:p1:req-1', 'credit', { 'external/admin': -250, 'player/p1': 250 }, { note: 'outage', adminId: 'a1' }]);
    assert.deepEqual([debit.reason, changes(debit)], ['debit', { 'player/p1': -250, 'external/admin': 250 }]);
    assert.notEqual(adminCreditTransfer({ ...admin, playerId: 'p2' }).key, credit.key);
  });

  it('when a player enters a tournament then buy-in and fee leave the wallet in one transfer: the buy-in to the pool, the fee to the house', () => {
    const buyIn = tournamentBuyInTransfer(entry);
    assert.deepEqual(changes(buyIn), { 'player/p1': -110, 'tournament/tn1': 100, 'house/fee:tn1': 10 });
    assert.equal(buyIn.key, 'tournament-buyin:tn1:p1:1');
    assert.notEqual(tournamentBuyInTransfer({ ...entry, entry: 2 }).key, buyIn.key);
    assert.deepEqual(changes(tournamentBuyInTransfer({ ...entry, fee: 0 })), { 'player/p1': -100, 'tournament/tn1': 100 });
    assert.throws(() => tournamentBuyInTransfer({ ...entry, fee: -1 }), invalid('invalid_amount'));
    assert.throws(() => tournamentBuyInTransfer({ ...entry, entry: 0 }), invalid('invalid_reference'));
  });

  it('when an entry is refunded then both the buy-in and the fee return to the wallet, under a key of its own', () => {
    const refund = tournamentRefundTransfer(entry);

    assert.deepEqual(changes(refund), { 'tournament/tn1': -100, 'house/fee:tn1': -10, 'player/p1': 110 });
    assert.equal(refund.key, 'tournament-refund:tn1:p1:1');
    assert.equal(refund.reason, 'tournamentRefund');
  });

  it('when a prize is paid then it goes from the pool to the wallet, keyed by the place', () => {
    const paid = tournamentPrizeTransfer(prize);

    assert.deepEqual(changes(paid), { 'tournament/tn1': -500, 'player/p1': 500 });
    assert.equal(paid.key, 'tournament-prize:tn1:1');
    assert.notEqual(tournamentPrizeTransfer({ ...prize, place: 2 }).key, paid.key);
    assert.throws(() => tournamentPrizeTransfer({ ...prize, place: 0 }), invalid('invalid_reference'));
  });

  it('when a rebuy or an add-on is bought then its price goes from the wallet to the pool, keyed by the entry and the count', () => {
    const rebuy = tournamentRebuyTransfer(purchase);
    const addOn = tournamentAddOnTransfer(purchase);

    assert.deepEqual([rebuy.key, rebuy.reason, changes(rebuy)], ['tournament-rebuy:tn1:p1:1:1', 'tournamentRebuy', { 'player/p1': -50, 'tournament/tn1': 50 }]);
    assert.deepEqual([addOn.key, addOn.reason, changes(addOn)], ['tournament-addon:tn1:p1:1:1', 'tournamentAddOn', { 'player/p1': -50, 'tournament/tn1': 50 }]);
    assert.equal(tournamentRebuyTransfer({ ...purchase, count: 2 }).key, 'tournament-rebuy:tn1:p1:1:2');
    assert.equal(tournamentRebuyTransfer({ ...purchase, entry: 2 }).key, 'tournament-rebuy:tn1:p1:2:1');
    assert.throws(() => tournamentRebuyTransfer({ ...purchase, count: 0 }), invalid('invalid_reference'));
    assert.throws(() => tournamentAddOnTransfer({ ...purchase, entry: 1.5 }), invalid('invalid_reference'));
    assert.throws(() => tournamentAddOnTransfer({ ...purchase, tournamentId: '' }), invalid('invalid_reference'));
  });

  it('when an entry\'s rebuys and add-ons are refunded then their total returns from the pool under one key per entry', () => {
    const refund = tournamentPurchasesRefundTransfer({ tournamentId: 'tn1', playerId: 'p1', entry: 2, amount: 150 });

    assert.deepEqual([refund.key, refund.reason, changes(refund)], ['tournament-purchases-refund:tn1:p1:2', 'tournamentPurchasesRefund', { 'tournament/tn1': -150, 'player/p1': 150 }]);
    assert.throws(() => tournamentPurchasesRefundTransfer({ tournamentId: 'tn1', playerId: 'p1', entry: 0, amount: 150 }), invalid('invalid_reference'));
  });

  it('when an id or key is empty then the transfer is refused with invalid_reference', () => {
    assert.throws(() => startingBalanceTransfer({ playerId: '', amount: 5 }), invalid('invalid_reference'));
    assert.throws(() => buyInTransfer({ ...tableMoney, key: '' }), invalid('invalid_reference'));
    assert.throws(() => cashOutTransfer({ ...tableMoney, tableId: '' }), invalid('invalid_reference'));
    assert.throws(() => rakeTransfer({ ...hand, handId: '' }), invalid('invalid_reference'));
    assert.throws(() => adminCreditTransfer({ ...admin, requestKey: '' }), invalid('invalid_reference'));
    assert.throws(() => tournamentPrizeTransfer({ ...prize, tournamentId: '' }), invalid('invalid_reference'));
  });
});
