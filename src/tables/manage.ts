import { matchMaker } from '@colyseus/core';
import type { Logger } from 'pino';
import type { Database } from '../persistence/database.ts';
import type { TableRecord } from '../persistence/types.ts';
import { listedTables, liveTableOf, type LiveTable } from './live-table.ts';
import type { PublicTableView } from './public-view.ts';
import { newTableId } from './seed.ts';
import { callTable, type ExpelResult, type TableHost } from './table-host.ts';
import { CodedError } from '../coded-error.ts';

export type { LiveTable };

/** What the room of a banned player's tables did about them. */
export type Expulsion = { tableId: string } & ExpelResult;

export const TABLE_ERROR = {
  unknownTemplate: 'unknown_template',
  templateRetired: 'template_retired',
  unknownTable: 'unknown_table',
  tableClosed: 'table_closed',
  tableClosing: 'table_closing',
  /** The table is open but no process runs its room right now (its owner died and nobody has claimed it yet). */
  tableUnavailable: 'table_unavailable',
} as const;
export type TableErrorCode = (typeof TABLE_ERROR)[keyof typeof TABLE_ERROR];

/** A refused table operation, with a stable `code` and a sentence for the operator. */
export class TableManageError extends CodedError<TableErrorCode> {}

/** Operating live tables across the cluster: the admin API and the cleanup job use this. */
export interface TableControl {
  /** Every live table of every process, by name. */
  list(): Promise<LiveTable[]>;
  /** A new table from an active template, its room open in this process when this resolves. */
  open(templateId: string, name?: string): Promise<TableRecord>;
  /** Starts a graceful close (see `TableHost.closeGracefully`); resolves once the table stopped dealing. */
  close(tableId: string): Promise<void>;
  /** The table's public view (no hidden cards, no deck). */
  inspect(tableId: string): Promise<PublicTableView>;
  /** Takes a player off every table (a ban): stood up after the hand, off waiting lists, disconnected. */
  expelEverywhere(playerId: string): Promise<{ expelled: Expulsion[]; unreachable: string[] }>;
}

export type TableControlOptions = {
  db: Database;
  /** Opens a table's room in this process under a lease (`TableOwnership.open`). */
  openRoom(tableId: string): Promise<void>;
  log: Logger;
  /** How long a call to a room on another process may take; the room answers after the commands before it. */
  callTimeoutMs?: number;
};

/**
 * Table control over the matchMaker: every call to a room goes through
 * `remoteRoomCall`, which calls the room directly when it lives in this
 * process and over the presence's IPC when it lives in another, so the same
 * code closes a table wherever it runs.
 */
export function tableControl(options: TableControlOptions): TableControl {
  const { db, log } = options;
  const timeout = options.callTimeoutMs ?? 10_000;

  async function hasRoom(tableId: string): Promise<boolean> {
    return (await matchMaker.query({ name: 'table', roomId: tableId })).length > 0;
  }

  /** The row of a table that is still live, or the reason it is not. */
  async function liveTable(tableId: string): Promise<TableRecord> {
    const table = await db.tables.get(tableId);
    if (!table) throw new TableManageError(TABLE_ERROR.unknownTable, `There is no table ${tableId}.`);
    if (table.status === 'closed') throw new TableManageError(TABLE_ERROR.tableClosed, `Table ${tableId} is closed.`);
    if (!(await hasRoom(tableId))) {
      throw new TableManageError(TABLE_ERROR.tableUnavailable, `Table ${tableId} is not running right now (its process may be restarting); try again in a few seconds.`);
    }
    return table;
  }

  /** Calls the room of a live table; a room that went away meanwhile (closed, or its process died) says why. */
  async function callRoom<M extends 'closeGracefully' | 'publicView'>(tableId: string, method: M): Promise<Awaited<ReturnType<TableHost[M]>>> {
    await liveTable(tableId);
    try {
      return await callTable(tableId, method, [] as Parameters<TableHost[M]>, timeout);
    } catch (error) {
      await liveTable(tableId);
      // Still listed yet not answering: its process is stuck or dead and the listing stale. The log keeps the cause.
      log.error({ err: error, tableId, method }, 'a table room did not answer');
      throw new TableManageError(TABLE_ERROR.tableUnavailable, `Table ${tableId} did not answer; try again in a few seconds.`);
    }
  }

  return {
    async list() {
      const [listed, rows] = await Promise.all([listedTables(), db.tables.listOpen()]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return listed
        .map((table) => liveTableOf(table, byId.get(table.listing.tableId)))
        .sort((a, b) => a.name.localeCompare(b.name) || a.tableId.localeCompare(b.tableId));
    },

    async open(templateId, name) {
      const template = await db.templates.get(templateId);
      if (!template) throw new TableManageError(TABLE_ERROR.unknownTemplate, `There is no template ${templateId}.`);
      if (template.retiredAt) throw new TableManageError(TABLE_ERROR.templateRetired, `Template ${template.name} is retired; open tables from an active template.`);
      const siblings = (await db.tables.listOpen()).filter((table) => table.templateId === templateId).length;
      const id = newTableId();
      await db.tables.create({ id, templateId, name: name ?? `${template.name} #${siblings + 1}` });
      try {
        await options.openRoom(id);
      } catch (error) {
        // A row no room can open would be claimed and fail again forever, on every process.
        await db.tables.setStatus(id, 'closed');
        throw error;
      }
      log.info({ tableId: id, templateId }, 'table opened by an admin');
      return (await db.tables.get(id)) as TableRecord;
    },

    async close(tableId) {
      const started = await callRoom(tableId, 'closeGracefully');
      if (!started) throw new TableManageError(TABLE_ERROR.tableClosing, `Table ${tableId} is closing already.`);
    },

    async inspect(tableId) {
      return callRoom(tableId, 'publicView');
    },

    async expelEverywhere(playerId) {
      const rooms = await matchMaker.query({ name: 'table' });
      const answers = await Promise.allSettled(rooms.map((room) => callTable(room.roomId, 'expel', [playerId], timeout)));
      const expelled: Expulsion[] = [];
      const unreachable: string[] = [];
      answers.forEach((answer, i) => {
        const tableId = rooms[i].roomId;
        if (answer.status === 'rejected') {
          log.error({ err: answer.reason, tableId, playerId }, 'could not take a banned player off a table');
          unreachable.push(tableId);
        } else if (answer.value.seated || answer.value.waiting || answer.value.disconnected > 0) {
          expelled.push({ tableId, ...answer.value });
        }
      });
      return { expelled, unreachable };
    },
  };
}
