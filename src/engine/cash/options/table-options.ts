/**
 * The options players ask for at a cash table, each off unless the table's
 * template turns it on. Plain data: a table's settings carry them, its
 * snapshot stores them, and a table without them (an older snapshot) plays
 * with every option off.
 */

/** Who may choose to straddle a hand: nobody, the player under the gun, or also the button and any other seat (Mississippi). */
export const STRADDLES = {
  none: 'none',
  utg: 'utg',
  any: 'any',
} as const;
export type Straddles = (typeof STRADDLES)[keyof typeof STRADDLES];

export type TableOptions = {
  /** Players all in with no more betting possible are asked whether to run the rest of the board twice. */
  runItTwice: boolean;
  straddles: Straddles;
  /** Seconds added to every seated player's time bank each `timeBankRefillHands` hands (0: no refill). */
  timeBankRefillSeconds: number;
  timeBankRefillHands: number;
  /** The most a time bank holds once refilled, in seconds. */
  timeBankCapSeconds: number;
  /** Every Nth hand is a bomb pot (0: never by count). */
  bombPotEvery: number;
  /** What each player antes in a bomb pot. */
  bombPotAnte: number;
  /** Seated players may vote for the next hand to be a bomb pot (a majority decides). */
  bombPotVote: boolean;
  /** Players may wait for a seat at any table of the template (`waitlist {join, anyTable}`). */
  sharedWaitlist: boolean;
};

export const NO_TABLE_OPTIONS: TableOptions = {
  runItTwice: false,
  straddles: STRADDLES.none,
  timeBankRefillSeconds: 0,
  timeBankRefillHands: 0,
  timeBankCapSeconds: 0,
  bombPotEvery: 0,
  bombPotAnte: 0,
  bombPotVote: false,
  sharedWaitlist: false,
};

export const TABLE_OPTION_FIELDS = Object.keys(NO_TABLE_OPTIONS) as (keyof TableOptions)[];

/** A table's options, every one off that its settings do not name. */
export function optionsOf(settings: { options?: Partial<TableOptions> }): TableOptions {
  return { ...NO_TABLE_OPTIONS, ...settings.options };
}

/** What the table keeps between commands for its options; absent in a snapshot taken before them. */
export type OptionState = {
  /** Player ids who voted for the next hand to be a bomb pot. */
  bombPotVotes: string[];
  /** The hand in play is a bomb pot. */
  bombPot: boolean;
};

export function emptyOptionState(): OptionState {
  return { bombPotVotes: [], bombPot: false };
}
