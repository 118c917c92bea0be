import type { HandPlan } from '../../table/lineup.ts';
import { boardSize } from '../../hand/dealing.ts';
import { upcomingGame } from '../../table/rotation.ts';
import { findVariant, usesBringIn } from '../../variants.ts';
import { illegal, requireSeat, seatedCount, touch, type CashContext } from '../table-context.ts';
import { optionState, tableOptions } from './option-context.ts';

/**
 * Bomb pots: every `bombPotEvery`th hand, or the next hand once a majority
 * of the seated players has voted for one, every player dealt in antes
 * `bombPotAnte`, nobody posts a blind, and the preflop round is checked
 * through: the hand goes straight to the flop. Flop games only.
 */

export function verifyBombPotVote(t: CashContext, playerId: string, vote: boolean): void {
  if (!tableOptions(t).bombPotVote) illegal('bomb_pot_vote_off', 'This table does not vote on bomb pots.');
  requireSeat(t, playerId);
  const voted = optionState(t).bombPotVotes.includes(playerId);
  if (vote && voted) illegal('already_voted', 'You have already voted for a bomb pot.');
  if (!vote && !voted) illegal('not_voted', 'You have not voted for a bomb pot.');
}

/** Votes for the next hand to be a bomb pot (`vote: true`), or takes the vote back. */
export function voteBombPot(t: CashContext, playerId: string, vote: boolean): void {
  verifyBombPotVote(t, playerId, vote);
  const state = optionState(t);
  state.bombPotVotes = vote ? [...state.bombPotVotes, playerId] : state.bombPotVotes.filter((id) => id !== playerId);
  touch(t);
}

/** Votes of players still seated: a player who left takes their vote along. */
export function bombPotVotes(t: CashContext): number {
  const seated = new Set(t.state.info.map((info) => info?.playerId));
  return (t.state.options?.bombPotVotes ?? []).filter((id) => seated.has(id)).length;
}

/** Whether the next hand (number `handNumber + 1`) is a bomb pot. */
export function bombPotDue(t: CashContext): boolean {
  const options = tableOptions(t);
  // At a mixed-game table, the game the next hand is dealt: only a flop game's hand is a bomb pot.
  const variant = findVariant(upcomingGame(t.state).variant);
  if (options.bombPotAnte <= 0 || !variant || usesBringIn(variant) || boardSize(variant) === 0) return false;
  const next = t.state.handNumber + 1;
  if (options.bombPotEvery > 0 && next % options.bombPotEvery === 0) return true;
  return options.bombPotVote && bombPotVotes(t) * 2 > seatedCount(t);
}

/** The plan of a bomb pot: the same players, each anteing `ante`, no blinds and no posts. */
export function bombPotPlan(plan: HandPlan, ante: number): HandPlan {
  const zeros = plan.seats.map(() => 0);
  return { ...plan, antes: plan.seats.map(() => ante), blindsOrStraddles: zeros, deadBlinds: [...zeros], posts: [...zeros] };
}
