import { formatCard, type Card } from '../engine/cards.ts';
import type { Operation } from '../engine/hand/operations.ts';
import type { HandState } from '../engine/hand/state.ts';
import type { HandRecord } from '../persistence/types.ts';
import { HIDDEN_CARD, visibleHole } from '../tables/seat-view.ts';

/** One player of a hand as the caller may see them. */
export type HandPlayerView = {
  seat: number;
  playerId: string;
  /** The caller's own cards; anyone else's only if shown (or dealt face up), `??` for every card still hidden. */
  cards: string[];
  shown: boolean;
  folded: boolean;
  /** Chips won minus chips put in. */
  net: number;
};

/** A finished hand from one player's side: their own hole cards, and nobody else's unless shown. */
export type MyHandSummary = {
  handId: string;
  tableId: string;
  handNumber: number;
  variant: string;
  startedAt: string;
  endedAt: string;
  /** The caller's table seat. */
  seat: number;
  /** The caller's chips won minus chips put in. */
  net: number;
  /** The first (usually the only) board; `boards` has every runout when the board ran more than once. */
  board: string[];
  boards: string[][];
  holeCards: string[];
  pot: number;
  rake: number;
  players: HandPlayerView[];
};

/**
 * One step of the hand with players named by table seat. Dealing steps carry
 * only what the caller may see: their own cards, face-up cards and the board.
 */
export type HandActionView = {
  type: Operation['type'];
  seat?: number;
  amount?: number;
  to?: number;
  allIn?: boolean;
  cards?: string[];
  discarded?: string[];
  drawn?: string[];
  board?: number;
  pot?: number;
  count?: number;
  handType?: string;
};

export type MyHandDetail = MyHandSummary & { actions: HandActionView[] };

/**
 * The caller's hand index in a stored hand, or -1 when they did not play it.
 * `playerIds` are in hand order, the same order as the engine's arrays.
 */
export function playerIndexOf(record: HandRecord, playerId: string): number {
  return record.playerIds.indexOf(playerId);
}

function cardsOf(cards: readonly (Card | null)[]): string[] {
  return cards.map((card) => (card === null ? HIDDEN_CARD : formatCard(card)));
}

function hidden(count: number): string[] {
  return new Array<string>(count).fill(HIDDEN_CARD);
}

/** Table seats by hand index; hands without recorded seats use their indexes. */
function seatFinder(state: HandState): (player: number) => number {
  return (player) => state.config.seats?.[player] ?? player;
}

/**
 * A stored hand as `viewer` (a hand index) may see it. Built from scratch out
 * of the hand state, so the deck, burned cards and unshown hands never reach it.
 */
export function myHandSummary(record: HandRecord, viewer: number): MyHandSummary {
  const state = record.state as HandState;
  const seatOf = seatFinder(state);
  const folded = new Set<number>();
  const showed = new Set<number>();
  for (const op of state.log) {
    if (op.type === 'fold') folded.add(op.player);
    if (op.type === 'show') showed.add(op.player);
  }
  const net = (player: number): number => state.stacks[player] - state.config.startingStacks[player];
  const players = record.playerIds.map((playerId, player): HandPlayerView => ({
    seat: seatOf(player),
    playerId,
    cards: cardsOf(visibleHole(state, player, player === viewer ? 'owner' : 'public')),
    shown: showed.has(player),
    folded: folded.has(player),
    net: net(player),
  }));
  const boards = state.boards.map((board) => board.map(formatCard));
  return {
    handId: record.id,
    tableId: record.tableId,
    handNumber: record.handNumber,
    variant: record.variant,
    startedAt: record.startedAt.toISOString(),
    endedAt: record.endedAt.toISOString(),
    seat: seatOf(viewer),
    net: net(viewer),
    board: boards[0] ?? [],
    boards,
    holeCards: cardsOf(state.hole[viewer]),
    pot: state.pots.reduce((sum, pot) => sum + pot.amount, 0),
    rake: record.rake,
    players,
  };
}

/** The summary plus every step of the hand, redacted for `viewer`. */
export function myHandDetail(record: HandRecord, viewer: number): MyHandDetail {
  const state = record.state as HandState;
  const seatOf = seatFinder(state);
  const actions = state.log.map((op) => publicAction(op, viewer, seatOf));
  return { ...myHandSummary(record, viewer), actions };
}

function publicAction(op: Operation, viewer: number, seatOf: (player: number) => number): HandActionView {
  switch (op.type) {
    case 'dealHole':
      return {
        type: op.type, seat: seatOf(op.player),
        cards: op.player === viewer ? cardsOf(op.cards) : cardsOf(op.cards.map((card, k) => (op.up[k] ? card : null))),
      };
    case 'draw':
      return op.player === viewer
        ? { type: op.type, seat: seatOf(op.player), discarded: cardsOf(op.discarded), drawn: cardsOf(op.drawn) }
        : { type: op.type, seat: seatOf(op.player), discarded: hidden(op.discarded.length), drawn: hidden(op.drawn.length) };
    case 'dealBoard':
      return { type: op.type, board: op.board, cards: cardsOf(op.cards) };
    case 'show':
      return { type: op.type, seat: seatOf(op.player), cards: cardsOf(op.cards.map((card) => (card >= 0 ? card : null))) };
    case 'burn':
      return { type: op.type };
    case 'collect':
      return { type: op.type, amount: op.amount };
    case 'rake':
      return { type: op.type, pot: op.pot, amount: op.amount };
    case 'ante':
    case 'deadBlind':
    case 'blind':
    case 'post':
    case 'bringIn':
    case 'fold':
    case 'check':
    case 'call':
    case 'raise':
    case 'returnBet':
    case 'runouts':
    case 'muck':
    case 'award': {
      // Forced bets, betting and awards hold no cards: public as they are, with the seat for the hand index.
      const { player, ...rest } = op;
      return { ...rest, seat: seatOf(player) };
    }
    default: {
      // A new kind of operation must be placed above, deciding what of it is private; until then this fails to compile.
      const unplaced: never = op;
      throw new Error(`No public form for operation ${JSON.stringify(unplaced)}.`);
    }
  }
}
