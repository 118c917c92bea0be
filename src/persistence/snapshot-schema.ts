import { z } from 'zod';
import type { CashTableSettings } from '../engine/cash/settings.ts';
import type { CashTableState, PendingMoney, SeatInfo, SeatOffer, WaitingPlayer } from '../engine/cash/state.ts';
import type { DeckState } from '../engine/deck.ts';
import type { Operation } from '../engine/hand/operations.ts';
import type { HandConfig, HandState, Pot } from '../engine/hand/state.ts';
import type { RakeRule } from '../engine/rake.ts';
import type { Stakes, TableSeat, TableState } from '../engine/table/state.ts';
import type { SealedDeck } from './deck-cipher.ts';

// The shape of a stored `CashTableState`, checked field by field when a
// snapshot is loaded (at restore only, so thoroughness costs nothing on the hot
// path). Each schema is typed by the engine type it checks, so the type
// checker fails here when the engine's state gains a required field this does
// not know. Objects are loose: a field this does not name yet (a newer engine's
// optional one) is kept as it was, never dropped.

const int = z.number().int();
const chips = int.min(0);
const card = int.min(-1).max(255);
const time = z.number();

const rakeRule: z.ZodType<RakeRule> = z.looseObject({ basisPoints: chips, cap: chips, noFlopNoDrop: z.boolean() });

const stakes: z.ZodType<Stakes> = z.looseObject({
  smallBlind: chips, bigBlind: chips, ante: chips, bigBlindAnte: z.boolean().optional(), straddle: chips.optional(),
});

const settings: z.ZodType<CashTableSettings> = z.looseObject({
  variant: z.string(), stakes, smallBet: chips, bigBet: chips, minBuyIn: chips, maxBuyIn: chips, maxSeats: int.min(1),
  actionMs: time, timeBankMs: time, rake: rakeRule.optional(), pauseMs: time, reconnectMs: time, standUpMs: time,
  maxTimeouts: int, offerMs: time, maxRunouts: int,
});

const tableSeat: z.ZodType<TableSeat> = z.looseObject({
  playerId: z.string(), stack: chips, sittingOut: z.boolean(), missedSmallBlind: z.boolean(), missedBigBlind: z.boolean(),
  isNew: z.boolean(), willPost: z.boolean(),
});

const seating: z.ZodType<TableState> = z.looseObject({
  maxSeats: int.min(1), seats: z.array(tableSeat.nullable()), button: int, smallBlindSeat: int, bigBlindSeat: int, handsPlayed: int,
});

const seatInfo: z.ZodType<SeatInfo> = z.looseObject({
  playerId: z.string(), name: z.string(), connected: z.boolean(), disconnectedAt: time, timeBankMs: time, timeouts: int,
  leaveAfterHand: z.boolean(), pendingTopUp: chips, showdownChoice: z.enum(['show', 'muck']).nullable(), lastAction: z.string(),
});

const pendingMoney: z.ZodType<PendingMoney> = z.looseObject({
  key: z.string().min(1), kind: z.enum(['buyIn', 'topUp', 'cashOut']), playerId: z.string(), name: z.string(), seat: int, amount: chips,
});

const waitingPlayer: z.ZodType<WaitingPlayer> = z.looseObject({ playerId: z.string(), name: z.string() });

const seatOffer: z.ZodType<SeatOffer> = z.looseObject({ playerId: z.string(), seat: int, expiresAt: time });

const cards = z.array(card);
const player = int.min(0);
const op = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.looseObject({ type: z.literal(type), ...shape });

const operation: z.ZodType<Operation> = z.discriminatedUnion('type', [
  op('ante', { player, amount: chips }),
  op('deadBlind', { player, amount: chips }),
  op('blind', { player, amount: chips }),
  op('post', { player, amount: chips }),
  op('burn', {}),
  op('dealHole', { player, cards, up: z.array(z.boolean()) }),
  op('dealBoard', { board: int.min(0), cards }),
  op('draw', { player, discarded: cards, drawn: cards }),
  op('bringIn', { player, amount: chips }),
  op('fold', { player }),
  op('check', { player }),
  op('call', { player, amount: chips }),
  op('raise', { player, to: chips, allIn: z.boolean() }),
  op('returnBet', { player, amount: chips }),
  op('collect', { amount: chips }),
  op('runouts', { player, count: int.min(1) }),
  op('show', { player, cards }),
  op('muck', { player }),
  op('rake', { pot: int.min(0), amount: chips }),
  op('award', { pot: int.min(0), player, amount: chips, board: int.min(0), handType: z.string() }),
]);

const handConfig: z.ZodType<HandConfig> = z.looseObject({
  variant: z.string(), startingStacks: z.array(chips), antes: z.array(chips), blindsOrStraddles: z.array(chips),
  deadBlinds: z.array(chips).optional(), posts: z.array(chips).optional(), anteTrimming: z.boolean(),
  minBet: chips.optional(), smallBet: chips.optional(), bigBet: chips.optional(), bringIn: chips.optional(),
  rake: rakeRule.optional(), oddChips: z.enum(['leftOfButton', 'firstLeftOfButton']).optional(),
  maxRunouts: int.optional(), seats: z.array(int).optional(),
});

const pot: z.ZodType<Pot> = z.looseObject({ amount: chips, eligible: z.array(player), rake: chips });

export const deckState: z.ZodType<DeckState> = z.looseObject({ cards, next: int.min(0), shuffle: z.boolean() });

export const sealedDeck: z.ZodType<SealedDeck> = z.strictObject({ sealed: z.base64(), key: z.string().regex(/^[0-9a-f]{8}$/) });

/** A stored hand: a `HandState` whose deck is as the snapshot's format stores it (in the clear, or sealed), resolved by the caller. */
export type StoredHand = Omit<HandState, 'deck'> & { deck: DeckState | SealedDeck | null };

const hand: z.ZodType<StoredHand> = z.looseObject({
  config: handConfig,
  phase: z.enum(['dealing', 'betting', 'runoutVote', 'showdown', 'complete']),
  street: int.min(-1),
  stacks: z.array(chips), bets: z.array(chips), contributed: z.array(chips), dead: chips,
  active: z.array(z.boolean()), hole: z.array(cards), holeUp: z.array(z.array(z.boolean())), shown: z.array(z.boolean()),
  boards: z.array(cards), sharedBoard: int.min(0),
  deck: z.union([sealedDeck, deckState]).nullable(),
  burned: cards,
  pendingHole: z.array(int.min(0)), pendingBoard: int.min(0), pendingBurn: z.boolean(), pendingDraw: z.array(z.boolean()),
  actors: z.array(player), acted: z.array(z.boolean()), opener: int, raiseSize: chips, raiseCount: int.min(0),
  allInRaises: z.array(chips), bringInPending: z.boolean(), completionPending: z.boolean(), allIn: z.boolean(),
  runoutVotes: z.array(int.nullable()), runouts: int.min(0), showdownQueue: z.array(player),
  pots: z.array(pot), winnings: z.array(int), log: z.array(operation),
});

/** A stored `CashTableState`, its live hand's deck not resolved yet. */
export type StoredTableState = Omit<CashTableState, 'hand'> & { hand: StoredHand | null };

export const storedTableState: z.ZodType<StoredTableState> = z.looseObject({
  tableId: z.string().min(1),
  name: z.string(),
  settings,
  seating,
  info: z.array(seatInfo.nullable()),
  hand: hand.nullable(),
  handSeats: z.array(int),
  handNumber: int.min(0),
  handStartedAt: time,
  actionDeadline: time,
  actionStartedAt: time,
  usingTimeBank: z.boolean(),
  nextHandAt: time,
  waiting: z.array(waitingPlayer),
  offer: seatOffer.nullable(),
  pendingMoney: z.array(pendingMoney),
  closing: z.boolean(),
  version: int.min(0),
});
