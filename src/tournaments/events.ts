/**
 * What the Tournament asks the outside world to do (call tables, move money,
 * tell players), and the tickets its verify-only commands hand the actor
 * for the database work that comes before a confirmation.
 */
import type { Stakes } from '../engine/table/state.ts';

/** One seat a table must fill, by `moveId` (the table seats each move once). */
export type SeatInstruction = { moveId: string; playerId: string; name: string; seat: number; stack: number };

/** A line of the standings (PROTOCOL.md): players still in have a stack and a table, players out a place. */
export type StandingLine = {
  playerId: string;
  name: string;
  entry: number;
  stack: number;
  tableId: string | null;
  place: number | null;
  prize: number | null;
};

export type TournamentEvent =
  | { type: 'started'; startedAt: number; entrants: number }
  | { type: 'registrationClosed'; entrants: number }
  /** Create the table room; `stakes` are those of the level running. */
  | { type: 'openTable'; tableId: string; number: number; variant: string; tableSize: number; level: number; stakes: Stakes; smallBet: number; bigBet: number }
  | { type: 'seatPlayers'; tableId: string; seats: SeatInstruction[] }
  /** Take the player off the table between hands and answer their stack (`moveReleased`). */
  | { type: 'releasePlayer'; moveId: string; tableId: string; playerId: string }
  /** An entry has its seat (the start, a late entrant): tell the player. */
  | { type: 'seated'; moveId: string; playerId: string; tableId: string; seat: number }
  /** A move is complete: tell the player where they sit now. */
  | { type: 'moved'; moveId: string; playerId: string; fromTableId: string; tableId: string; seat: number }
  | { type: 'deal'; tableId: string; handNumber: number; level: number; stakes: Stakes; smallBet: number; bigBet: number }
  /** Add bought chips to the player's stack (the table is between hands); answer with `chipsAdded`. */
  | { type: 'addChips'; tableId: string; playerId: string; key: string; amount: number }
  | { type: 'closeTable'; tableId: string }
  /** The entry is out; its place comes with `eliminated` (at once, or once late registration or a hand-for-hand round ends). */
  | { type: 'busted'; playerId: string; entry: number; tableId: string; canReEnter: boolean }
  | { type: 'eliminated'; playerId: string; entry: number; place: number; prize: number }
  | { type: 'payPrize'; key: string; playerId: string; entry: number; place: number; amount: number }
  | { type: 'refund'; key: string; saleKey: string; playerId: string; amount: number }
  | { type: 'levelChanged'; level: number; smallBlind: number; bigBlind: number; ante: number; endsAt: number | null }
  | { type: 'breakStarted'; breakNumber: number; endsAt: number | null }
  | { type: 'breakEnded'; breakNumber: number }
  | { type: 'handForHandStarted'; remaining: number; round: number }
  | { type: 'handForHandEnded'; remaining: number }
  | { type: 'paused'; at: number }
  | { type: 'resumed'; at: number }
  | { type: 'finished'; standings: StandingLine[] }
  | { type: 'cancelled'; at: number };

export type TournamentEventType = TournamentEvent['type'];

/** A registration `register` accepted: the actor takes `buyIn` + `fee` under `key`, then calls `confirmRegistration`. */
export type EntryTicket = {
  tournamentId: string;
  playerId: string;
  name: string;
  entry: number;
  reEntry: boolean;
  buyIn: number;
  fee: number;
  key: string;
};

/** An unregistration `unregister` accepted: the actor refunds `amount` under `key`, then calls `confirmUnregistration`. */
export type RefundTicket = { tournamentId: string; playerId: string; entry: number; amount: number; key: string; saleKey: string };

/** A rebuy or add-on accepted: the actor takes `price` under `key`, then confirms it. */
export type ChipsTicket = {
  tournamentId: string;
  playerId: string;
  kind: 'rebuy' | 'addOn';
  number: number;
  price: number;
  chips: number;
  key: string;
};
