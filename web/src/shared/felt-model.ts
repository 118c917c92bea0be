// The live table as the felt draws it, for one viewer: their own cards face
// up, everyone else's face down until shown.
import { HIDDEN_CARD } from './cards.ts';
import type { FeltClock, FeltModel, FeltSeat } from './felt-types.ts';
import { formatChips } from './format.ts';
import type { Winner } from './table-events.ts';
import { isHandOver, type SeatView, type TableView } from './table-view.ts';

/** How many face-down cards to draw for a player whose cards the viewer cannot see. A drawing hint only: the server never sends them. */
const HOLE_CARDS: Record<string, number> = { NT: 2, FT: 2, NS: 2, PO: 4, 'FO/8': 4, N2L1D: 5, F2L3D: 5, FB: 4 };

/** Stud deals two cards down, then up cards, then the seventh card down. */
const STUD = new Set(['F7S', 'F7S/8', 'FR']);

function faceDownCount(view: TableView, seat: SeatView): number {
  if (!STUD.has(view.variant)) return (HOLE_CARDS[view.variant] ?? 2) - seat.upCards.length;
  return seat.upCards.length >= 4 && (view.phase === 'seventh' || view.phase === 'showdown') ? 3 : 2;
}

function backs(count: number): string[] {
  return new Array<string>(Math.max(0, count)).fill(HIDDEN_CARD);
}

export type LiveFeltOptions = {
  playerId: string | null;
  /** Seats dealt into the hand and not folded, from the last live state (the finished hand has no pots left to say it). */
  contenders: ReadonlySet<number>;
  winners: readonly Winner[] | null;
  clock: FeltClock | null;
};

function seatCards(view: TableView, seat: SeatView, mine: boolean, contender: boolean): string[] {
  if (seat.shownCards.length > 0) return seat.shownCards;
  if (mine && seat.cards.length > 0) return [...seat.cards, ...seat.upCards.filter((card) => !seat.cards.includes(card))];
  if (!contender || view.phase === 'waiting' || seat.lastAction === 'fold') return [];
  return [...backs(faceDownCount(view, seat)), ...seat.upCards];
}

export function liveFeltModel(view: TableView, options: LiveFeltOptions): FeltModel {
  const mySeat = options.playerId ? view.seats.findIndex((seat) => seat?.playerId === options.playerId) : -1;
  const won = new Map((options.winners ?? []).map((winner) => [winner.seat, winner.amount]));
  const seats = view.seats.map((seat): FeltSeat | undefined => seat && {
    seat: seat.seat, name: seat.name, stack: seat.stack, bet: seat.bet, status: seat.status, lastAction: seat.lastAction,
    cards: seatCards(view, seat, seat.seat === mySeat, options.contenders.has(seat.seat)),
    shown: seat.shownCards.length > 0 || seat.upCards.length > 0,
    isMe: seat.seat === mySeat, won: isHandOver(view) ? (won.get(seat.seat) ?? 0) : 0,
    drew: view.phase === 'waiting' ? null : (seat.drew.at(-1) ?? null), upCards: seat.upCards,
  });
  const seated = view.seats.filter(Boolean).length;
  let caption = '';
  if (isHandOver(view) && options.winners?.length) caption = options.winners.map((w) => `${w.name} wins ${formatChips(w.amount)}`).join(' · ');
  else if (view.phase === 'waiting') caption = seated < 2 ? 'Waiting for players' : 'The next hand starts soon';
  return {
    maxSeats: view.maxSeats, button: view.button, toAct: view.toAct, board: view.board,
    boards: view.boards.length > 1 ? view.boards : [], badges: view.bombPot && view.phase !== 'waiting' ? ['Bomb pot'] : [],
    pots: view.pots.map((pot) => pot.amount), seats, bottomSeat: mySeat, clock: options.clock, phase: view.phase, caption,
  };
}
