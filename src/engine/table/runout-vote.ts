import { IllegalActionError } from '../errors.ts';
import type { Hand } from '../hand/Hand.ts';
import { HandPhase } from '../hand/state.ts';
import type { DealerState } from './dealer-state.ts';

/**
 * Asking the players all in whether to run the board twice. The hand opens
 * the vote by itself when its table allows more than one runout
 * (`maxRunouts`); the dealer then puts the question on the clock (one
 * `actionMs` for everyone), takes each answer, and when the clock runs out
 * counts every missing answer as no. One no settles it: the board runs once.
 */

function illegal(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

/** The hand in play waits for the players' answers. */
export function isAsking(hand: Hand | null): boolean {
  return hand !== null && hand.phase === HandPhase.runoutVote;
}

/** The table asks its players rather than running the board once by itself. */
export function asksRunouts(s: DealerState): boolean {
  return s.settings.maxRunouts > 1;
}

/** Whether `player` (a hand index) is being asked and has not answered. */
export function isAsked(hand: Hand | null, player: number): boolean {
  return isAsking(hand) && player >= 0 && (hand as Hand).state.active[player] && (hand as Hand).state.runoutVotes[player] === null;
}

export function verifyRunoutAnswer(hand: Hand | null, player: number): void {
  if (!isAsking(hand)) illegal('no_run_it_twice_ask', 'Nobody is being asked to run it twice now.');
  const s = (hand as Hand).state;
  if (player < 0 || !s.active[player]) illegal('not_in_hand', 'Only the players still in the hand are asked.');
  if (s.runoutVotes[player] !== null) illegal('already_answered', 'You have already answered whether to run it twice.');
}

/** Takes a player's answer; a no answers for everyone still undecided, so the board runs once at once. */
export function answerRunouts(hand: Hand, player: number, agree: boolean): void {
  verifyRunoutAnswer(hand, player);
  hand.chooseRunouts(player, agree ? 2 : 1);
  if (!agree) closeVote(hand);
}

/** Every answer still missing is no. */
export function closeVote(hand: Hand): void {
  const s = hand.state;
  for (let i = 0; i < s.stacks.length && hand.phase === HandPhase.runoutVote; i++) {
    if (s.active[i] && s.runoutVotes[i] === null) hand.chooseRunouts(i, 1);
  }
}

/** Puts the question on the clock once, when it is first asked: answers do not restart it. */
export function startVoteClock(s: DealerState, hand: Hand, now: number): void {
  const state = hand.state;
  const fresh = state.active.every((active, i) => !active || state.runoutVotes[i] === null);
  if (!fresh && s.actionDeadline > 0) return;
  s.usingTimeBank = false;
  s.actionStartedAt = now;
  s.actionDeadline = now + s.settings.actionMs;
}
