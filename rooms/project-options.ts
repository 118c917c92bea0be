import { formatCard, type Card } from '../src/engine/cards.ts';
import { optionsOf } from '../src/engine/cash/options/table-options.ts';
import type { SeatInfo } from '../src/engine/cash/state.ts';
import { HandPhase, type HandState } from '../src/engine/hand/state.ts';
import type { RoomTable } from '../src/tables/room-table.ts';
import { Board, TableOptions, type Legal, type Seat, type TableState } from '../schema/TableState.ts';

/** The wire state of the table options (see `projectTable`): assigned only where it changed. */

/** The boards written last into each wire state, as card numbers. */
const writtenBoards = new WeakMap<object, readonly (readonly Card[])[]>();

function sameBoards(a: readonly (readonly Card[])[], b: readonly (readonly Card[])[]): boolean {
  return a.length === b.length && a.every((board, i) => board.length === b[i].length && board.every((card, k) => card === b[i][k]));
}

/** The table's option fields: its options, every board of the hand shown, the question of running it twice, bomb pots. */
export function projectTableOptions(wire: TableState, table: Pick<RoomTable, 'state' | 'hand'>, handState: HandState | null): void {
  const s = table.state;
  if (!wire.options) {
    const options = optionsOf(s.settings);
    wire.options = new TableOptions();
    Object.assign(wire.options, {
      runItTwice: options.runItTwice, straddles: options.straddles, bombPotEvery: options.bombPotEvery,
      bombPotAnte: options.bombPotAnte, bombPotVote: options.bombPotVote, sharedWaitlist: options.sharedWaitlist,
    });
  }
  const boards = handState ? handState.boards.map((board) => [...board]) : [];
  if (!sameBoards(writtenBoards.get(wire) ?? [], boards)) {
    while (wire.boards.length > boards.length) wire.boards.pop();
    boards.forEach((cards, i) => {
      let target = wire.boards[i];
      if (!target) {
        target = new Board();
        wire.boards.push(target);
      }
      const text = cards.map(formatCard);
      if (target.cards.length !== text.length || text.some((card, k) => target.cards[k] !== card)) target.cards.splice(0, target.cards.length, ...text);
    });
    writtenBoards.set(wire, boards);
  }
  const live = table.hand;
  const ask = live && live.phase === HandPhase.runoutVote ? s.actionDeadline : 0;
  if (wire.runItTwiceAsk !== ask) wire.runItTwiceAsk = ask;
  const bomb = Boolean(s.hand && s.options?.bombPot);
  if (wire.bombPot !== bomb) wire.bombPot = bomb;
  // Votes of players still seated (as `CashTable.bombPotVotes` counts them).
  const seated = new Set(s.info.map((info) => info?.playerId));
  const votes = (s.options?.bombPotVotes ?? []).filter((id) => seated.has(id)).length;
  if (wire.bombPotVotes !== votes) wire.bombPotVotes = votes;
}

/** A seat's option fields: its straddle wish and time bank (public), and whether it is asked to run it twice (the owner's `legal`). */
export function projectSeatOptions(seat: Seat, legal: Legal, info: SeatInfo, asked: boolean): void {
  const straddle = Boolean(info.straddle);
  if (seat.straddle !== straddle) seat.straddle = straddle;
  if (seat.timeBank !== info.timeBankMs) seat.timeBank = info.timeBankMs;
  if (legal.runItTwice !== asked) legal.runItTwice = asked;
}
