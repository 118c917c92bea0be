import type { HandState } from './state.ts';

/**
 * Returns an uncalled bet (the excess of the largest bet over the second
 * largest) to its owner and moves every other bet into the pot.
 */
export function collectBets(s: HandState): void {
  let first = 0;
  let second = 0;
  let top = -1;
  for (let i = 0; i < s.bets.length; i++) {
    const bet = s.bets[i];
    if (bet > first) {
      second = first;
      first = bet;
      top = i;
    } else if (bet > second) second = bet;
  }
  if (top >= 0 && first > second) {
    const amount = first - second;
    s.bets[top] -= amount;
    s.stacks[top] += amount;
    s.log.push({ type: 'returnBet', player: top, amount });
  }
  let collected = 0;
  for (let i = 0; i < s.bets.length; i++) {
    collected += s.bets[i];
    s.contributed[i] += s.bets[i];
    s.bets[i] = 0;
  }
  if (collected > 0) s.log.push({ type: 'collect', amount: collected });
}

/** Heads-up, the button posts the small blind: PHH lists forced bets in posting order, players in seat order. */
function forcedAmount(values: readonly number[], player: number): number {
  const index = values.length === 2 ? 1 - player : player;
  return Math.abs(values[index]);
}

/**
 * Posts antes, dead blinds, blinds and straddles, and live posts, each capped
 * by the player's stack. Trimmed antes are bets collected at once (so an
 * uncalled excess returns and they count for side pots); untrimmed antes and
 * dead blinds are dead money in the main pot.
 */
export function postForcedBets(s: HandState): void {
  const c = s.config;
  const n = s.stacks.length;
  for (let i = 0; i < n; i++) {
    const amount = Math.min(forcedAmount(c.antes, i), s.stacks[i]);
    if (amount <= 0) continue;
    s.stacks[i] -= amount;
    if (c.anteTrimming) s.bets[i] += amount;
    else s.dead += amount;
    s.log.push({ type: 'ante', player: i, amount });
  }
  if (c.anteTrimming) collectBets(s);
  for (let i = 0; c.deadBlinds && i < n; i++) {
    const amount = Math.min(c.deadBlinds[i], s.stacks[i]);
    if (amount <= 0) continue;
    s.stacks[i] -= amount;
    s.dead += amount;
    s.log.push({ type: 'deadBlind', player: i, amount });
  }
  for (let i = 0; i < n; i++) {
    const amount = Math.min(forcedAmount(c.blindsOrStraddles, i), s.stacks[i]);
    if (amount <= 0) continue;
    s.stacks[i] -= amount;
    s.bets[i] += amount;
    s.log.push({ type: 'blind', player: i, amount });
  }
  for (let i = 0; c.posts && i < n; i++) {
    const amount = Math.min(c.posts[i], s.stacks[i]);
    if (amount <= 0) continue;
    s.stacks[i] -= amount;
    s.bets[i] += amount;
    s.log.push({ type: 'post', player: i, amount });
  }
}
