import { z } from 'zod';
import { ActMessage, DrawMessage, EmptyMessage, SitMessage, TopUpMessage, WaitlistMessage } from '../../../rooms/messages.ts';
import { BombPotMessage, RunItTwiceMessage, StraddleMessage } from '../../../rooms/option-messages.ts';
import { TableState } from '../../../schema/TableState.ts';
import type { RoomDoc } from './document.ts';

/** `error`: the answer to a refused message, to its sender only; the state is unchanged. */
export const ErrorMessage = z.object({
  code: z.string().describe('Stable: bad_message (the payload fails its schema), unknown_message, not_your_turn, insufficient_funds, tournament_table, rate_limited (sent faster than the room takes; dropped), bad_frame (a frame that does not decode), server_error …'),
  message: z.string().describe('A sentence the player can act on.'),
  request: z.string().optional().describe('The type of the message refused.'),
});

/** `seatOffered`: to a player on the waiting list when a seat frees up. */
export const SeatOfferedMessage = z.object({
  tableId: z.string().describe('The table whose seat it is: this one, or with a shared waiting list any table of its template (join it to sit).'),
  seat: z.number().int().describe('The seat held for them: send `sit {seat, buyIn}` to take it.'),
  expiresAt: z.number().describe('Epoch ms at which the offer passes to the next player waiting.'),
});

/** `moved`: at a tournament table, to a player the tournament moved to another table. */
export const MovedMessage = z.object({
  tableId: z.string().describe('The table to join now (`joinById(tableId, {token})`).'),
  seat: z.number().int().describe('Your seat there.'),
});

export const TableJoinOptions = z.object({
  token: z.string().describe('A token from POST /api/auth/guest, /register or /login. Joining makes you a watcher; `sit` makes you a player.'),
});

const empty = (summary: string) => ({ payload: EmptyMessage, summary, examples: [{}] });

/** PROTOCOL.md's words for the fields whose meaning their name and type do not give. */
const STATE_NOTES = {
  TableState: {
    handNumber: '0 before the first hand.',
    phase: 'waiting, preflop, flop, turn, river, showdown; third … seventh for stud; draw1 … for draw games.',
    board: 'Community cards dealt so far, like "As", "Td".',
    pots: 'Main pot first.',
    button: 'Seat index; -1 when none.',
    toAct: 'Seat index of the player to act; -1 when none.',
    actionDeadline: 'Epoch ms at which `toAct` times out.',
    seats: 'Keyed by seat index.',
    waiting: 'Player ids on the waiting list.',
    tournamentId: 'The tournament of a tournament table; empty at a cash table.',
    variant: 'The game being dealt (at a mixed-game table, the rotation\'s current game).',
    bringIn: 'Stud: the bring-in; 0 otherwise.',
    rotation: 'Mixed games: the variant codes dealt in turn; empty for one variant.',
    handsToNextGame: 'Mixed games: hands of the current game still to be dealt after the one in play; 0 when the next hand changes game.',
    boards: 'Every board of the hand, `board` being the first: two when the board is run twice.',
    runItTwiceAsk: 'Epoch ms until which the players all in are asked whether to run it twice; 0 when nobody is asked.',
    bombPot: 'The hand in play is a bomb pot.',
    bombPotVotes: 'Seated players\' votes for the next hand to be a bomb pot.',
    options: 'The table options its template turns on.',
  },
  Board: { cards: 'The board\'s cards.' },
  TableOptions: {
    straddles: 'none, utg or any: who may choose to straddle.',
    bombPotEvery: 'Every Nth hand is a bomb pot; 0 for none by count.',
  },
  Seat: {
    bet: 'Committed this street.',
    status: 'active, folded, allin, sittingOut or disconnected.',
    cards: 'Hole cards, in the seat owner\'s view only (StateView): nobody else receives this field.',
    shownCards: 'The cards the player showed at showdown (public).',
    upCards: 'Stud: the face-up cards (public).',
    drew: 'Draw games: how many cards the player drew at each draw this hand (0: stood pat), never which (public).',
    legal: 'What the player may do, filled on their turn.',
    straddle: 'The player straddles when their position allows it.',
    timeBank: 'Milliseconds left in the time bank.',
  },
  Legal: {
    minRaiseTo: '0 when no raise is possible.',
    maxRaiseTo: '0 when no raise is possible.',
    bringIn: 'Stud: you must post the bring-in (act bringIn) or complete it (raise to minRaiseTo).',
    draw: 'Draw games: it is your turn to discard (the draw message).',
    maxDiscards: 'Draw games: the most cards you may discard.',
    runItTwice: 'You are asked whether to run the board twice: answer runItTwice {agree}.',
  },
  Pot: { eligible: 'Seat indexes that can win it.' },
};

/** The `table` room (rooms/TableRoom.ts): one per table, its room id the table id. */
export const tableRoomDoc: RoomDoc = {
  name: 'table',
  title: 'A table',
  description: 'One room per table; its roomId is the tableId and survives restarts and moves between processes. '
    + 'Any process makes the seat reservation; the SDK then connects to the process that hosts the table. '
    + 'A refused message is answered with `error` to its sender and changes nothing; a message that fails its schema never disconnects. '
    + 'Each client may send FELT_MESSAGE_BURST messages at once and FELT_MESSAGE_RATE a second: past that a message is dropped (the first answered `rate_limited`), and a client twice the burst over is disconnected.',
  address: '{tableId}',
  parameters: { tableId: 'The table\'s id, from GET /api/tables or the lobby.' },
  join: 'client.joinById(tableId, { token })',
  joinOptions: TableJoinOptions,
  state: TableState,
  stateNotes: STATE_NOTES,
  receives: [
    { type: 'sit', payload: SitMessage, summary: 'Take a seat (any free one when `seat` is absent), moving `buyIn` from the wallet to the table.', examples: [{ buyIn: 200 }, { seat: 2, buyIn: 100 }] },
    {
      type: 'act', payload: ActMessage, summary: 'Act on your turn; `amount` is the total to bet or raise to.',
      examples: [{ action: 'call' }, { action: 'raise', amount: 40 }, { action: 'bringIn' }],
    },
    { type: 'draw', payload: DrawMessage, summary: 'Draw games: the cards to discard (an empty list stands pat).', examples: [{ discard: ['2c', '7d'] }, { discard: [] }] },
    { type: 'show', ...empty('At showdown, show your cards when the rules let you choose.') },
    { type: 'muck', ...empty('At showdown, muck your cards when the rules let you choose.') },
    { type: 'sitOut', ...empty('Skip hands while keeping the seat (at a tournament table: be away, still dealt in and folded by the clock).') },
    { type: 'sitIn', ...empty('Return after sitting out.') },
    { type: 'topUp', payload: TopUpMessage, summary: 'Add chips from the wallet (applies between hands).', examples: [{ amount: 100 }] },
    { type: 'leave', ...empty('Stand up after the current hand; the stack returns to the wallet.') },
    { type: 'waitlist', payload: WaitlistMessage, summary: 'Join or leave the table\'s waiting list, or with `anyTable` its template\'s shared one.', examples: [{ join: true }, { join: false }, { join: true, anyTable: true }] },
    { type: 'runItTwice', payload: RunItTwiceMessage, summary: 'All in and asked (`Legal.runItTwice`): agree or not to run the board twice; no answer by `runItTwiceAsk` is no.', examples: [{ agree: true }] },
    { type: 'straddle', payload: StraddleMessage, summary: 'Straddle (twice the big blind) the hands where your position allows it, until turned off.', examples: [{ on: true }, { on: false }] },
    { type: 'bombPot', payload: BombPotMessage, summary: 'Vote for the next hand to be a bomb pot, or take the vote back.', examples: [{ vote: true }] },
  ],
  sends: [
    {
      type: 'error', payload: ErrorMessage, summary: 'A message of yours was refused; nothing changed.',
      examples: [{ code: 'bad_message', message: '"buyIn": Invalid input: expected number, received undefined', request: 'sit' }],
    },
    { type: 'seatOffered', payload: SeatOfferedMessage, summary: 'A seat is held for you from the waiting list until `expiresAt`.', examples: [{ tableId: 'a1b2c3d4e5f6', seat: 3, expiresAt: 1_767_225_600_000 }] },
    { type: 'moved', payload: MovedMessage, summary: 'Tournament tables: the tournament moved you to another table; join it.', examples: [{ tableId: 't-8c1e02aa', seat: 4 }] },
  ],
};
