// What the felt draws (`Felt.tsx`): plain data, built by the live table (`felt-model.ts`) and the replayer.
import type { Flight } from './table-events.ts';

export type FeltSeat = {
  seat: number;
  name: string;
  /** Null where the stack is not known (the replayer knows only what went in). */
  stack: number | null;
  bet: number;
  status: string;
  lastAction: string;
  /** Face down as `??`; stud up cards and shown hands as their cards. */
  cards: string[];
  /** The face-up cards among `cards` are public: shown at showdown, or dealt face up. */
  shown: boolean;
  isMe: boolean;
  /** Chips won this hand, 0 for none. */
  won: number;
  /** Draw games: how many cards the player drew last (0: stood pat); null or absent before any draw. */
  drew?: number | null;
  /** Stud: which of `cards` were dealt face up (public); the rest are hole cards. */
  upCards?: string[];
};

/** A flight with an id of its own, so the same seat's next flight restarts its animation. */
export type FeltFlight = Flight & { id: number };

export type FeltClock = { seat: number; deadline: number; startedAt: number; timeBank: boolean };

export type FeltModel = {
  maxSeats: number;
  button: number;
  toAct: number;
  board: string[];
  /** Every runout when the board ran more than once; absent or empty for one board (`board`). */
  boards?: string[][];
  /** Notes about the hand in the middle of the felt (`Bomb pot`). */
  badges?: string[];
  /** Main pot first. */
  pots: number[];
  seats: (FeltSeat | undefined)[];
  /** The seat drawn at the bottom (the viewer's own), or -1. */
  bottomSeat: number;
  clock: FeltClock | null;
  phase: string;
  /** A line in the middle of the felt: the hand's result, or what the table waits for. */
  caption: string;
};
