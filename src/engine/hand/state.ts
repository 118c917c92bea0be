import type { Card } from '../cards.ts';
import type { DeckState } from '../deck.ts';
import type { Operation } from './operations.ts';
import type { RakeRule } from '../rake.ts';

/** How leftover chips of a split pot are handed out. */
export const OddChipRule = {
  /** One chip at a time to the winners in seat order starting left of the button. */
  leftOfButton: 'leftOfButton',
  /**
   * All leftover chips to the first winner left of the button: PokerKit's
   * rule, and with it PokerKit's way of awarding a showdown (see `award.ts`),
   * which a replay of a PokerKit history follows.
   */
  firstLeftOfButton: 'firstLeftOfButton',
} as const;
export type OddChipRule = (typeof OddChipRule)[keyof typeof OddChipRule];

/**
 * Everything that defines a hand before the first card: the variant, who is
 * in it (in hand order: left of the button first, button last), their stacks
 * and forced bets. Per-player arrays all have one entry per player.
 */
export type HandConfig = {
  variant: string;
  startingStacks: number[];
  antes: number[];
  /** Blinds and straddles, in PHH's sense: their size and order set who acts first preflop. */
  blindsOrStraddles: number[];
  /** Dead money posted with the antes, e.g. a missed small blind. Never returned, never a bet. */
  deadBlinds?: number[];
  /** Live posts that do not change the order of action (a new player's or a returning player's big blind). */
  posts?: number[];
  /** True: antes count as contributions for side pots and an uncalled ante excess is returned. */
  anteTrimming: boolean;
  /** No- and pot-limit: the smallest bet. */
  minBet?: number;
  smallBet?: number;
  bigBet?: number;
  /** Stud: the forced bet of the lowest up card (razz: highest), less than the small bet; 0 or absent for none. */
  bringIn?: number;
  /** Stud: an open pair on fourth street lets any bet or raise there be the big bet (off by default, as in PokerKit). */
  openPairBigBet?: boolean;
  rake?: RakeRule;
  oddChips?: OddChipRule;
  /** Cash tables may run an all-in board more than once when every player asks for it. */
  maxRunouts?: number;
  /** Table seat number of each player, kept for histories and clients. */
  seats?: number[];
};

export const HandPhase = {
  dealing: 'dealing',
  betting: 'betting',
  runoutVote: 'runoutVote',
  showdown: 'showdown',
  complete: 'complete',
} as const;
export type HandPhase = (typeof HandPhase)[keyof typeof HandPhase];

export type Pot = { amount: number; eligible: number[]; rake: number };

/** The whole hand as plain data: JSON.stringify / JSON.parse restore it exactly. */
export type HandState = {
  config: HandConfig;
  phase: HandPhase;
  /** Index into the variant's streets; -1 before the first street. */
  street: number;
  stacks: number[];
  /** Chips put forward on the current street, not yet collected. */
  bets: number[];
  /** Chips collected into the pot from each player (live money only). */
  contributed: number[];
  /** Dead money in the main pot: untrimmed antes and dead blinds. */
  dead: number;
  active: boolean[];
  hole: Card[][];
  holeUp: boolean[][];
  /** Cards shown at showdown, per player (empty until shown). */
  shown: boolean[];
  boards: Card[][];
  /** Board cards that every runout shares (dealt before the all-in). */
  sharedBoard: number;
  deck: DeckState | null;
  burned: Card[];
  /** Players still owed hole cards this street, with how many. */
  pendingHole: number[];
  pendingBoard: number;
  pendingBurn: boolean;
  /** Players still to discard and draw this street (in hand order, the first one's turn). */
  pendingDraw: boolean[];
  /** Players still to act this betting round, in order. */
  actors: number[];
  acted: boolean[];
  opener: number;
  /** The largest full bet or raise increment this street. */
  raiseSize: number;
  raiseCount: number;
  /** Increments of consecutive all-in raises; together they may make a full raise. */
  allInRaises: number[];
  /** The player to act must post the bring-in or complete: stud's first street, before anyone has. */
  bringInPending: boolean;
  /** No one has completed the bring-in yet: the first raise is to the small bet itself. */
  completionPending: boolean;
  /** No more betting is possible: the board runs out. */
  allIn: boolean;
  runoutVotes: (number | null)[];
  runouts: number;
  showdownQueue: number[];
  pots: Pot[];
  winnings: number[];
  log: Operation[];
};
