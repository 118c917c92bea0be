import { illegal, type HandContext } from './context.ts';
import { boardSize } from './dealing.ts';
import type { Operation } from './operations.ts';
import { HandPhase, type HandState } from './state.ts';

/**
 * Running an all-in board more than once: when the table allows it, the
 * players still in vote, and the board runs as often as they all asked
 * (once unless they agree).
 */

/** Whether the players may still choose to run the rest of the board more than once. */
export function mayRunMoreThanOnce(ctx: HandContext): boolean {
  const s = ctx.state;
  const undecided = s.runouts === 1 && !s.runoutVotes.some((vote) => vote !== null);
  return undecided && (s.config.maxRunouts ?? 1) > 1 && s.boards[0].length < boardSize(ctx.variant);
}

/** Opens the vote: every player still in has a choice to make. */
export function openRunoutVote(s: HandState): void {
  for (let i = 0; i < s.stacks.length; i++) s.runoutVotes[i] = s.active[i] ? null : 0;
}

export function verifyChooseRunouts(s: HandState, player: number, count: number): void {
  if (s.phase !== HandPhase.runoutVote) illegal('no_runout_vote', 'There is no choice of runouts now.');
  if (!(player >= 0 && player < s.stacks.length) || !s.active[player]) illegal('not_in_hand', 'Only players in the hand choose runouts.');
  if (s.runoutVotes[player] !== null) illegal('already_chosen', 'You have already chosen how many times to run it.');
  const max = s.config.maxRunouts ?? 1;
  if (!Number.isSafeInteger(count) || count < 1 || count > max) illegal('bad_runouts', `Choose to run it between 1 and ${max} times.`);
}

export function chooseRunouts(s: HandState, player: number, count: number): Operation {
  s.runoutVotes[player] = count;
  const op: Operation = { type: 'runouts', player, count };
  s.log.push(op);
  return op;
}

/** Every player still in has voted. */
export function runoutVoteDone(s: HandState): boolean {
  return s.runoutVotes.every((vote, i) => !s.active[i] || vote !== null);
}

/** Settles the vote: the boards to run, each starting from the cards dealt so far. */
export function settleRunouts(s: HandState): void {
  const votes = s.runoutVotes.filter((_, i) => s.active[i]) as number[];
  const agreed = votes.every((vote) => vote === votes[0]) ? votes[0] : 1;
  s.runouts = agreed;
  s.sharedBoard = s.boards[0].length;
  for (let b = 1; b < agreed; b++) s.boards.push([...s.boards[0]]);
}
