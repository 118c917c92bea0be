/**
 * Carrying out what a Tournament decided (`TournamentEvent`s): calls to its
 * tables (one retry lane per table, so each table gets its calls in the
 * order decided), money (one lane), the row's status, and messages to
 * players. Every answer that the Tournament waits for is fed back to it as
 * a command (`moveSeated`, `moveReleased`, `chipsAdded`, `tableClosed`,
 * `prizePaid`, `refundPaid`). Every step is safe to repeat: tables act by
 * move id, hand number and key, the ledger by key.
 */
import type { Database } from '../../persistence/database.ts';
import type { TournamentEvent } from '../events.ts';
import type { Tournament } from '../Tournament.ts';
import { isRefusal } from '../tournament-host.ts';
import type { TournamentTableHost, TournamentTableMethod, TournamentTableOptions } from '../tournament-table-host.ts';
import type { RetryLanes } from './retry-lanes.ts';
import { recordPlace, refundEverything, refundSale } from './tournament-money.ts';
import type { TableAnswer, TournamentTables } from './tournament-tables.ts';

/** What the executor needs of its actor. */
export type Effects = {
  tournamentId: string;
  /** The tournament's name (its tables are "<name> — table N"). */
  name: string;
  db: Database;
  tables: TournamentTables;
  lanes: RetryLanes;
  /** The tournament was cancelled: a refund is the whole field's (`refundAll`), else one sale's. */
  cancelled(): boolean;
  tell(playerId: string, type: string, payload: unknown): void;
  broadcast(type: string, payload: unknown): void;
  /** Runs a command of the Tournament in the actor's queue (an answer coming back). */
  feed(what: string, command: (t: Tournament, now: number) => TournamentEvent[]): Promise<void>;
  /** Brings the row's status up to `target` (the status an event announced). */
  status(target: 'running' | 'finished' | 'cancelled'): Promise<void>;
};

/** A table refused a call: retried like a failure (a table being restored refuses until it is back). */
export class TableRefusedError extends Error {
  readonly code: string;
  constructor(tableId: string, method: string, refused: { code: string; message: string }) {
    super(`Table ${tableId} refused ${method}: ${refused.code}: ${refused.message}`);
    this.code = refused.code;
  }
}

/** How often a courtesy (telling a moved player at their old table) is tried before it is let go: the tournament room tells them too. */
const COURTESY_ATTEMPTS = 5;

async function ask<M extends TournamentTableMethod>(fx: Effects, tableId: string, method: M, args: Parameters<TournamentTableHost[M]>): Promise<Exclude<TableAnswer<M>, { refused: unknown }>> {
  const answer = await fx.tables.call(tableId, method, args);
  if (isRefusal(answer)) throw new TableRefusedError(tableId, method, answer.refused);
  return answer as Exclude<TableAnswer<M>, { refused: unknown }>;
}

function tableLane(tableId: string): string {
  return `table:${tableId}`;
}

export function tableOptionsOf(fx: Pick<Effects, 'tournamentId' | 'name'>, event: Extract<TournamentEvent, { type: 'openTable' }>): TournamentTableOptions {
  return {
    tournamentId: fx.tournamentId, tableId: event.tableId, number: event.number, name: `${fx.name} — table ${event.number}`,
    variant: event.variant, tableSize: event.tableSize, level: event.level, stakes: event.stakes, smallBet: event.smallBet, bigBet: event.bigBet,
  };
}

/** Queues the work of `events`, in their order. Returns at once: the lanes retry each step until it is done. */
export function carryOut(events: TournamentEvent[], fx: Effects): void {
  const { lanes, tournamentId, db } = fx;
  for (const event of events) {
    switch (event.type) {
      // In the money lane, after the refunds and prizes decided with it: a row marked over is never run again, so it must owe nothing.
      case 'started':
        lanes.push('money', event.type, () => fx.status('running'));
        break;
      case 'cancelled':
        lanes.push('money', event.type, () => fx.status('cancelled'));
        break;
      case 'finished':
        lanes.push('money', event.type, () => fx.status('finished'));
        fx.broadcast('finished', { standings: event.standings.map(({ playerId, name, stack, tableId, place, prize }) => ({ playerId, name, stack, tableId, place, prize })) });
        break;
      case 'openTable': {
        const options = tableOptionsOf(fx, event);
        lanes.push(tableLane(event.tableId), 'openTable', () => fx.tables.open(options));
        break;
      }
      case 'seatPlayers':
        lanes.push(tableLane(event.tableId), 'seatPlayers', async () => {
          const { seated } = await ask(fx, event.tableId, 'seatPlayers', [event.seats]);
          const wanted = new Set(event.seats.map((s) => s.moveId));
          const done = seated.filter((moveId) => wanted.has(moveId));
          await fx.feed('moveSeated', (t, now) => done.flatMap((moveId) => t.moveSeated(moveId, now)));
          if (done.length < wanted.size) throw new Error(`Table ${event.tableId} seated ${done.length} of ${wanted.size} players; asking again.`);
        });
        break;
      case 'releasePlayer':
        lanes.push(tableLane(event.tableId), 'releasePlayer', async () => {
          const { stack } = await ask(fx, event.tableId, 'releasePlayer', [event.moveId, event.playerId]);
          await fx.feed('moveReleased', (t, now) => t.moveReleased(event.moveId, stack, now));
        });
        break;
      case 'seated':
        fx.tell(event.playerId, 'seated', { tableId: event.tableId, seat: event.seat });
        break;
      case 'moved': {
        fx.tell(event.playerId, 'seated', { tableId: event.tableId, seat: event.seat });
        let attempts = 0;
        lanes.push(tableLane(event.fromTableId), 'tellMoved', async () => {
          try {
            await ask(fx, event.fromTableId, 'tellMoved', [event.playerId, event.tableId, event.seat]);
          } catch (error) {
            if (++attempts < COURTESY_ATTEMPTS) throw error;
          }
        });
        break;
      }
      case 'deal':
        lanes.push(tableLane(event.tableId), 'deal', async () => {
          const { tableId: _, type: __, ...order } = event;
          await ask(fx, event.tableId, 'deal', [order]);
        });
        break;
      case 'addChips':
        lanes.push(tableLane(event.tableId), 'addChips', async () => {
          await ask(fx, event.tableId, 'addChips', [event.key, event.playerId, event.amount]);
          await fx.feed('chipsAdded', (t, now) => t.chipsAdded(event.key, now));
        });
        break;
      case 'closeTable':
        lanes.push(tableLane(event.tableId), 'closeTable', async () => {
          await ask(fx, event.tableId, 'closeTable', []);
          await fx.tables.closed?.(event.tableId);
          await fx.feed('tableClosed', (t, now) => t.tableClosed(event.tableId, now));
        });
        break;
      case 'eliminated':
        fx.tell(event.playerId, 'eliminated', { place: event.place, prize: event.prize });
        // A paid place is recorded with its prize (`payPrize`).
        if (event.prize === 0) {
          lanes.push('money', 'place', () => recordPlace(db, { tournamentId, playerId: event.playerId, entry: event.entry, place: event.place, prize: 0 }));
        }
        break;
      case 'payPrize':
        lanes.push('money', 'payPrize', async () => {
          await recordPlace(db, { tournamentId, playerId: event.playerId, entry: event.entry, place: event.place, prize: event.amount });
          await fx.feed('prizePaid', (t, now) => t.prizePaid(event.key, now));
        });
        break;
      case 'refund':
        lanes.push('money', 'refund', async () => {
          if (fx.cancelled()) await refundEverything(db, tournamentId);
          else await refundSale(db, { tournamentId, playerId: event.playerId, key: event.key, saleKey: event.saleKey, amount: event.amount });
          await fx.feed('refundPaid', (t, now) => t.refundPaid(event.key, now));
        });
        break;
      default:
        // The clock, breaks, hand-for-hand, pauses, busts: the wire state shows them.
        break;
    }
  }
}
