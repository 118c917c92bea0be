import { matchMaker } from '@colyseus/core';
import type { RoomTable } from './room-table.ts';
import type { TableRecord } from '../persistence/types.ts';
import { optionNames } from './option-names.ts';
import { stakesLabel } from './settings.ts';

/**
 * A live table as its room lists it: the room's matchmaking metadata, which
 * the lobby sends (PROTOCOL.md, `lobby`). Every other view of a live table
 * (`GET /api/tables`, the admin list, the jobs) is cut from this one.
 */
export type TableListing = {
  tableId: string;
  name: string;
  variant: string;
  /** "1/2", or a limit game's bets. */
  stakes: string;
  smallBlind: number;
  bigBlind: number;
  minBuyIn: number;
  maxBuyIn: number;
  seated: number;
  maxSeats: number;
  /** Players on the waiting list. */
  waiting: number;
  /** Mixed games: the variants dealt in turn (`variant` is the current one). */
  rotation?: string[];
  /** Only while an admin closes it (no new hands; players stand up after the current one), so lobbies see PROTOCOL.md's fields. */
  closing?: true;
  /** A tournament's table: left out of the lobby (its room is private) and of `GET /api/tables`. */
  tournamentId?: string;
  /** The table options its template turns on (`runItTwice`, `straddles`, `bombPots`, `timeBankRefill`, `sharedWaitlist`); absent when none. */
  options?: string[];
};

/** One row of `GET /api/tables` (PROTOCOL.md). */
export type PublicTableListing = Pick<TableListing, 'tableId' | 'name' | 'variant' | 'stakes' | 'minBuyIn' | 'maxBuyIn' | 'seated' | 'maxSeats' | 'waiting'>;

/** A live table as the admin list shows it: its listing joined with its row and its room's connections. */
export type LiveTable = Pick<TableListing, 'tableId' | 'name' | 'variant' | 'stakes' | 'seated' | 'maxSeats' | 'waiting'> & {
  templateId: string | null;
  /** Connections to the room: players and watchers. */
  clients: number;
  status: 'open' | 'closing';
  /** The Felt process that holds the table's lease (as `/api/health` names processes), or null. */
  processId: string | null;
};

/** A listed table room: its listing and how many clients it has. */
export type ListedTable = { listing: TableListing; clients: number };

/** The listing of a table as it is now; `tournamentId` for a tournament's table. */
export function listingOf(table: Pick<RoomTable, 'state' | 'seatedCount'>, tournamentId?: string | null): TableListing {
  const s = table.state;
  const settings = s.settings;
  return {
    tableId: s.tableId, name: s.name, variant: settings.variant,
    stakes: stakesLabel({ ...settings.stakes, smallBet: settings.smallBet, bigBet: settings.bigBet }),
    smallBlind: settings.stakes.smallBlind, bigBlind: settings.stakes.bigBlind,
    minBuyIn: settings.minBuyIn, maxBuyIn: settings.maxBuyIn,
    seated: table.seatedCount(), maxSeats: settings.maxSeats, waiting: s.waiting.length,
    ...(settings.rotation ? { rotation: settings.rotation.map((game) => game.variant) } : {}),
    ...(s.closing ? { closing: true as const } : {}),
    ...(tournamentId ? { tournamentId } : {}),
    ...optionNames(settings),
  };
}

/** Whether two listings of the same table differ in what changes while it runs (seats, waiting list, closing, a rotation's game). */
export function listingChanged(before: TableListing | undefined, after: TableListing): boolean {
  return !before || before.seated !== after.seated || before.waiting !== after.waiting || before.closing !== after.closing
    || before.variant !== after.variant || before.stakes !== after.stakes;
}

/** Every table room of the cluster with its listing (from the matchmaker's driver); rooms not listed yet are left out. */
export async function listedTables(): Promise<ListedTable[]> {
  const rooms = await matchMaker.query({ name: 'table' });
  const listed: ListedTable[] = [];
  for (const room of rooms) {
    const listing = room.metadata as TableListing | undefined;
    if (listing?.tableId) listed.push({ listing, clients: room.clients });
  }
  return listed;
}

export function publicListing(listing: TableListing): PublicTableListing {
  const { tableId, name, variant, stakes, minBuyIn, maxBuyIn, seated, maxSeats, waiting } = listing;
  return { tableId, name, variant, stakes, minBuyIn, maxBuyIn, seated, maxSeats, waiting };
}

/** `GET /api/tables`: every live table of the cluster, by name. */
export async function publicListings(): Promise<PublicTableListing[]> {
  return (await listedTables()).filter(({ listing }) => !listing.tournamentId).map(({ listing }) => publicListing(listing)).sort((a, b) => a.name.localeCompare(b.name));
}

/** The admin's view of a listed table; `row` is its database row, when it is still open. */
export function liveTableOf({ listing, clients }: ListedTable, row: TableRecord | undefined): LiveTable {
  const { tableId, name, variant, stakes, seated, maxSeats, waiting } = listing;
  return {
    tableId, name, templateId: row?.templateId ?? null, variant, stakes, seated, maxSeats, waiting,
    clients, status: listing.closing ? 'closing' : 'open', processId: row?.ownerProcess ?? null,
  };
}
