import type { HandPlan } from '../../table/lineup.ts';
import { upcomingGame } from '../../table/rotation.ts';
import { illegal, requireSeat, touch, type CashContext } from '../table-context.ts';
import type { SeatInfo } from '../state.ts';
import { tableOptions } from './option-context.ts';
import { STRADDLES } from './table-options.ts';

/**
 * Straddles players choose: a player sets a standing wish (`straddle {on}`),
 * and each hand dealt while it is on, if they sit in a position the table's
 * `straddles` option lets straddle, they post a live straddle of twice the
 * big blind. One straddle a hand, by priority: under the gun first, then
 * (`any`) the button, then the other seats nearest the button (Mississippi).
 * The blinds never straddle, nobody does heads-up or at a table with a fixed
 * straddle, and a player whose stack does not cover the straddle does not.
 * The order of action follows from the post as PHH has it: the player after
 * the straddler acts first, the straddler last.
 */

export function verifyStraddle(t: CashContext, playerId: string): void {
  if (tableOptions(t).straddles === STRADDLES.none) illegal('straddles_off', 'This table does not let players straddle.');
  requireSeat(t, playerId);
}

/** Sets the player's wish to straddle the hands where their position allows it. */
export function setStraddle(t: CashContext, playerId: string, on: boolean): void {
  verifyStraddle(t, playerId);
  const info = t.state.info[requireSeat(t, playerId)] as SeatInfo;
  info.straddle = on;
  touch(t);
}

/** The plan with the straddle of the first player, by priority, who wants one and may post it; unchanged when none does. */
export function straddlePlan(t: CashContext, plan: HandPlan): HandPlan {
  const s = t.state;
  const allowed = tableOptions(t).straddles;
  const count = plan.seats.length;
  // The stakes of the game this hand is dealt (a mixed-game table's next game); a stud hand has no blinds to straddle.
  const { stakes } = upcomingGame(s);
  if (allowed === STRADDLES.none || (stakes.straddle ?? 0) > 0 || count < 3 || plan.bigBlindSeat < 0 || stakes.bigBlind <= 0) return plan;
  const amount = 2 * stakes.bigBlind;
  const big = plan.seats.indexOf(plan.bigBlindSeat);
  const small = plan.smallBlindSeat >= 0 ? plan.seats.indexOf(plan.smallBlindSeat) : -1;
  const utg = (big + 1) % count;
  const candidates = [utg];
  if (allowed === STRADDLES.any) {
    // From the button back towards the big blind: the button, the cutoff, …
    for (let i = count - 1; i !== big; i = (i - 1 + count) % count) if (i !== utg && i !== small) candidates.push(i);
  }
  const straddler = candidates.find((i) => {
    if (i === big || i === small) return false;
    const info = s.info[plan.seats[i]];
    return Boolean(info?.straddle) && plan.startingStacks[i] > amount;
  });
  if (straddler === undefined) return plan;
  const blindsOrStraddles = [...plan.blindsOrStraddles];
  blindsOrStraddles[straddler] = amount;
  // A straddle is a live big blind and more: it settles a big blind the player owes.
  const posts = [...plan.posts];
  posts[straddler] = 0;
  return { ...plan, blindsOrStraddles, posts };
}
