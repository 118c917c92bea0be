import { z } from 'zod';
import { TournamentState } from '../../../schema/TournamentState.ts';
import type { RoomDoc } from './document.ts';
import { ErrorMessage } from './table-room.ts';

export const SeatedMessage = z.object({
  tableId: z.string().describe('The table to join: client.joinById(tableId, { token }).'),
  seat: z.number().int(),
});

export const EliminatedMessage = z.object({
  place: z.number().int(),
  prize: z.number().int().describe('Wallet money paid for the place; 0 when unpaid.'),
});

const StandingView = z.object({
  playerId: z.string(),
  name: z.string(),
  stack: z.number().int().nullable(),
  tableId: z.string().nullable(),
  place: z.number().int().nullable(),
  prize: z.number().int().nullable(),
});

export const FinishedMessage = z.object({ standings: z.array(StandingView).describe('Every entry, first place first.') });

export const TournamentJoinOptions = z.object({
  token: z.string().optional().describe('Your token, to be told your seat (`seated`); without one you watch.'),
});

const STATE_NOTES = {
  TournamentState: {
    status: 'registering, running, finished or cancelled.',
    level: 'The level in play (the first before the start).',
    levelEndsAt: 'Epoch ms at which the level ends; 0 before the start, on the last level or while paused.',
    breakEndsAt: 'Epoch ms; 0 when not on a break.',
    entrants: 'Entries sold, re-entries included, less those unregistered.',
    remaining: 'Players still in.',
    prizePool: 'Buy-ins, rebuys and add-ons (fees go to the house).',
    payouts: 'The prizes by place, first place first.',
    standings: 'The leaders: players still in by stack, then places best first (at most 10 lines).',
    tables: 'The open tables and how many sit at each.',
  },
  StandingLine: { place: '0 while still in.', prize: '0 when unpaid.', tableId: 'Empty once out.' },
};

/** The `tournament` room (rooms/TournamentRoom.ts): one per tournament, its room id the tournament id. */
export const tournamentRoomDoc: RoomDoc = {
  name: 'tournament',
  title: 'A tournament',
  description: 'One room per tournament, its roomId the tournamentId, run by whichever process holds the tournament\'s lease (it moves after a crash). '
    + 'It only sends: register, unregister, rebuy and add-on go through the HTTP API. A player who joins with a token is told their seat (`seated`) while still in; '
    + 'anyone may watch. A message sent to it is answered `error` `unknown_message`; the message budget is the table room\'s.',
  address: '{tournamentId}',
  parameters: { tournamentId: 'The tournament\'s id, from GET /api/tournaments or the lobby.' },
  join: 'client.joinById(tournamentId, { token })',
  joinOptions: TournamentJoinOptions,
  state: TournamentState,
  stateNotes: STATE_NOTES,
  receives: [],
  sends: [
    { type: 'seated', payload: SeatedMessage, summary: 'You have a seat: join that table (at the start, after every move, and whenever you join while still in).', examples: [{ tableId: 'b1c2-t1', seat: 3 }] },
    { type: 'eliminated', payload: EliminatedMessage, summary: 'You are out, in this place.', examples: [{ place: 7, prize: 0 }, { place: 2, prize: 300 }] },
    { type: 'finished', payload: FinishedMessage, summary: 'The tournament is over: the standings, first place first.', examples: [{ standings: [{ playerId: 'p1', name: 'Ann', stack: 3000, tableId: null, place: 1, prize: 200 }] }] },
    {
      type: 'error', id: 'tournamentError', payload: ErrorMessage, summary: 'A message of yours was refused (`unknown_message`, `rate_limited`, `bad_frame`); nothing changed.',
      examples: [{ code: 'unknown_message', message: '"sit" is not a message this room understands: it only sends.', request: 'sit' }],
    },
  ],
};
