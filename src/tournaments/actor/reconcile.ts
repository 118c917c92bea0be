/**
 * After a crash the database may hold money the tournament's state does
 * not know of: the actor takes a buy-in (or gives one back, or sells a
 * rebuy) in the database first and confirms it in the state after, so a
 * crash between the two leaves the entry row ahead of the snapshot. On
 * restore the actor confirms in the state what the database did, by the
 * same tickets (`Tournament` confirms each once, by its key); an entry the
 * tournament can no longer take is given back when the repository still can.
 */
import type { Logger } from 'pino';
import type { Database } from '../../persistence/database.ts';
import { ENTRY_STATUS } from '../../persistence/tournament-types.ts';
import type { ChipsTicket, EntryTicket, RefundTicket, TournamentEvent } from '../events.ts';
import { addOnKey, buyInKey, rebuyKey, refundKey } from '../keys.ts';
import type { Tournament } from '../Tournament.ts';
import { refundEntry } from './tournament-money.ts';

export async function reconcileEntries(t: Tournament, db: Database, now: number, log: Logger): Promise<TournamentEvent[]> {
  const { state } = t;
  const id = state.tournamentId;
  const def = state.definition;
  const events: TournamentEvent[] = [];
  const sales = new Map(state.sales.map((sale) => [sale.key, sale]));
  const attempt = (what: string, playerId: string, command: () => TournamentEvent[]): boolean => {
    try {
      events.push(...command());
      return true;
    } catch (error) {
      log.error({ err: error, tournamentId: id, playerId, what }, 'could not settle money the database took before the crash');
      return false;
    }
  };
  for (const entry of await db.entries.list(id)) {
    const key = buyInKey(id, entry.playerId, entry.entryNo);
    const sale = sales.get(key);
    if (entry.status === ENTRY_STATUS.registered && !sale) {
      const ticket: EntryTicket = {
        tournamentId: id, playerId: entry.playerId, name: entry.name, entry: entry.entryNo, reEntry: entry.entryNo > 1,
        buyIn: def.buyIn, fee: def.fee, key,
      };
      const confirmed = attempt('registration', entry.playerId, () => t.confirmRegistration(ticket, now));
      if (!confirmed && state.status === 'registering') {
        const refund: RefundTicket = { tournamentId: id, playerId: entry.playerId, entry: entry.entryNo, amount: def.buyIn + def.fee, key: '', saleKey: key };
        await refundEntry(db, refund).catch((error: unknown) => log.error({ err: error, tournamentId: id, playerId: entry.playerId }, 'could not refund an entry the tournament refused'));
      }
      continue;
    }
    if (entry.status === ENTRY_STATUS.unregistered && sale && !sale.refunded) {
      const ticket: RefundTicket = {
        tournamentId: id, playerId: entry.playerId, entry: entry.entryNo, amount: def.buyIn + def.fee,
        key: refundKey(id, entry.playerId, 'entry', entry.entryNo), saleKey: key,
      };
      attempt('unregistration', entry.playerId, () => t.confirmUnregistration(ticket, now));
      continue;
    }
    const player = state.players.find((p) => p.playerId === entry.playerId && p.entry === entry.entryNo && !p.out);
    if (entry.status !== ENTRY_STATUS.registered || !player) continue;
    for (let number = player.rebuys + 1; number <= entry.rebuys && def.rebuy; number++) {
      const ticket: ChipsTicket = {
        tournamentId: id, playerId: entry.playerId, kind: 'rebuy', number, price: def.rebuy.price, chips: def.rebuy.chips, key: rebuyKey(id, entry.playerId, number),
      };
      if (!attempt('rebuy', entry.playerId, () => t.confirmRebuy(ticket, now))) break;
    }
    if (entry.addOns > 0 && !player.addOn && def.addOn) {
      const ticket: ChipsTicket = {
        tournamentId: id, playerId: entry.playerId, kind: 'addOn', number: 1, price: def.addOn.price, chips: def.addOn.chips, key: addOnKey(id, entry.playerId),
      };
      attempt('addOn', entry.playerId, () => t.confirmAddOn(ticket, now));
    }
  }
  return events;
}
