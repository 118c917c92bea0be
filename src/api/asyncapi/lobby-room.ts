import { z } from 'zod';
import { LobbyFilter } from '../../../rooms/messages.ts';
import type { TableListing } from '../../tables/live-table.ts';
import type { TournamentListing } from '../../../rooms/tournament-wire.ts';
import type { RoomDoc } from './document.ts';
import { ErrorMessage } from './table-room.ts';

/** A table's metadata in the lobby (PROTOCOL.md, `lobby`), as `TableRoom` lists it (`TableListing`). */
export const TableListingMetadata = z.object({
  tableId: z.string(),
  name: z.string(),
  variant: z.string().describe('A variant code: NT, FT, NS, PO, FO/8 …'),
  stakes: z.string().describe('"1/2", or a limit game\'s bets.'),
  smallBlind: z.number().int(),
  bigBlind: z.number().int(),
  minBuyIn: z.number().int(),
  maxBuyIn: z.number().int(),
  seated: z.number().int(),
  maxSeats: z.number().int(),
  waiting: z.number().int(),
  closing: z.literal(true).optional().describe('Only while an admin closes the table: no new hands.'),
  options: z.array(z.string()).optional().describe('The table options on: runItTwice, straddles, bombPots, timeBankRefill, sharedWaitlist; absent when none.'),
});

// Both ways, so the schema and the room's type cannot part: a field added to one and not the other fails the type check.
const _fromRoom: z.infer<typeof TableListingMetadata> = {} as TableListing;
const _toRoom: TableListing = {} as z.infer<typeof TableListingMetadata>;

/** A tournament's metadata in the lobby, as `TournamentRoom` lists it (`TournamentListing`). */
export const TournamentListingMetadata = z.object({
  tournamentId: z.string(),
  name: z.string(),
  kind: z.string().describe('sng or mtt.'),
  variant: z.string(),
  status: z.string().describe('registering, running, finished, cancelled.'),
  buyIn: z.number().int(),
  fee: z.number().int(),
  entrants: z.number().int(),
  maxEntrants: z.number().int(),
  startsAt: z.number().int().nullable().describe('Epoch ms; null for a sit-and-go.'),
});

const _fromTournament: z.infer<typeof TournamentListingMetadata> = {} as TournamentListing;
const _toTournament: TournamentListing = {} as z.infer<typeof TournamentListingMetadata>;

const listingFields = {
  clients: z.number().int().describe('Connections: players and watchers.'),
  maxClients: z.number(),
  processId: z.string().optional(),
  publicAddress: z.string().optional(),
  locked: z.boolean().optional(),
  private: z.boolean().optional(),
  unlisted: z.boolean().optional(),
  createdAt: z.unknown().optional().describe('When the room was created.'),
};

/** One room in the lobby (Colyseus's room listing): a table or a tournament, told apart by `name`. */
export const RoomListing = z.discriminatedUnion('name', [
  z.object({ roomId: z.string().describe('The table\'s tableId.'), name: z.literal('table'), ...listingFields, metadata: TableListingMetadata }),
  z.object({ roomId: z.string().describe('The tournament\'s tournamentId.'), name: z.literal('tournament'), ...listingFields, metadata: TournamentListingMetadata }),
]);

const listingExample = {
  roomId: 't-3f2a9c1d', name: 'table', clients: 4, maxClients: 50,
  metadata: {
    tableId: 't-3f2a9c1d', name: 'NL Hold\'em 1/2 #1', variant: 'NT', stakes: '1/2', smallBlind: 1, bigBlind: 2,
    minBuyIn: 40, maxBuyIn: 200, seated: 3, maxSeats: 6, waiting: 0,
  },
};

/** Colyseus's `lobby` room: the live listing of the tables. */
export const lobbyRoomDoc: RoomDoc = {
  name: 'lobby',
  title: 'The lobby',
  description: 'The live list of tables and tournaments: `rooms` on join, then `+` when a room is listed or changes and `-` when it goes.',
  address: 'lobby',
  join: 'client.join(\'lobby\')',
  joinOptions: z.object({ filter: LobbyFilter.optional() }),
  receives: [
    { type: 'filter', payload: LobbyFilter, summary: 'List only the rooms that match; answered with `rooms` when it differs from the filter in force (the same filter again gets nothing), with `error` `bad_message` when malformed.', examples: [{ name: 'table', metadata: { variant: 'NT' } }] },
  ],
  sends: [
    { type: 'rooms', payload: z.array(RoomListing), summary: 'Every listed room, on join and after `filter`.', examples: [[listingExample]] },
    { type: '+', id: 'roomChanged', payload: z.tuple([z.string(), RoomListing]), summary: 'A room was listed or its listing changed: [roomId, listing].', examples: [[listingExample.roomId, listingExample]] },
    { type: 'error', id: 'lobbyError', payload: ErrorMessage, summary: 'A message of yours was refused (`bad_message`, `rate_limited`, `bad_frame`); nothing changed.', examples: [{ code: 'rate_limited', message: 'You are sending faster than this room takes; slow down.', request: 'filter' }] },
    { type: '-', id: 'roomRemoved', payload: z.string(), summary: 'A room left the listing: its roomId.', examples: ['t-3f2a9c1d'] },
  ],
};
