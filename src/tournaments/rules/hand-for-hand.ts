/**
 * Hand-for-hand play on the bubble.
 *
 * It is on while the next player out finishes on the bubble — one more
 * player in than places paid — and more than one table is playing (one
 * table deals one hand at a time anyway). It is played in rounds:
 *
 * - **Round 0**: when hand-for-hand begins, the tables with a hand in play
 *   finish it; no table deals until they all have.
 * - **Rounds 1, 2, …**: every open table deals one hand; a table whose hand
 *   is over waits until every table's hand of the round is over.
 *
 * Players out in the same round, at any of its tables, are placed together
 * by their stacks at the start of their hands (`placeEliminations`), equal
 * stacks sharing the places' prizes: nobody is placed higher because their
 * table was slower. Balance the tables once a round is complete, not during
 * it, so nobody plays two hands of one round; start the next round with the
 * tables open then, if hand-for-hand is still on.
 */
import { IllegalActionError } from '../../engine/errors.ts';
import { placeEliminations, type Bust, type Placement } from './placing.ts';

export type HandForHandRound = {
  /** 0 while the hands in play when it began finish; then 1, 2, … */
  round: number;
  /** Players in when the round began. */
  remaining: number;
  /** The tables taking part in the round. */
  tables: number[];
  /** Tables that have dealt their hand of this round. */
  dealt: number[];
  /** Tables whose hand of this round is over. */
  finished: number[];
  /** Players out in this round so far, by table. */
  busts: { table: number; players: Bust[] }[];
};

function refuse(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

/** Whether the next player out finishes on the bubble, just outside the money. */
export function bubbleIsNext(remaining: number, placesPaid: number): boolean {
  return remaining === placesPaid + 1;
}

/** Whether hand-for-hand is on: the bubble is next and two or more tables are open. */
export function handForHandActive(remaining: number, placesPaid: number, openTables: number): boolean {
  return openTables >= 2 && bubbleIsNext(remaining, placesPaid);
}

/**
 * The first round when hand-for-hand begins with `remaining` players in:
 * round 0 made of the tables with a hand in play, or round 1 of every table
 * when none has.
 */
export function beginHandForHand(tables: readonly { table: number; handInPlay: boolean }[], remaining: number): HandForHandRound {
  const inPlay = tables.filter((t) => t.handInPlay).map((t) => t.table);
  if (inPlay.length > 0) return { round: 0, remaining, tables: inPlay, dealt: inPlay, finished: [], busts: [] };
  return { round: 1, remaining, tables: tables.map((t) => t.table), dealt: [], finished: [], busts: [] };
}

/** Whether `table` may deal now: it takes part in the round (not round 0) and has not dealt its hand of it. */
export function mayDealHandForHand(state: HandForHandRound, table: number): boolean {
  return state.round > 0 && state.tables.includes(table) && !state.dealt.includes(table);
}

/** Refuses (`hand_for_hand_wait`) a deal that must wait for the other tables. */
export function verifyDealHandForHand(state: HandForHandRound, table: number): void {
  if (!mayDealHandForHand(state, table)) {
    refuse('hand_for_hand_wait', `Hand-for-hand: table ${table} waits until every table has finished round ${state.round}.`);
  }
}

/** The round once `table` has dealt its hand of it. */
export function recordHandForHandDeal(state: HandForHandRound, table: number): HandForHandRound {
  verifyDealHandForHand(state, table);
  return { ...state, dealt: [...state.dealt, table] };
}

/**
 * The round once `table`'s hand of it is over, with the players it knocked
 * out. Refuses a table that has no hand of this round in play.
 */
export function recordHandForHandEnd(state: HandForHandRound, table: number, busts: readonly Bust[]): HandForHandRound {
  if (!state.dealt.includes(table) || state.finished.includes(table)) {
    refuse('bad_round', `Table ${table} has no hand of hand-for-hand round ${state.round} in play.`);
  }
  return { ...state, finished: [...state.finished, table], busts: [...state.busts, { table, players: [...busts] }] };
}

/** Whether every table of the round has finished its hand. */
export function roundComplete(state: HandForHandRound): boolean {
  return state.tables.every((t) => state.finished.includes(t));
}

/**
 * The places and prizes of the round's players out, placed together (see
 * `placeEliminations`). Equal stacks' left-over units go by table number,
 * then in each table's order, so which hand ended first changes nothing.
 */
export function placeRound(state: HandForHandRound, prizes: readonly number[]): Placement[] {
  if (!roundComplete(state)) refuse('round_in_play', `Hand-for-hand round ${state.round} is not over yet.`);
  const busts = [...state.busts].sort((a, b) => a.table - b.table).flatMap((b) => b.players);
  return placeEliminations(busts, state.remaining, prizes);
}

/**
 * The next round, once this one is complete: every table in `openTables`
 * deals one hand, `remaining` players in. Whether there is a next round at
 * all is `handForHandActive`'s to say.
 */
export function nextRound(state: HandForHandRound, openTables: readonly number[], remaining: number): HandForHandRound {
  if (!roundComplete(state)) refuse('round_in_play', `Hand-for-hand round ${state.round} is not over yet.`);
  return { round: state.round + 1, remaining, tables: [...openTables], dealt: [], finished: [], busts: [] };
}
