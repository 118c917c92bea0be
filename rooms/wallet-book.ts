import { Rejection } from './rejection.ts';

/** How soon a player's balance may be read again, at the earliest, when a request needs more than the room knows they hold. */
export const BALANCE_REREAD_MS = 3_000;

/** Whether a player can pay an amount, as far as the room knows (see `WalletBook.canPay`). */
export const FUNDS = {
  /** They hold it, as far as this room knows: the ledger decides. */
  enough: 'enough',
  /** They do not, and the balance was read too recently to read it again: refuse without asking the database. */
  short: 'short',
  /** Unknown, or short by a balance old enough to read again. */
  unsure: 'unsure',
} as const;
export type Funds = (typeof FUNDS)[keyof typeof FUNDS];

/** The refusal of an amount the player's wallet does not hold, whoever found out: this book or the ledger. */
export function insufficientFunds(): Rejection {
  return new Rejection('insufficient_funds', 'Your wallet does not hold that many chips.');
}

type Entry = { balance: number | null; readAt: number; moves: number };

/**
 * What a table room knows of its players' wallet balances: read when they
 * join, then kept current with every movement of this room's (buy-ins,
 * top-ups, cash-outs). A buy-in or top-up above it is refused without any
 * database work. A balance can also grow elsewhere (an admin credit, a
 * cash-out at another table), so a player who is short may have it read
 * again, at most every `BALANCE_REREAD_MS`; and when the ledger refuses a
 * movement this book allowed (they spent it elsewhere), the balance is
 * forgotten, to be read before their next one.
 */
export class WalletBook {
  private readonly entries = new Map<string, Entry>();

  private entry(playerId: string): Entry {
    let entry = this.entries.get(playerId);
    if (!entry) {
      entry = { balance: null, readAt: Number.NEGATIVE_INFINITY, moves: 0 };
      this.entries.set(playerId, entry);
    }
    return entry;
  }

  /** Taken before reading a balance: the read is kept only if this room moved none of the player's money meanwhile (`learn`). */
  ticket(playerId: string): number {
    return this.entries.get(playerId)?.moves ?? 0;
  }

  /** A balance read from the ledger at `now`, after `ticket`. */
  learn(playerId: string, balance: number, ticket: number, now: number): void {
    const entry = this.entry(playerId);
    entry.readAt = now;
    if (entry.moves === ticket) entry.balance = balance;
  }

  canPay(playerId: string, amount: number, now: number): Funds {
    const entry = this.entries.get(playerId);
    if (!entry || entry.balance === null) return FUNDS.unsure;
    if (entry.balance >= amount) return FUNDS.enough;
    return now - entry.readAt >= BALANCE_REREAD_MS ? FUNDS.unsure : FUNDS.short;
  }

  /** This room moved `toWallet` chips into the player's wallet (negative: out of it). */
  moved(playerId: string, toWallet: number): void {
    const entry = this.entry(playerId);
    entry.moves++;
    if (entry.balance !== null) entry.balance += toWallet;
  }

  /** The ledger refused a movement this book allowed: the balance is not what it says. */
  doubt(playerId: string): void {
    const entry = this.entry(playerId);
    entry.moves++;
    entry.balance = null;
  }

  /** The player is gone from the room (no seat, no client): nothing to keep. */
  forget(playerId: string): void {
    this.entries.delete(playerId);
  }
}
