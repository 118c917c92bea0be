/**
 * One occupied seat of a cash table between hands. The flags record what the
 * player owes before they may be dealt in again (see `lineup.ts`).
 */
export type TableSeat = {
  playerId: string;
  stack: number;
  sittingOut: boolean;
  /** The small blind position passed this seat while the player could not be dealt in. */
  missedSmallBlind: boolean;
  /** The big blind passed this seat while the player could not be dealt in. */
  missedBigBlind: boolean;
  /** joined and has not yet posted or reached the big blind */
  isNew: boolean;
  /** will post a big blind to play at once rather than wait for it */
  willPost: boolean;
};

/**
 * A cash table between hands, as plain JSON-safe data. Seat numbers run
 * clockwise from 0 to maxSeats - 1; a position is -1 before the first hand.
 * `smallBlindSeat` is the small blind *position* of the last hand, kept even
 * when that small blind was dead, because the button moves onto it next.
 */
export type TableState = {
  maxSeats: number;
  seats: (TableSeat | null)[];
  button: number;
  smallBlindSeat: number;
  bigBlindSeat: number;
  handsPlayed: number;
};

/**
 * The forced bets of a cash table, in chips. `ante` is what each dealt-in
 * player posts, or with `bigBlindAnte` the whole ante the big blind posts for
 * the table. `straddle`, when above zero, is a live straddle left of the big
 * blind. Stud has no blinds (both 0): every player antes and the lowest up
 * card (razz: the highest) posts `bringIn`.
 */
export type Stakes = {
  smallBlind: number;
  bigBlind: number;
  ante: number;
  bigBlindAnte?: boolean;
  straddle?: number;
  bringIn?: number;
};
