import type { HandState } from '../engine/hand/state.ts';
import { handFacts, type HandFacts } from './hand-facts.ts';

/**
 * Counts that the rates are made of; adding hands only adds to them.
 * `showdowns` and `wonAtShowdown` count hands that also reached the second
 * street: every variant here has more than one street, so that is all of them.
 */
export type StatsTally = {
  hands: number;
  vpipHands: number;
  pfrHands: number;
  betsAndRaises: number;
  calls: number;
  sawSecondStreet: number;
  showdowns: number;
  wonAtShowdown: number;
  netWinnings: number;
};

/**
 * A player's statistics over a set of hands. Rates are fractions from 0 to 1,
 * null when nothing could be measured (no hands, no calls, no showdowns):
 *
 * - `vpip`: hands where the player called or raised on the first betting round
 *   (preflop), over all hands. Blinds, antes, straddles, live posts and stud
 *   bring-ins are forced, so they do not count; neither does checking the big blind.
 * - `pfr`: hands where the player raised on the first betting round, over all hands.
 * - `aggressionFactor`: bets and raises over calls, on every street.
 * - `wentToShowdown` (WTSD): of the hands where the player saw the flop, the
 *   share they took to showdown. "Saw the flop" is, for any variant, "had not
 *   folded when the hand reached its second street": the flop in hold'em and
 *   Omaha, fourth street in stud, the first draw in draw games; so a hand won
 *   before it had a second street never counts. "Went to showdown" is: the
 *   hand ended with at least two players who had not folded, the player among
 *   them (an all-in runout counts; mucking a beaten hand at showdown still counts).
 * - `wonAtShowdown` (W$SD): of the hands taken to showdown, those where the
 *   player was awarded chips from any pot (a split or a side pot counts).
 * - `netWinnings`: chips won minus chips put in over all hands, after rake.
 */
export type PlayerStats = {
  hands: number;
  vpip: number | null;
  pfr: number | null;
  aggressionFactor: number | null;
  wentToShowdown: number | null;
  wonAtShowdown: number | null;
  netWinnings: number;
  counts: StatsTally;
};

/** Statistics over all hands and per variant code. */
export type PlayerStatsReport = { overall: PlayerStats; byVariant: Record<string, PlayerStats> };

export function emptyTally(): StatsTally {
  return { hands: 0, vpipHands: 0, pfrHands: 0, betsAndRaises: 0, calls: 0, sawSecondStreet: 0, showdowns: 0, wonAtShowdown: 0, netWinnings: 0 };
}

/** Adds one hand's facts to a tally (in place). */
export function addFacts(tally: StatsTally, facts: HandFacts): void {
  tally.hands += 1;
  if (facts.vpip) tally.vpipHands += 1;
  if (facts.pfr) tally.pfrHands += 1;
  tally.betsAndRaises += facts.betsAndRaises;
  tally.calls += facts.calls;
  if (facts.sawSecondStreet) {
    tally.sawSecondStreet += 1;
    if (facts.wentToShowdown) tally.showdowns += 1;
    if (facts.wonAtShowdown) tally.wonAtShowdown += 1;
  }
  tally.netWinnings += facts.net;
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The rates of a tally (see `PlayerStats`). */
export function statsOf(tally: StatsTally): PlayerStats {
  return {
    hands: tally.hands,
    vpip: ratio(tally.vpipHands, tally.hands),
    pfr: ratio(tally.pfrHands, tally.hands),
    aggressionFactor: ratio(tally.betsAndRaises, tally.calls),
    wentToShowdown: ratio(tally.showdowns, tally.sawSecondStreet),
    wonAtShowdown: ratio(tally.wonAtShowdown, tally.showdowns),
    netWinnings: tally.netWinnings,
    counts: { ...tally },
  };
}

/** Collects hands one at a time (or page by page) into overall and per-variant tallies. */
export class PlayerStatsTally {
  private readonly overall = emptyTally();
  private readonly variants = new Map<string, StatsTally>();

  /** Adds a finished hand where the player sat at hand index `player`. */
  add(variant: string, state: HandState, player: number): void {
    const facts = handFacts(state, player);
    addFacts(this.overall, facts);
    let tally = this.variants.get(variant);
    if (!tally) {
      tally = emptyTally();
      this.variants.set(variant, tally);
    }
    addFacts(tally, facts);
  }

  get hands(): number {
    return this.overall.hands;
  }

  report(): PlayerStatsReport {
    const byVariant: Record<string, PlayerStats> = {};
    for (const variant of [...this.variants.keys()].sort()) byVariant[variant] = statsOf(this.variants.get(variant) as StatsTally);
    return { overall: statsOf(this.overall), byVariant };
  }
}
