import { matchMaker } from '@colyseus/core';
import type { Database } from '../../persistence/database.ts';
import type { TournamentTableSettings } from '../../persistence/types.ts';
import { PersistenceError } from '../../persistence/types.ts';
import type { TournamentTableHost, TournamentTableMethod, TournamentTableOptions } from '../tournament-table-host.ts';

/** How long one call to a table may take before it is retried: it answers after the commands queued before it. */
const TABLE_CALL_TIMEOUT_MS = 10_000;

/** What a table answers to a method (its result, or a refusal). */
export type TableAnswer<M extends TournamentTableMethod> = Awaited<ReturnType<TournamentTableHost[M]>>;

/**
 * How a tournament's actor reaches its tables: it opens them, then calls
 * `TournamentTableHost` methods on them by id. The real one (below) makes the
 * table a row of the tables repository opened through the process's table
 * ownership and calls its room wherever it runs; tests put in one that plays
 * hands by deciding stacks (`test/support/fake-tournament-tables.ts`).
 *
 * Both calls may throw (the table is not up yet, a process is moving it): the
 * actor retries them until they answer.
 */
export interface TournamentTables {
  /** Makes the table exist and run somewhere (idempotent: a table that exists or runs already is left as it is). */
  open(options: TournamentTableOptions): Promise<void>;
  call<M extends TournamentTableMethod>(tableId: string, method: M, args: Parameters<TournamentTableHost[M]>): Promise<TableAnswer<M>>;
  /** The tournament is done with a table that answered `closeTable` (the real one marks its row closed). */
  closed?(tableId: string): Promise<void>;
}

/** What the real port needs of the process. */
export type RoomTablesOptions = {
  db: Database;
  /** Opens a table's room in this process under its lease (`TableOwnership.open`). */
  openRoom(tableId: string): Promise<void>;
};

/** The settings a tournament table's row stores: the repository's `TournamentTableSettings` and the `TournamentTableOptions` the table is opened with. */
export function tableSettingsOf(options: TournamentTableOptions): TournamentTableSettings & TournamentTableOptions {
  return { ...options, maxSeats: options.tableSize };
}

/**
 * The real tables: the row (`tournamentId` set, `settings` as
 * `tableSettingsOf`) is created once under the id the Tournament gave; its
 * room is opened here through the table ownership unless it runs somewhere
 * already (after a crash the ownership of some process restores it), and
 * calls go through `matchMaker.remoteRoomCall(tableId, …)`.
 */
export function roomTables(options: RoomTablesOptions): TournamentTables {
  const { db, openRoom } = options;
  return {
    async open(table) {
      const existing = await db.tables.get(table.tableId);
      if (!existing) {
        try {
          await db.tables.create({ id: table.tableId, tournamentId: table.tournamentId, name: table.name, settings: tableSettingsOf(table) });
        } catch (error) {
          if (!(error instanceof PersistenceError && error.code === 'table_exists')) throw error;
        }
      } else if (existing.status === 'closed') {
        return;
      }
      if (matchMaker.getLocalRoomById(table.tableId) || await matchMaker.getRoomById(table.tableId)) return;
      await openRoom(table.tableId);
    },
    async call(tableId, method, args) {
      return await matchMaker.remoteRoomCall(tableId, method, args, TABLE_CALL_TIMEOUT_MS) as never;
    },
    async closed(tableId) {
      await db.tables.setStatus(tableId, 'closed');
    },
  };
}
