/**
 * What a tournament's actor asks of one of its tables (a `table` room whose
 * `roomId` is the `tableId` and whose `TableState.tournamentId` is the
 * tournament's), wherever in the cluster the table runs: the actor carries
 * out the Tournament's events (`openTable`, `seatPlayers`, `deal`,
 * `releasePlayer`, `addChips`, `closeTable`, `moved`) by calling these
 * methods by name through `matchMaker.remoteRoomCall(tableId, method, args)`,
 * and feeds each answer back to the Tournament (`moveSeated`,
 * `moveReleased`, `chipsAdded`, `tableClosed`). An interface only: the table
 * room implements it.
 *
 * Every method runs in the table's command queue, takes and answers plain
 * JSON, and is idempotent: the actor re-issues unanswered work after a
 * restart (`Tournament.pendingWork`), so a repeated call answers what the
 * first did and changes nothing more. Refusals are answers, as for
 * `TournamentHost` (`{refused: {code, message}}`).
 *
 * A tournament table deals only when told (`deal`), one hand per order;
 * when the hand ends it reports to the tournament (`TournamentHost.handEnded`,
 * retried until answered) and waits for the next order. Between a report and
 * the next order the table is between hands, so seating, releasing, adding
 * chips and closing apply at once.
 */
import type { SeatInstruction } from './events.ts';
import type { Stakes } from '../engine/table/state.ts';
import type { HostAnswer } from './tournament-host.ts';

/** How a tournament table is opened: `matchMaker.createRoom('table', {tournament: TournamentTableOptions})`. */
export type TournamentTableOptions = {
  tournamentId: string;
  tableId: string;
  /** The table's number in the tournament (1, 2 …): its name is "<tournament name> — table N". */
  number: number;
  name: string;
  variant: string;
  tableSize: number;
  level: number;
  stakes: Stakes;
  smallBet: number;
  bigBet: number;
  /** Seconds to act, and the time bank, as the tournament's definition gives them. */
  actionSeconds?: number;
  timeBankSeconds?: number;
};

/** One hand to deal at the level's stakes (`Tournament`'s `deal` event). */
export type DealOrder = {
  handNumber: number;
  level: number;
  stakes: Stakes;
  smallBet: number;
  bigBet: number;
};

export interface TournamentTableHost {
  /** Seats each instruction not seated yet (by `moveId`); answers every `moveId` that is seated now. */
  seatPlayers(seats: SeatInstruction[]): Promise<HostAnswer<{ seated: string[] }>>;
  /** Starts hand `handNumber` (a repeated order for a hand dealt already answers `accepted: false`). */
  deal(order: DealOrder): Promise<HostAnswer<{ accepted: boolean }>>;
  /** Takes the player off the table (between hands) and answers the stack they carry; a repeated call answers the same stack. */
  releasePlayer(moveId: string, playerId: string): Promise<HostAnswer<{ stack: number }>>;
  /** Adds bought chips (a rebuy, an add-on) once per `key`. */
  addChips(key: string, playerId: string, amount: number): Promise<HostAnswer<{ stack: number }>>;
  /** Tells the player who left this table for another where to go (`moved {tableId, seat}` to them). */
  tellMoved(playerId: string, tableId: string, seat: number): Promise<HostAnswer<{ told: boolean }>>;
  /** The tournament is done with the table: it disposes (seated players, if any, are gone with it). */
  closeTable(): Promise<HostAnswer<{ closed: boolean }>>;
}

export type TournamentTableMethod = keyof TournamentTableHost;
