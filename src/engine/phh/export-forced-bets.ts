import type { PhhUserValue } from './document.ts';
import type { HandState } from '../hand/state.ts';

/** A hand's forced bets in PHH's terms. */
export type PhhForcedBets = {
  antes: number[];
  anteTrimming: boolean;
  blindsOrStraddles: number[];
  /** `_posts`, and `_dead_blinds` in the one case `antes` cannot hold them (see `phhForcedBets`). */
  userDefined: Record<string, PhhUserValue>;
};

/** Heads-up, PHH (and the engine) read antes and blinds in posting order, players in seat order. */
function slotOf(player: number, playerCount: number): number {
  return playerCount === 2 ? 1 - player : player;
}

/**
 * Whether trimmed antes may be read as dead money without changing any pot:
 * true when every player posted the same ante. Then the bottom layer of the
 * trimmed pots, everyone's ante, is open to every player still in, exactly
 * as dead money is (a layer of its own at level 0 when someone put in no
 * live chips, a player all-in for the ante among them; see `computePots`),
 * and no uncalled ante comes back. A player all-in for part of the ante
 * makes the antes unequal.
 */
function trimmedAntesActAsDead(state: HandState): boolean {
  const posted = new Array<number>(state.stacks.length).fill(0);
  for (const op of state.log) if (op.type === 'ante') posted[op.player] += op.amount;
  return posted.every((amount) => amount === posted[0]);
}

/**
 * The antes, blinds and posts of a hand as PHH writes them.
 *
 * A live post that does not set the order of action (a new or returning
 * player's big blind) is a negative entry of `blinds_or_straddles`, PHH's own
 * way to say so; a post by a player who also has a blind goes in `_posts`.
 *
 * A dead blind is money in the pot that is not a bet, which is what an
 * untrimmed ante is: it is added to that player's entry of `antes`, with
 * `ante_trimming_status = false`, so that any PHH reader gets the stacks
 * right. That is exact when the hand's own antes were already dead money, or
 * were trimmed but act as dead money (`trimmedAntesActAsDead`). Otherwise
 * (trimmed antes of different sizes, as when a player is all-in for part of
 * the ante) PHH cannot say both at once, and the dead blinds stay in `_dead_blinds`.
 */
export function phhForcedBets(state: HandState): PhhForcedBets {
  const config = state.config;
  const n = config.startingStacks.length;
  const posts = config.posts ?? new Array<number>(n).fill(0);
  const deadBlinds = config.deadBlinds ?? new Array<number>(n).fill(0);
  const userDefined: Record<string, PhhUserValue> = {};
  const blindsOrStraddles = config.blindsOrStraddles.map((blind, i) => (blind === 0 && posts[i] > 0 ? -posts[i] : blind));
  if (posts.some((post, i) => post > 0 && config.blindsOrStraddles[i] !== 0)) userDefined._posts = [...posts];

  const antes = [...config.antes];
  if (!deadBlinds.some((amount) => amount > 0)) return { antes, anteTrimming: config.anteTrimming, blindsOrStraddles, userDefined };
  if (config.anteTrimming && !trimmedAntesActAsDead(state)) {
    userDefined._dead_blinds = [...deadBlinds];
    return { antes, anteTrimming: true, blindsOrStraddles, userDefined };
  }
  deadBlinds.forEach((amount, player) => {
    antes[slotOf(player, n)] += amount;
  });
  return { antes, anteTrimming: false, blindsOrStraddles, userDefined };
}
