import type { CashTableSettings } from '../cash/settings.ts';
import type { CashTableState, SeatInfo } from '../cash/state.ts';
import type { Stakes } from '../table/state.ts';

/**
 * A tournament table as plain data. It has the shape of a cash table's state
 * (so the room, the views, the listing and the snapshot read and store it
 * alike) with nothing of a cash table's money: no buy-in bounds (0), no
 * waiting list, no seat offer, no pending money ever. Its own part is
 * `tournament`: what the tournament asked of it and what it answered, so a
 * repeated request answers the same and a restored table reports what is
 * unanswered.
 */
export type TournamentTableState = CashTableState & {
  info: (TournamentSeatInfo | null)[];
  tournament: TournamentPart;
};

/** A seated player: a cash seat record (never leaving after the hand) and whether they are away. */
export type TournamentSeatInfo = SeatInfo & {
  /**
   * Asked to sit out, or timed out and has not acted since. Only a mark for
   * others to see: an away player is dealt in, posts, and is acted for by the clock.
   */
  away: boolean;
};

/** One hand to deal at its level's stakes (the tournament's `deal`; see `DealOrder` in src/tournaments). */
export type TournamentDeal = {
  handNumber: number;
  level: number;
  stakes: Stakes;
  smallBet: number;
  bigBet: number;
};

/** What a table reports after each hand (`HandEndedReport` in src/tournaments/tournament-host.ts). */
export type TournamentHandReport = {
  tableId: string;
  handNumber: number;
  /** Everyone seated when the hand ended, with their chips; a player who busted has 0 (and has left the seat). */
  seats: { seat: number; playerId: string; stack: number }[];
  /** The players dealt in, with the chips they started the hand with. */
  startStacks: Record<string, number>;
  button: number;
  /** The small blind's position, kept when it was dead. */
  smallBlindSeat: number;
  bigBlindSeat: number;
};

export type TournamentPart = {
  tournamentId: string;
  /** The table's number in its tournament. */
  number: number;
  /** The level of the last order, and its stakes are the settings' (a new level's apply from the next hand). */
  level: number;
  /** The last hand number ordered (0 before the first order): orders at or below it are repeats. */
  lastOrdered: number;
  /** An order accepted and not dealt yet; it is dealt `pauseMs` after the last hand ended (`nextHandAt`). */
  order: TournamentDeal | null;
  /** When the last hand ended (0 before the first): the next deal waits the pause after it. */
  handEndedAt: number;
  /** The report of the last hand until the tournament answers it. */
  report: TournamentHandReport | null;
  /** Moves seated here, by moveId: a repeated instruction seats nobody. */
  seated: Record<string, { playerId: string; seat: number }>;
  /** Moves released from here, by moveId, with the stack each carried away. */
  released: Record<string, { playerId: string; stack: number }>;
  /** Chips added, by key, with the stack they made. */
  added: Record<string, { playerId: string; stack: number }>;
  /** Where players released from here went (`moved`), told again when they come back to this room. */
  movedTo: Record<string, { tableId: string; seat: number }>;
  /** The tournament closed the table (`closeTable`). */
  closed: boolean;
};

/** How a tournament table is opened: its game and clocks; the stakes come with every order. */
export type TournamentTableSetup = {
  tableId: string;
  name: string;
  tournamentId: string;
  number: number;
  variant: string;
  maxSeats: number;
  level: number;
  stakes: Stakes;
  smallBet: number;
  bigBet: number;
  actionMs: number;
  timeBankMs: number;
  /** The pause between one hand's end and the next deal, so players see the result. */
  pauseMs: number;
  /** How long a dropped player's room keeps their connection open for a reconnection. */
  reconnectMs: number;
};

/** The cash-shaped settings of a tournament table: no buy-ins, and no timing that takes a seat away. */
export function tournamentSettings(setup: TournamentTableSetup): CashTableSettings {
  return {
    variant: setup.variant, stakes: { ...setup.stakes }, smallBet: setup.smallBet, bigBet: setup.bigBet,
    maxRunouts: 1, actionMs: setup.actionMs, timeBankMs: setup.timeBankMs,
    // Timeouts never sit anyone out here (an away player is still dealt in): the limit is never reached.
    maxTimeouts: Number.MAX_SAFE_INTEGER,
    minBuyIn: 0, maxBuyIn: 0, maxSeats: setup.maxSeats, pauseMs: setup.pauseMs, reconnectMs: setup.reconnectMs,
    // A dropped player keeps the seat for the whole tournament, and no seat is ever offered.
    standUpMs: Number.MAX_SAFE_INTEGER, offerMs: 0,
  };
}
