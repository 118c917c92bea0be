import type { RoomTable } from '../src/tables/room-table.ts';
import type { CashTableEvent, PendingMoney } from '../src/engine/cash/state.ts';
import { pendingMoneyTransfer } from '../src/money/transfers.ts';
import { leaseLost } from '../src/persistence/snapshots.ts';
import { PersistenceError } from '../src/persistence/types.ts';
import { Rejection } from './rejection.ts';
import type { RoomServices } from './services.ts';
import { insufficientFunds } from './wallet-book.ts';

type Player = { playerId: string; name: string };

/**
 * Chips between a table and its players' wallets. Each amount is first
 * written into the table's snapshot as pending, then moved in the ledger under
 * its own key, then settled on the table, and the snapshot is written again:
 * a crash anywhere in between is settled on restore (`settlePending`), and the
 * key moves the chips at most once.
 */
export class TableMoney {
  private readonly tableId: string;
  private readonly table: RoomTable;
  private readonly services: RoomServices;
  /** Told of every movement once the ledger has answered: `moved` false when the wallet could not pay. */
  private readonly onSettled: (money: PendingMoney, moved: boolean) => void;

  constructor(tableId: string, table: RoomTable, services: RoomServices, onSettled: (money: PendingMoney, moved: boolean) => void = () => {}) {
    this.tableId = tableId;
    this.table = table;
    this.services = services;
    this.onSettled = onSettled;
  }

  /** A buy-in: the player sits once the chips are on the table. */
  buyIn(player: Player, seat: number | undefined, amount: number): Promise<CashTableEvent[]> {
    return this.move(this.table.reserveBuyIn(player.playerId, player.name, seat, amount));
  }

  topUp(player: Player, amount: number): Promise<CashTableEvent[]> {
    return this.move(this.table.reserveTopUp(player.playerId, amount));
  }

  /** Moves one pending amount between the player's wallet and the table account, then settles it on the table. */
  async move(money: PendingMoney): Promise<CashTableEvent[]> {
    const { db, now } = this.services;
    await this.saveSnapshotNow();
    let moved = true;
    try {
      if (money.amount > 0) {
        await db.ledger.transfer(pendingMoneyTransfer(this.tableId, money));
      }
    } catch (error) {
      if (!(error instanceof PersistenceError && error.code === 'insufficient_funds')) throw error;
      moved = false;
    }
    this.onSettled(money, moved);
    const events = this.table.settleMoney(money.key, moved, now());
    await this.saveSnapshotNow();
    if (!moved) throw insufficientFunds();
    return events;
  }

  /** Settles what a crash left half-moved, handing each settlement's events to `apply`; a wallet that cannot pay is a settled refusal, not an error. */
  async settlePending(apply: (events: CashTableEvent[]) => Promise<void>): Promise<void> {
    for (const money of [...this.table.state.pendingMoney]) {
      try {
        await apply(await this.move(money));
      } catch (error) {
        if (!(error instanceof Rejection)) throw error;
      }
    }
  }

  /** Writes the table's snapshot now. Throws `lease_lost`, writing nothing, when another process holds the table's lease: then no money may move. */
  async saveSnapshotNow(): Promise<void> {
    const { db, processId } = this.services;
    const state = this.table.state;
    const refused = await db.snapshots.saveMany([{ tableId: this.tableId, version: state.version, state }], processId);
    if (refused.length > 0) throw leaseLost(this.tableId);
  }
}
