import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  adminCreditTransfer, adminDebitTransfer, buyInTransfer, cashOutTransfer, rakeTransfer, startingBalanceTransfer,
  topUpTransfer, tournamentAddOnTransfer, tournamentBuyInTransfer, tournamentPrizeTransfer, tournamentPurchasesRefundTransfer,
  tournamentRebuyTransfer, tournamentRefundTransfer,
} from '../../src/money/transfers.ts';
import type { Database } from '../../src/persistence/database.ts';
import { PersistenceError, type TransferInput } from '../../src/persistence/types.ts';
import { describeEachBackend, useFreshDatabase } from '../persistence/databases.ts';

/** One of each movement, each with the transfers that must come first (the chips it moves must be there). */
type Case = { name: string; before: TransferInput[]; transfer: TransferInput };

function cases(): Case[] {
  const [player, table, tournament] = [randomUUID(), randomUUID(), randomUUID()];
  const funded = adminCreditTransfer({ playerId: player, amount: 1000, requestKey: randomUUID(), note: 'seed', adminId: 'a1' });
  const seat = { tableId: table, playerId: player, seat: 0 };
  const onTable = buyInTransfer({ ...seat, key: `buyIn:${table}:1:${player}`, amount: 400 });
  const entry = { tournamentId: tournament, playerId: player, entry: 1, buyIn: 100, fee: 10 };
  const entered = tournamentBuyInTransfer(entry);
  const purchase = { tournamentId: tournament, playerId: player, entry: 1, count: 1, price: 40 };
  return [
    { name: 'starting balance', before: [], transfer: startingBalanceTransfer({ playerId: player, amount: 500 }) },
    { name: 'buy-in', before: [funded], transfer: buyInTransfer({ ...seat, key: `buyIn:${table}:2:${player}`, amount: 300 }) },
    { name: 'top-up', before: [funded], transfer: topUpTransfer({ ...seat, key: `topUp:${table}:2:${player}`, amount: 50 }) },
    { name: 'cash-out', before: [funded, onTable], transfer: cashOutTransfer({ ...seat, key: `cashout:${table}:3:0:${player}`, amount: 350 }) },
    { name: 'rake', before: [funded, onTable], transfer: rakeTransfer({ handId: randomUUID(), tableId: table, handNumber: 1, amount: 3 }) },
    { name: 'admin credit', before: [], transfer: adminCreditTransfer({ playerId: player, amount: 75, requestKey: 'r1', note: 'gift', adminId: 'a1' }) },
    { name: 'admin debit', before: [funded], transfer: adminDebitTransfer({ playerId: player, amount: 75, requestKey: 'r2', note: 'fix', adminId: 'a1' }) },
    { name: 'tournament buy-in', before: [funded], transfer: entered },
    { name: 'tournament refund', before: [funded, entered], transfer: tournamentRefundTransfer(entry) },
    { name: 'tournament prize', before: [funded, entered], transfer: tournamentPrizeTransfer({ tournamentId: tournament, playerId: player, place: 1, amount: 100 }) },
    { name: 'tournament rebuy', before: [funded, entered], transfer: tournamentRebuyTransfer(purchase) },
    { name: 'tournament add-on', before: [funded, entered], transfer: tournamentAddOnTransfer(purchase) },
    { name: 'tournament purchases refund', before: [funded, entered, tournamentRebuyTransfer(purchase)], transfer: tournamentPurchasesRefundTransfer({ ...entry, amount: 40 }) },
  ];
}

async function balances(db: Database, transfer: TransferInput): Promise<number[]> {
  return Promise.all(transfer.entries.map((e) => db.ledger.balance(e.kind, e.owner)));
}

/** What a transfer adds to the chips in play (player, table, tournament and house accounts): only outside money changes it. */
const fromOutside = (transfer: TransferInput): number => -transfer.entries.filter((e) => e.kind === 'external').reduce((sum, e) => sum + e.amount, 0);

describeEachBackend('money: transfers in the ledger', (backend) => {
  const db = useFreshDatabase(backend);

  for (const { name } of cases()) {
    it(`when a ${name} is applied twice then it moves its chips once, and the chips in play change only by outside money`, async () => {
      const { before, transfer } = cases().find((c) => c.name === name)!;
      for (const earlier of before) await db().ledger.transfer(earlier);
      const start = await balances(db(), transfer);
      const held = await db().ledger.totalHeld();

      const first = await db().ledger.transfer(transfer);
      const second = await db().ledger.transfer(transfer);

      assert.deepEqual([first.applied, second.applied], [true, false]);
      assert.equal(second.key, first.key);
      assert.deepEqual(await balances(db(), transfer), start.map((balance, i) => balance + transfer.entries[i].amount));
      assert.equal(await db().ledger.totalHeld(), held + fromOutside(transfer));
    });
  }

  it('when a wallet cannot pay a tournament\'s buy-in and fee together then neither is taken', async () => {
    const player = randomUUID();
    const tournament = randomUUID();
    await db().ledger.transfer(adminCreditTransfer({ playerId: player, amount: 105, requestKey: 'seed', note: 'seed', adminId: 'a1' }));

    await assert.rejects(
      db().ledger.transfer(tournamentBuyInTransfer({ tournamentId: tournament, playerId: player, entry: 1, buyIn: 100, fee: 10 })),
      (error: unknown) => error instanceof PersistenceError && error.code === 'insufficient_funds',
    );
    assert.deepEqual(
      [await db().ledger.balance('player', player), await db().ledger.balance('tournament', tournament), await db().ledger.balance('house', `fee:${tournament}`)],
      [105, 0, 0],
    );
  });

  it('when a pool would pay more prizes than it holds then the prize is refused and the pool stays at what it had', async () => {
    const player = randomUUID();
    const tournament = randomUUID();
    await db().ledger.transfer(adminCreditTransfer({ playerId: player, amount: 200, requestKey: 'seed', note: 'seed', adminId: 'a1' }));
    await db().ledger.transfer(tournamentBuyInTransfer({ tournamentId: tournament, playerId: player, entry: 1, buyIn: 100, fee: 0 }));

    await assert.rejects(
      db().ledger.transfer(tournamentPrizeTransfer({ tournamentId: tournament, playerId: player, place: 1, amount: 150 })),
      (error: unknown) => error instanceof PersistenceError && error.code === 'insufficient_funds',
    );
    assert.equal(await db().ledger.balance('tournament', tournament), 100);
  });

  it('when tournament fees are taken then the house\'s balance counts them', async () => {
    const player = randomUUID();
    await db().ledger.transfer(adminCreditTransfer({ playerId: player, amount: 100, requestKey: 'seed', note: 'seed', adminId: 'a1' }));
    const house = await db().ledger.houseBalance();

    await db().ledger.transfer(tournamentBuyInTransfer({ tournamentId: randomUUID(), playerId: player, entry: 1, buyIn: 80, fee: 8 }));

    assert.equal(await db().ledger.houseBalance(), house + 8);
  });
});
