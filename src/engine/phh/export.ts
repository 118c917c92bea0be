import { formatPhhAction, type PhhAction } from './action.ts';
import type { PhhDocument, PhhUserValue, PhhVariant } from './document.ts';
import { OddChipRule, type HandState } from '../hand/state.ts';
import { findVariant, BettingStructure } from '../variants.ts';

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

/** The PHH action for one operation of the log, or null for dealer steps PHH leaves implicit. */
function toPhhAction(op: HandState['log'][number]): PhhAction | null {
  switch (op.type) {
    case 'dealHole':
      return { kind: 'deal_hole', player: op.player, cards: op.cards };
    case 'dealBoard':
      return { kind: 'deal_board', cards: op.cards };
    case 'fold':
      return { kind: 'fold', player: op.player };
    case 'check':
    case 'call':
      return { kind: 'check_or_call', player: op.player };
    case 'raise':
      return { kind: 'complete_bet_or_raise_to', player: op.player, amount: op.to, amountText: String(op.to) };
    case 'show':
      return { kind: 'show', player: op.player, cards: op.cards };
    case 'muck':
      return { kind: 'muck', player: op.player };
    default:
      return null;
  }
}

/**
 * Renders a hand's operation log as a PHH document. Live posts that do not
 * set the order of action become negative `blinds_or_straddles` (PHH's own
 * way to say so); dead blinds, runouts, an odd-chip rule other than PokerKit's and the rake, which PHH has
 * no field for, go in the user-defined fields `_dead_blinds`, `_runouts`, `_odd_chips` and
 * `_rake = {basis_points, cap, no_flop_no_drop}`, which `replayPhh` reads back.
 */
export function exportPhh(state: HandState, meta: PhhMetadata = {}): PhhDocument {
  const config = state.config;
  const variant = findVariant(config.variant);
  const blinds = config.blindsOrStraddles.map((blind, i) => (blind === 0 && (config.posts?.[i] ?? 0) > 0 ? -(config.posts?.[i] ?? 0) : blind));
  const userDefined: Record<string, PhhUserValue> = {};
  if (config.posts?.some((post, i) => post > 0 && config.blindsOrStraddles[i] !== 0)) userDefined._posts = [...config.posts];
  if (config.deadBlinds?.some((amount) => amount > 0)) userDefined._dead_blinds = [...config.deadBlinds];
  if (state.runouts > 1) userDefined._runouts = state.runouts;
  // PHH readers split odd chips PokerKit's way; say so when this table did otherwise.
  const oddChips = config.oddChips ?? OddChipRule.leftOfButton;
  if (oddChips !== OddChipRule.firstLeftOfButton) userDefined._odd_chips = oddChips;
  // The house's share changes the finishing stacks, so a replay must take it too.
  if (config.rake && config.rake.basisPoints > 0) {
    userDefined._rake = { basis_points: config.rake.basisPoints, cap: config.rake.cap, no_flop_no_drop: config.rake.noFlopNoDrop };
  }
  const actions: string[] = [];
  for (const op of state.log) {
    const action = toPhhAction(op);
    if (action) actions.push(formatPhhAction(action));
  }
  const doc: PhhDocument = {
    variant: config.variant as PhhVariant,
    ante_trimming_status: config.anteTrimming,
    antes: [...config.antes],
    blinds_or_straddles: blinds,
    starting_stacks: [...config.startingStacks],
    actions,
    user_defined: userDefined,
  };
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
