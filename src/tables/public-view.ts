import { formatCard, type Card } from '../engine/cards.ts';
import { CashTable } from '../engine/cash/CashTable.ts';
import type { CashTableState } from '../engine/cash/state.ts';
import { Hand } from '../engine/hand/Hand.ts';
import type { Operation } from '../engine/hand/operations.ts';
import { HIDDEN_CARD, seatStatus, showedHand, visibleHole, type SeatStatus } from './seat-view.ts';

export type PublicSeat = {
  seat: number;
  playerId: string;
  name: string;
  /** Behind the line: in a live hand, what the player has not put in yet. */
  stack: number;
  /** Committed on this street. */
  bet: number;
  /** As PROTOCOL.md's Seat.status: active, folded, allin, sittingOut, disconnected. */
  status: SeatStatus;
  inHand: boolean;
  connected: boolean;
  /** They stand up when the hand ends (asked to leave, banned, or the table closes). */
  leaveAfterHand: boolean;
  lastAction: string;
  /** How many hole cards they hold face down: the count is public, the cards are not. */
  hiddenCards: number;
  /** Stud's face-up cards. */
  upCards: string[];
  /** Cards the player showed at showdown. */
  shownCards: string[];
};

/** One step of the live hand with its table seat; cards nobody at the table may see read `??`. */
export type PublicAction = Record<string, unknown> & { type: Operation['type']; seat?: number };

/**
 * A table as an admin sees it: the template's rules, seats and stacks, the
 * hand so far. Built from what every player at the table could see, so it is
 * safe to send anywhere: no face-down hole card of a live hand, no deck, no
 * burned card.
 */
export type PublicTableView = {
  tableId: string;
  name: string;
  closing: boolean;
  settings: {
    variant: string; smallBlind: number; bigBlind: number; ante: number; bigBlindAnte: boolean; straddle: number;
    smallBet: number; bigBet: number; minBuyIn: number; maxBuyIn: number; maxSeats: number;
    actionSeconds: number; timeBankSeconds: number; rakeBasisPoints: number; rakeCap: number;
  };
  handNumber: number;
  /** `waiting` between hands, else the street (`preflop`, `flop` …) or `showdown`. */
  phase: string;
  button: number;
  /** The seat on the clock, or -1. */
  toAct: number;
  actionDeadline: number;
  /** Community cards of each runout (one board unless an all-in board runs more than once). */
  boards: string[][];
  /** Main pot first; `eligible` are seats. */
  pots: { amount: number; eligible: number[] }[];
  seats: PublicSeat[];
  waiting: { playerId: string; name: string }[];
  /** The live hand so far, or null between hands. */
  hand: { handNumber: number; startedAt: number; actions: PublicAction[] } | null;
  /** What the table's ledger account holds: stacks, pots and chips on their way to wallets. */
  chipsOnTable: number;
};

const cards = (list: readonly Card[]): string[] => list.map(formatCard);

/** Hides what only its owner (or nobody) may see in one operation, and names the table seat of its player. */
export function redactOperation(operation: Operation, handSeats: readonly number[]): PublicAction {
  const seat = 'player' in operation ? { seat: handSeats[operation.player] ?? -1 } : {};
  switch (operation.type) {
    case 'dealHole':
      return { ...operation, ...seat, cards: operation.cards.map((card, i) => (operation.up[i] ? formatCard(card) : HIDDEN_CARD)) };
    case 'draw':
      return { ...operation, ...seat, discarded: operation.discarded.map(() => HIDDEN_CARD), drawn: operation.drawn.map(() => HIDDEN_CARD) };
    case 'dealBoard':
      return { ...operation, cards: cards(operation.cards) };
    case 'show':
      return { ...operation, ...seat, cards: cards(operation.cards) };
    default:
      return { ...operation, ...seat };
  }
}

/**
 * The public view of a cash table (see `PublicTableView`). Pure: it reads the
 * state and copies out only what is public.
 */
export function publicTableView(state: CashTableState): PublicTableView {
  const s = state;
  const table = CashTable.restore(state);
  const live = s.hand ? Hand.restore(s.hand) : null;
  const hand = live?.state ?? null;
  const settings = s.settings;
  const seats: PublicSeat[] = [];
  s.info.forEach((info, index) => {
    if (!info) return;
    const tableSeat = s.seating.seats[index];
    const player = hand ? s.handSeats.indexOf(index) : -1;
    const inHand = hand !== null && player >= 0;
    const hole = hand && inHand ? hand.hole[player] : [];
    const up = hand && inHand ? hand.holeUp[player] : [];
    const seen = hand && inHand ? visibleHole(hand, player, 'public') : [];
    const shown = hand !== null && inHand && showedHand(hand, player);
    seats.push({
      seat: index, playerId: info.playerId, name: info.name,
      stack: hand && inHand ? hand.stacks[player] : (tableSeat?.stack ?? 0),
      bet: hand && inHand ? hand.bets[player] : 0,
      status: seatStatus(info.connected, Boolean(tableSeat?.sittingOut), hand, player),
      inHand, connected: info.connected,
      leaveAfterHand: info.leaveAfterHand || s.closing, lastAction: info.lastAction,
      hiddenCards: seen.filter((card) => card === null).length,
      upCards: cards(hole.filter((_, k) => up[k])),
      shownCards: shown ? cards(hole) : [],
    });
  });
  return {
    tableId: s.tableId,
    name: s.name,
    closing: s.closing,
    settings: {
      variant: settings.variant,
      smallBlind: settings.stakes.smallBlind, bigBlind: settings.stakes.bigBlind, ante: settings.stakes.ante,
      bigBlindAnte: Boolean(settings.stakes.bigBlindAnte), straddle: settings.stakes.straddle ?? 0,
      smallBet: settings.smallBet, bigBet: settings.bigBet,
      minBuyIn: settings.minBuyIn, maxBuyIn: settings.maxBuyIn, maxSeats: settings.maxSeats,
      actionSeconds: settings.actionMs / 1000, timeBankSeconds: settings.timeBankMs / 1000,
      rakeBasisPoints: settings.rake?.basisPoints ?? 0, rakeCap: settings.rake?.cap ?? 0,
    },
    handNumber: s.handNumber,
    phase: live ? live.streetName : 'waiting',
    button: s.seating.button,
    toAct: table.actorSeat(),
    actionDeadline: s.actionDeadline,
    boards: hand ? hand.boards.map(cards) : [],
    pots: live ? live.pots().map((pot) => ({ amount: pot.amount, eligible: pot.eligible.map((player) => s.handSeats[player]) })) : [],
    seats,
    waiting: s.waiting.map(({ playerId, name }) => ({ playerId, name })),
    hand: hand ? { handNumber: s.handNumber, startedAt: s.handStartedAt, actions: hand.log.map((op) => redactOperation(op, s.handSeats)) } : null,
    chipsOnTable: table.chipsOnTable(),
  };
}
