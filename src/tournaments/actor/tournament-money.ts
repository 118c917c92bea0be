/**
 * The actor's money, through the entries repository (each movement in the
 * transaction of its entry row, keyed by its cause) and, for the one sale a
 * tournament gives back on its own, the ledger. Every function may be run
 * again after a crash or a retry and moves the money once: a repeat finds its
 * work done and answers as the first did.
 */
import { tournamentSaleRefundTransfer } from '../../money/transfers.ts';
import type { Database } from '../../persistence/database.ts';
import { ENTRY_STATUS, type TournamentEntryRecord } from '../../persistence/tournament-types.ts';
import { PersistenceError } from '../../persistence/types.ts';
import type { ChipsTicket, EntryTicket, RefundTicket } from '../events.ts';

function coded(error: unknown, code: string): boolean {
  return error instanceof PersistenceError && error.code === code;
}

async function entryOf(db: Database, tournamentId: string, playerId: string, entryNo: number): Promise<TournamentEntryRecord | undefined> {
  return (await db.entries.list(tournamentId)).find((e) => e.playerId === playerId && e.entryNo === entryNo);
}

/** Takes the buy-in and fee of the ticket's entry with its row; refuses as the repository does (`insufficient_funds` …). */
export async function takeEntry(db: Database, ticket: EntryTicket): Promise<void> {
  try {
    await db.entries.register({
      tournamentId: ticket.tournamentId, playerId: ticket.playerId, name: ticket.name, entryNo: ticket.entry, buyIn: ticket.buyIn, fee: ticket.fee,
    });
  } catch (error) {
    // This very entry was written before (a retry after a crash): done.
    if (coded(error, 'already_registered') && (await entryOf(db, ticket.tournamentId, ticket.playerId, ticket.entry))?.status === ENTRY_STATUS.registered) return;
    throw error;
  }
}

/** Gives the ticket's entry back (buy-in and fee); done already counts as done. */
export async function refundEntry(db: Database, ticket: RefundTicket): Promise<void> {
  try {
    await db.entries.unregister(ticket.tournamentId, ticket.playerId);
  } catch (error) {
    if (coded(error, 'not_registered') && (await entryOf(db, ticket.tournamentId, ticket.playerId, ticket.entry))?.status === ENTRY_STATUS.unregistered) return;
    throw error;
  }
}

/** Takes a rebuy's or an add-on's price for the player's entry `entryNo` (the same count again moves nothing). */
export async function takeChips(db: Database, ticket: ChipsTicket, entryNo: number): Promise<void> {
  const input = { tournamentId: ticket.tournamentId, playerId: ticket.playerId, entryNo, count: ticket.number, price: ticket.price };
  if (ticket.kind === 'rebuy') await db.entries.rebuy(input);
  else await db.entries.addOn(input);
}

/** Records a place, and pays its prize when it has one (exactly once: the same place again changes nothing). */
export async function recordPlace(db: Database, place: { tournamentId: string; playerId: string; entry: number; place: number; prize: number }): Promise<void> {
  const input = { tournamentId: place.tournamentId, playerId: place.playerId, entryNo: place.entry, place: place.place, prize: place.prize };
  if (place.prize > 0) await db.entries.payPrize(input);
  else await db.entries.recordPlace(input);
}

/** A cancelled tournament: every entry's buy-in, fee, rebuys and add-ons back (the second time refunds nothing). */
export async function refundEverything(db: Database, tournamentId: string): Promise<void> {
  await db.entries.refundAll(tournamentId);
}

/** One sale given back while the tournament goes on (chips bought in the hand that knocked their buyer out). */
export async function refundSale(db: Database, refund: { tournamentId: string; playerId: string; key: string; saleKey: string; amount: number }): Promise<void> {
  await db.ledger.transfer(tournamentSaleRefundTransfer(refund));
}
