/**
 * What the actor must do again after a crash: every event the tournament
 * has decided whose answer it has not had. Re-issuing is safe: tables seat,
 * release, deal, add and close by id or key, and the ledger moves money by key.
 */
import type { SeatInstruction, TournamentEvent } from './events.ts';
import { AddStatus, MovePhase, TableStatus } from './state.ts';
import type { Context } from './context.ts';
import { seatInstruction } from './moves.ts';
import { handInPlay, openTableEvent } from './tables.ts';

/**
 * In order: tables to open (never answered), players to release (moves
 * decided), seats to fill (moves released, entries not seated), chips to
 * add (sent, not answered), hands to deal (dealt, not reported), tables to
 * close (not answered), prizes and refunds not paid.
 */
export function pendingWorkOf(ctx: Context): TournamentEvent[] {
  const { state } = ctx;
  const events: TournamentEvent[] = [];
  const over = state.status === 'cancelled';
  if (!over) {
    for (const table of state.tables) if (table.status === TableStatus.open && !table.confirmed) events.push(openTableEvent(ctx, table));
    for (const move of state.moves) {
      if (move.phase === MovePhase.decided && move.fromTable) events.push({ type: 'releasePlayer', moveId: move.moveId, tableId: move.fromTable, playerId: move.playerId });
    }
    const seats = new Map<string, SeatInstruction[]>();
    for (const move of state.moves) {
      if (move.phase !== MovePhase.released || !move.seatSent) continue;
      const list = seats.get(move.toTable) ?? [];
      list.push(seatInstruction(move));
      seats.set(move.toTable, list);
    }
    for (const [tableId, list] of seats) events.push({ type: 'seatPlayers', tableId, seats: list });
    for (const add of state.adds) {
      if (add.status === AddStatus.sent) events.push({ type: 'addChips', tableId: add.tableId!, playerId: add.playerId, key: add.key, amount: add.amount });
    }
    for (const table of state.tables) {
      if (table.status === TableStatus.open && handInPlay(table) && table.lastDeal) {
        events.push({ type: 'deal', tableId: table.tableId, ...table.lastDeal });
      }
    }
  }
  for (const table of state.tables) if (table.status === TableStatus.closing && table.closeSent) events.push({ type: 'closeTable', tableId: table.tableId });
  for (const result of state.results) {
    if (result.prizeKey && !result.paid) {
      events.push({ type: 'payPrize', key: result.prizeKey, playerId: result.playerId, entry: result.entry, place: result.place, amount: result.prize });
    }
  }
  for (const refund of state.refunds) {
    if (!refund.paid) events.push({ type: 'refund', key: refund.key, saleKey: refund.saleKey, playerId: refund.playerId, amount: refund.amount });
  }
  return events;
}
