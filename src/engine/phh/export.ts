import { phhActions } from './export-actions.ts';
import { phhForcedBets } from './export-forced-bets.ts';
import type { PhhDocument, PhhUserValue, PhhVariant } from './document.ts';
import { OddChipRule, type HandState } from '../hand/state.ts';
import { findVariant, BettingStructure, usesBringIn } from '../variants.ts';

/** What a hand history says besides the play itself; all optional. */
export type PhhMetadata = {
  players?: string[];
  hand?: string | number;
  table?: string | number;
  seatCount?: number;
  event?: string;
  currency?: string;
  /** When the hand started. */
  startedAt?: Date;
};

/**
 * Renders a hand's operation log as a PHH document that any PHH reader
 * (PokerKit's included) replays to the same finishing stacks: shows of an
 * all-in hand come before its runout (`phhActions`), and dead blinds are
 * entries of `antes` (`phhForcedBets`). What PHH has no field for goes in
 * user-defined fields, which `replayPhh` reads back: `_rake =
 * {basis_points, cap, no_flop_no_drop}`, `_odd_chips` (a split other than
 * PokerKit's), `_runouts` (a board run more than once), `_posts` (a live
 * post by a player who also has a blind) and `_open_pair_big_bet` (stud's
 * open-pair option, which PokerKit does not know).
 */
export function exportPhh(state: HandState, meta: PhhMetadata = {}): PhhDocument {
  const config = state.config;
  const variant = findVariant(config.variant);
  const forced = phhForcedBets(state);
  const userDefined: Record<string, PhhUserValue> = { ...forced.userDefined };
  if (state.runouts > 1) userDefined._runouts = state.runouts;
  // PHH readers split odd chips PokerKit's way; say so when this table did otherwise.
  const oddChips = config.oddChips ?? OddChipRule.leftOfButton;
  if (oddChips !== OddChipRule.firstLeftOfButton) userDefined._odd_chips = oddChips;
  // The house's share changes the finishing stacks, so a replay must take it too.
  if (config.rake && config.rake.basisPoints > 0) {
    userDefined._rake = { basis_points: config.rake.basisPoints, cap: config.rake.cap, no_flop_no_drop: config.rake.noFlopNoDrop };
  }
  const stud = variant !== undefined && usesBringIn(variant);
  const doc: PhhDocument = {
    variant: config.variant as PhhVariant,
    ante_trimming_status: forced.anteTrimming,
    antes: forced.antes,
    // Stud has a bring-in instead of blinds; PHH forbids the field there.
    ...(stud ? { bring_in: config.bringIn ?? 0 } : { blinds_or_straddles: forced.blindsOrStraddles }),
    starting_stacks: [...config.startingStacks],
    actions: phhActions(state),
    user_defined: userDefined,
  };
  if (config.openPairBigBet && stud) userDefined._open_pair_big_bet = true;
  if (variant?.betting === BettingStructure.fixedLimit) {
    doc.small_bet = config.smallBet;
    doc.big_bet = config.bigBet;
  } else doc.min_bet = config.minBet;
  if (meta.event !== undefined) doc.event = meta.event;
  if (meta.startedAt) {
    doc.day = meta.startedAt.getUTCDate();
    doc.month = meta.startedAt.getUTCMonth() + 1;
    doc.year = meta.startedAt.getUTCFullYear();
    doc.time_zone = 'UTC';
  }
  if (meta.hand !== undefined) doc.hand = meta.hand;
  if (config.seats) doc.seats = config.seats.map((seat) => seat + 1);
  if (meta.seatCount !== undefined) doc.seat_count = meta.seatCount;
  if (meta.table !== undefined) doc.table = meta.table;
  if (meta.players) doc.players = [...meta.players];
  if (state.phase === 'complete') {
    doc.finishing_stacks = [...state.stacks];
  }
  if (meta.currency !== undefined) doc.currency = meta.currency;
  return doc;
}
