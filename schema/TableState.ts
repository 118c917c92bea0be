import { schema, t, type SchemaType } from '@colyseus/schema';

/** What the player to act may do; only in that player's view. Raise amounts are 0 when no raise is possible. */
export const Legal = schema({
  fold: t.boolean().default(false),
  check: t.boolean().default(false),
  call: t.boolean().default(false),
  callAmount: t.number().default(0),
  minRaiseTo: t.number().default(0),
  maxRaiseTo: t.number().default(0),
  /** Stud: you must post the bring-in (`act bringIn`, of `bringInAmount`) or complete it (`raise`). */
  bringIn: t.boolean().default(false),
  bringInAmount: t.number().default(0),
  /** Draw games: it is your turn to discard (`draw`), at most `maxDiscards` cards. */
  draw: t.boolean().default(false),
  maxDiscards: t.number().default(0),
  /** You are all in with no more betting possible and asked whether to run the board twice: answer `runItTwice {agree}`. */
  runItTwice: t.boolean().default(false),
}, 'Legal');
export type Legal = SchemaType<typeof Legal>;

export const Pot = schema({
  amount: t.number().default(0),
  eligible: t.array('number'),
}, 'Pot');
export type Pot = SchemaType<typeof Pot>;

export const Seat = schema({
  seat: t.number().default(0),
  playerId: t.string().default(''),
  name: t.string().default(''),
  stack: t.number().default(0),
  bet: t.number().default(0),
  status: t.string().default('active'),
  lastAction: t.string().default(''),
  /** Hole cards: only the seat's owner has this in their view. */
  cards: t.array('string').view(),
  shownCards: t.array('string'),
  upCards: t.array('string'),
  /** Draw games: how many cards the player drew at each draw of this hand (0: stood pat), never which. */
  drew: t.array('number'),
  /** Filled on the owner's turn; only in the owner's view. */
  legal: t.ref(Legal).view(),
  /** The player straddles when their position allows it (`straddle {on}`). */
  straddle: t.boolean().default(false),
  /** Milliseconds left in the player's time bank. */
  timeBank: t.number().default(0),
}, 'Seat');
export type Seat = SchemaType<typeof Seat>;

/** One board of a hand: more than one when the board is run twice. */
export const Board = schema({
  cards: t.array('string'),
}, 'Board');
export type Board = SchemaType<typeof Board>;

/** The options the table's template turns on: what players may ask for (see docs/protocol.md, "Table options"). */
export const TableOptions = schema({
  runItTwice: t.boolean().default(false),
  straddles: t.string().default('none'),
  bombPotEvery: t.number().default(0),
  bombPotAnte: t.number().default(0),
  bombPotVote: t.boolean().default(false),
  sharedWaitlist: t.boolean().default(false),
}, 'TableOptions');
export type TableOptions = SchemaType<typeof TableOptions>;

/** The public state of one table, as PROTOCOL.md names it. Wire data only: no game rules here. */
export const TableState = schema({
  tableId: t.string().default(''),
  /** The tournament of a tournament table; '' for a cash table. */
  tournamentId: t.string().default(''),
  name: t.string().default(''),
  variant: t.string().default(''),
  smallBlind: t.number().default(0),
  bigBlind: t.number().default(0),
  ante: t.number().default(0),
  minBuyIn: t.number().default(0),
  maxBuyIn: t.number().default(0),
  maxSeats: t.number().default(0),
  /** Fixed limit: the small and big bet of the game being dealt; stud: its bring-in. */
  smallBet: t.number().default(0),
  bigBet: t.number().default(0),
  bringIn: t.number().default(0),
  /** Mixed games: the variants dealt in turn (empty for one variant), and the current game's hands still to come. */
  rotation: t.array('string'),
  handsToNextGame: t.number().default(0),
  handNumber: t.number().default(0),
  phase: t.string().default('waiting'),
  board: t.array('string'),
  pots: t.array(Pot),
  button: t.number().default(-1),
  toAct: t.number().default(-1),
  actionDeadline: t.number().default(0),
  seats: t.map(Seat),
  waiting: t.array('string'),
  /** Every board of the hand, the first one being `board`: two when the board is run twice. */
  boards: t.array(Board),
  /** Epoch ms until which the players all in are asked whether to run it twice; 0 when nobody is asked. */
  runItTwiceAsk: t.number().default(0),
  /** The hand in play is a bomb pot. */
  bombPot: t.boolean().default(false),
  /** Seated players' votes for the next hand to be a bomb pot. */
  bombPotVotes: t.number().default(0),
  options: t.ref(TableOptions),
}, 'TableState');
export type TableState = SchemaType<typeof TableState>;
