/**
 * The whole of a tournament as plain JSON-safe data: what the actor
 * snapshots, and what `Tournament.restore` takes back after a crash.
 *
 * The state's picture of the tables is the one the tournament has decided:
 * a player being moved already sits in the seat they are going to, and
 * their chips are counted once, on their player record. Each record below
 * says when it is settled; `pendingWork` lists what is not.
 */
import type { ClockTimes } from './rules/clock.ts';
import type { HandForHandRound } from './rules/hand-for-hand.ts';
import type { Payout } from './rules/payouts.ts';
import type { PlayerEntry } from './rules/registration.ts';
import type { LevelStakes, TournamentDefinition, TournamentStatus } from './rules/structure.ts';

/**
 * How long the clock may run without a command before `nextDeadline` asks
 * for a tick: after a crash, at most this much of the time down is charged
 * to the level (the rest is known to have been downtime).
 */
export const ALIVE_EVERY_MS = 15_000;

/** A move is decided (the source must release the player), released (chips in transit), then seated. */
export const MovePhase = {
  decided: 'decided',
  released: 'released',
  seated: 'seated',
} as const;
export type MovePhase = (typeof MovePhase)[keyof typeof MovePhase];

/** An open table plays; a closing one was broken or the tournament is over; closed once the table said so. */
export const TableStatus = {
  open: 'open',
  closing: 'closing',
  closed: 'closed',
} as const;
export type TableStatus = (typeof TableStatus)[keyof typeof TableStatus];

/** Chips bought: held until the player's table is between hands, then sent to it (and forgotten once it answered). */
export const AddStatus = {
  held: 'held',
  sent: 'sent',
} as const;
export type AddStatus = (typeof AddStatus)[keyof typeof AddStatus];

export const SaleKind = {
  entry: 'entry',
  rebuy: 'rebuy',
  addOn: 'addOn',
} as const;
export type SaleKind = (typeof SaleKind)[keyof typeof SaleKind];

/**
 * A registered player and their current entry (`PlayerEntry` is the part
 * the registration rules read). `stack` is every chip the tournament has
 * given them, rebuys and add-ons not yet at their table included.
 */
export type PlayerRecord = PlayerEntry & {
  name: string;
  /** The number of the player's current entry, counting every buy-in they ever made here (keys use it). */
  entry: number;
  /** The table the tournament has put them at (the target of a move in progress); null while not seated or out. */
  tableId: string | null;
  seat: number;
  /** The move (or entry seating) taking them to `tableId`, until it is seated. */
  moveId: string | null;
};

/**
 * A table as the tournament sees it. `seats` are player ids, incoming moves
 * included. Positions are those of the last hand reported (-1 before one).
 */
export type TableRecord = {
  tableId: string;
  number: number;
  seats: (string | null)[];
  button: number;
  smallBlindSeat: number;
  bigBlindSeat: number;
  /** Stud seating: seats in the order they were emptied, the latest last. */
  vacated: number[];
  /** The last hand dealt (the `deal` sent); a hand is in play while it is above `reported`. */
  handNumber: number;
  reported: number;
  /** The last `deal`, re-issued after a crash while its hand has not been reported. */
  lastDeal: { handNumber: number; level: number } & LevelStakes | null;
  status: TableStatus;
  /** closeTable was sent (a closing table is sent it once no player is left to release). */
  closeSent: boolean;
  /** The table answered at least once, so it exists: openTable need not be sent again. */
  confirmed: boolean;
};

/**
 * Two-sided handover of a player. `fromTable` null is an entry's seating:
 * its chips come from the tournament, so it starts released.
 */
export type MoveRecord = {
  moveId: string;
  playerId: string;
  name: string;
  fromTable: string | null;
  /** The seat the player leaves: no one else is seated in it before they are released (-1 for an entry). */
  fromSeat: number;
  toTable: string;
  toSeat: number;
  phase: MovePhase;
  stack: number;
  /** seatPlayers was sent for it (once released, and once nobody still sits in the seat it goes to). */
  seatSent: boolean;
};

export type AddRecord = {
  key: string;
  kind: typeof SaleKind.rebuy | typeof SaleKind.addOn;
  playerId: string;
  amount: number;
  /** The table it was sent to, once sent. */
  tableId: string | null;
  status: AddStatus;
};

/** Money taken: an entry (`price` the buy-in, plus the fee), a rebuy or an add-on. */
export type SaleRecord = {
  key: string;
  kind: SaleKind;
  playerId: string;
  /** The entry's number, or the rebuy's. */
  number: number;
  price: number;
  fee: number;
  refunded: boolean;
};

/** A refund the tournament owes (after a cancellation), until `refundPaid`. */
export type RefundRecord = { key: string; saleKey: string; playerId: string; amount: number; paid: boolean };

/** A place given to an entry; a prize above zero is owed under `prizeKey` until `prizePaid`. */
export type ResultRecord = {
  playerId: string;
  name: string;
  entry: number;
  place: number;
  prize: number;
  prizeKey: string | null;
  paid: boolean;
};

/** An entry knocked out and not placed yet, with the chips it had when its last hand began. */
export type BustRecord = { playerId: string; name: string; entry: number; startingStack: number; tableId: string };

export type TournamentState = {
  tournamentId: string;
  definition: TournamentDefinition;
  status: TournamentStatus;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** Increases with every change; snapshots carry it so an older one never overwrites a newer. */
  version: number;
  /** The latest `now` any command brought: after a crash, the time since is downtime, not play. */
  aliveAt: number;
  clock: ClockTimes | null;
  /** Paused by the operator. */
  paused: boolean;
  /** The level and break last announced (`levelChanged`, `breakStarted`), to announce each change once. */
  announced: { level: number; breakNumber: number };
  /** No more entries: late registration ended, the money was reached, or there was none. */
  registrationClosed: boolean;
  /** The payout table, fixed once the money is near (no entry, rebuy or add-on is sold after). */
  payouts: Payout[] | null;
  /** Counters of what was sold and not refunded by unregistration. */
  entrants: number;
  rebuys: number;
  addOns: number;
  players: PlayerRecord[];
  sales: SaleRecord[];
  refunds: RefundRecord[];
  tables: TableRecord[];
  /** Moves not yet seated (a seated move is forgotten: its id stays below `nextMove`). */
  moves: MoveRecord[];
  /** Bought chips not yet added by their table. */
  adds: AddRecord[];
  /** Groups of entries knocked out together, oldest first, waiting for their places. */
  unplaced: BustRecord[][];
  results: ResultRecord[];
  handForHand: HandForHandRound | null;
  nextTable: number;
  nextMove: number;
};

/** What a table reports after each hand. `startStacks` holds the players dealt in, with their chips when it began. */
export type HandReport = {
  tableId: string;
  handNumber: number;
  seats: { seat: number; playerId: string; stack: number }[];
  startStacks: Record<string, number>;
  button: number;
  smallBlindSeat: number;
  bigBlindSeat: number;
};

export function createState(tournamentId: string, definition: TournamentDefinition, now: number): TournamentState {
  return {
    tournamentId,
    definition: structuredClone(definition),
    status: 'registering',
    createdAt: now,
    startedAt: null,
    endedAt: null,
    version: 0,
    aliveAt: now,
    clock: null,
    paused: false,
    announced: { level: 0, breakNumber: 0 },
    registrationClosed: false,
    payouts: null,
    entrants: 0,
    rebuys: 0,
    addOns: 0,
    players: [],
    sales: [],
    refunds: [],
    tables: [],
    moves: [],
    adds: [],
    unplaced: [],
    results: [],
    handForHand: null,
    nextTable: 1,
    nextMove: 1,
  };
}
