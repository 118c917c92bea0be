import { UNKNOWN_CARD } from '../cards.ts';
import { IllegalActionError, ParseError } from '../errors.ts';
import { Hand } from '../hand/Hand.ts';
import { HandPhase, OddChipRule, type HandConfig } from '../hand/state.ts';
import { findVariant } from '../variants.ts';
import { parsePhhAction, phhActionPlayer, type PhhAction } from './action.ts';
import type { PhhDocument, PhhUserValue } from './document.ts';
import type { RakeRule } from '../rake.ts';

/** An unknown (`inf`) stack is played as this many chips: more than any real pot. */
const UNKNOWN_STACK = 1e15;

export type ReplayResult =
  | { ok: true; hand: Hand; scale: number; finishingStacks: number[]; repairs: number }
  | { ok: false; reason: string; hand?: Hand };

function decimals(value: number | string): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 || /e/i.test(text) ? 0 : text.length - dot - 1;
}

/**
 * PHH amounts may be decimal (a $0.25 blind); the engine counts whole chips.
 * Every amount is multiplied by the smallest power of ten that makes all of
 * them whole, so the replay is exact.
 */
function chipScale(doc: PhhDocument, actions: readonly PhhAction[]): number {
  let places = 0;
  const amounts: number[] = [
    ...doc.starting_stacks, ...doc.antes, ...(doc.blinds_or_straddles ?? []), ...(doc.finishing_stacks ?? []),
    doc.min_bet ?? 0, doc.small_bet ?? 0, doc.big_bet ?? 0, doc.bring_in ?? 0, rakeOf(doc.user_defined._rake, 1)?.cap ?? 0,
  ];
  for (const amount of amounts) if (Number.isFinite(amount)) places = Math.max(places, decimals(amount));
  for (const action of actions) if (action.kind === 'complete_bet_or_raise_to') places = Math.max(places, decimals(action.amountText));
  return 10 ** places;
}

function toChips(value: number, scale: number): number {
  return Number.isFinite(value) ? Math.round(value * scale) : UNKNOWN_STACK;
}

/**
 * Felt's `_rake = {basis_points, cap, no_flop_no_drop}` (PHH has no rake field;
 * a hand without it is replayed unraked, as PokerKit plays it).
 */
function rakeOf(value: PhhUserValue | undefined, scale: number): RakeRule | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('basis_points' in value)) return undefined;
  const { basis_points: basisPoints, cap, no_flop_no_drop: noFlopNoDrop } = value as Record<string, PhhUserValue>;
  if (typeof basisPoints !== 'number' || typeof cap !== 'number') return undefined;
  return { basisPoints, cap: toChips(cap, scale), noFlopNoDrop: noFlopNoDrop === true };
}

/** The engine configuration a PHH document describes (PokerKit's rules; Felt's `_rake` when present). */
export function configFromPhh(doc: PhhDocument, scale = 1): HandConfig {
  const chips = (values: readonly number[]): number[] => values.map((value) => toChips(value, scale));
  const amount = (value: number | undefined): number | undefined => (value === undefined ? undefined : toChips(value, scale));
  const extra = (name: string): number[] | undefined => {
    const value = doc.user_defined[name];
    return Array.isArray(value) && value.every((v) => typeof v === 'number') ? chips(value as number[]) : undefined;
  };
  const runouts = doc.user_defined._runouts;
  const rake = rakeOf(doc.user_defined._rake, scale);
  return {
    variant: doc.variant,
    startingStacks: chips(doc.starting_stacks),
    antes: chips(doc.antes),
    blindsOrStraddles: chips(doc.blinds_or_straddles ?? doc.starting_stacks.map(() => 0)),
    anteTrimming: doc.ante_trimming_status ?? false,
    minBet: amount(doc.min_bet),
    smallBet: amount(doc.small_bet),
    bigBet: amount(doc.big_bet),
    bringIn: amount(doc.bring_in),
    oddChips: doc.user_defined._odd_chips === OddChipRule.leftOfButton ? OddChipRule.leftOfButton : OddChipRule.firstLeftOfButton,
    ...(extra('_dead_blinds') ? { deadBlinds: extra('_dead_blinds') } : {}),
    ...(extra('_posts') ? { posts: extra('_posts') } : {}),
    ...(typeof runouts === 'number' && runouts > 1 ? { maxRunouts: runouts } : {}),
    ...(doc.user_defined._open_pair_big_bet === true ? { openPairBigBet: true } : {}),
    ...(rake ? { rake } : {}),
  };
}

function apply(hand: Hand, action: PhhAction, scale: number): void {
  switch (action.kind) {
    case 'deal_hole':
      hand.dealHole(action.player, action.cards);
      return;
    case 'deal_board':
      hand.dealBoard(action.cards);
      return;
    case 'post_bring_in':
      hand.bringIn(action.player);
      return;
    case 'stand_pat_or_discard':
      hand.draw(action.player, action.cards);
      return;
    case 'fold':
      hand.fold(action.player);
      return;
    case 'check_or_call':
      hand.checkOrCall(action.player);
      return;
    case 'complete_bet_or_raise_to':
      hand.raiseTo(action.player, Math.round(action.amount * scale));
      return;
    case 'show':
      if (keepsFaceDown(hand, action)) return;
      hand.show(action.player, action.cards ?? undefined);
      return;
    case 'muck':
      hand.muck(action.player);
      return;
    case 'no_op':
      return;
  }
}

/**
 * `pN sm ????` before an all-in runout: the player is asked to show and keeps
 * the cards face down (PokerKit asks again before each street, and at the
 * showdown). The engine simply waits for the showdown, so this changes nothing.
 */
function keepsFaceDown(hand: Hand, action: Extract<PhhAction, { kind: 'show' }>): boolean {
  const s = hand.state;
  const waiting = s.phase !== HandPhase.showdown && s.phase !== HandPhase.complete && s.allIn;
  return waiting && action.cards !== null && action.cards.every((card) => card === UNKNOWN_CARD) && s.active[action.player] === true;
}

/**
 * Deals unseen hole cards to players the history leaves out, as PokerKit
 * does before the next action when that action cannot come first. Draws come
 * before their replacements, so nothing is owed while a player still draws;
 * after an all-in, PokerKit's showdown comes before the next street's cards,
 * so a show or a muck comes first too.
 */
function dealMissingHoleCards(hand: Hand, next: PhhAction | undefined): void {
  const s = hand.state;
  if (s.phase !== HandPhase.dealing || next?.kind === 'deal_hole' || hand.drawer >= 0) return;
  if (s.allIn && (next?.kind === 'show' || next?.kind === 'muck')) return;
  for (let player = 0; player < hand.playerCount; player++) {
    const owed = s.pendingHole[player];
    if (owed > 0) hand.dealHole(player, new Array<number>(owed).fill(UNKNOWN_CARD));
  }
}

/**
 * Some real histories leave out a check or a fold (a site's log skips a
 * player who timed out). PokerKit's reader repairs them by checking for the
 * player to act when nothing is owed, folding otherwise, until the recorded
 * action fits; so does this replay, and it counts the repairs.
 */
function insertMissingActions(hand: Hand, next: PhhAction): number {
  if (next.kind === 'deal_hole' || next.kind === 'no_op') return 0;
  const player = phhActionPlayer(next);
  let repairs = 0;
  while (hand.actor >= 0 && hand.actor !== player && hand.playerCount > repairs) {
    const actor = hand.actor;
    if (hand.canCheck(actor)) hand.check(actor);
    else hand.fold(actor);
    repairs++;
  }
  return repairs;
}

/** Felt's own histories record a board run more than once (`_runouts`): everyone asked for it. */
function agreeRunouts(hand: Hand): void {
  const s = hand.state;
  if (s.phase !== HandPhase.runoutVote) return;
  const count = s.config.maxRunouts ?? 1;
  for (let player = 0; player < hand.playerCount; player++) {
    if (s.active[player] && s.runoutVotes[player] === null) hand.chooseRunouts(player, count);
  }
}

/** At the end of a history with no showdown actions, hands whose cards are known are shown. */
function finishShowdown(hand: Hand): void {
  const s = hand.state;
  while (s.phase === HandPhase.showdown && s.showdownQueue.length > 0) {
    const player = s.showdownQueue[0];
    if (s.hole[player].includes(UNKNOWN_CARD)) hand.muck(player);
    else hand.show(player);
  }
}

/**
 * Replays a PHH hand on the engine: every recorded action must be legal in
 * order. Returns the hand and its finishing stacks in the document's units,
 * or the reason the history does not replay.
 */
export function replayPhh(doc: PhhDocument): ReplayResult {
  if (!findVariant(doc.variant)) return { ok: false, reason: `variant ${doc.variant} is not supported yet` };
  let actions: PhhAction[];
  try {
    actions = doc.actions.map(parsePhhAction);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const scale = chipScale(doc, actions);
  let hand: Hand;
  try {
    hand = Hand.start(configFromPhh(doc, scale), { deck: null });
  } catch (error) {
    return { ok: false, reason: `the hand cannot start: ${(error as Error).message}` };
  }
  let repairs = 0;
  for (let i = 0; i < actions.length; i++) {
    try {
      agreeRunouts(hand);
      dealMissingHoleCards(hand, actions[i]);
      repairs += insertMissingActions(hand, actions[i]);
      apply(hand, actions[i], scale);
    } catch (error) {
      if (!(error instanceof IllegalActionError || error instanceof ParseError)) throw error;
      return { ok: false, reason: `action ${i + 1} "${doc.actions[i]}": ${error.message}`, hand };
    }
  }
  try {
    agreeRunouts(hand);
    finishShowdown(hand);
  } catch (error) {
    if (!(error instanceof IllegalActionError)) throw error;
    return { ok: false, reason: `the showdown cannot finish: ${error.message}`, hand };
  }
  if (!hand.isComplete) {
    return { ok: false, reason: `the actions end before the hand does (it is at ${hand.streetName}, ${hand.phase})`, hand };
  }
  const finishingStacks = hand.state.stacks.map((stack, i) =>
    Number.isFinite(doc.starting_stacks[i]) ? stack / scale : Number.POSITIVE_INFINITY);
  return { ok: true, hand, scale, finishingStacks, repairs };
}

export type VerifyOutcome = { ok: true; repairs: number } | { ok: false; reason: string };

/** Replays a hand and compares its finishing stacks with the recorded ones, when there are any. */
export function verifyPhh(doc: PhhDocument): VerifyOutcome {
  const result = replayPhh(doc);
  if (!result.ok) return result;
  const expected = doc.finishing_stacks;
  const passed = { ok: true as const, repairs: result.repairs };
  if (!expected) return passed;
  if (expected.length !== result.finishingStacks.length) {
    return { ok: false, reason: `finishing_stacks has ${expected.length} entries for ${result.finishingStacks.length} players` };
  }
  const wrong: string[] = [];
  expected.forEach((stack, i) => {
    const actual = result.finishingStacks[i];
    if (Number.isFinite(stack) && Math.round(stack * result.scale) !== Math.round(actual * result.scale)) {
      wrong.push(`p${i + 1} finished with ${actual}, recorded ${stack}`);
    }
  });
  return wrong.length === 0 ? passed : { ok: false, reason: `stacks differ: ${wrong.join('; ')}` };
}
