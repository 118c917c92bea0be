import type { DealOptions } from '../../table/Dealer.ts';
import type { CashContext } from '../table-context.ts';
import { bombPotDue, bombPotPlan } from './bomb-pot.ts';
import { optionState, tableOptions } from './option-context.ts';
import { straddlePlan } from './straddle.ts';
import { refillTimeBanks } from './time-bank-refill.ts';

/** The table's options around each hand: how the next one is dealt, and what follows the end of one. */

/** How the next hand is dealt: a bomb pot when one is due (its votes then spent), else with any straddle a player chose. */
export function dealOptions(t: CashContext): DealOptions {
  const state = optionState(t);
  if (bombPotDue(t)) {
    state.bombPot = true;
    state.bombPotVotes = [];
    const ante = tableOptions(t).bombPotAnte;
    return { adjustPlan: (plan) => bombPotPlan(plan, ante), checkFirstStreet: true };
  }
  state.bombPot = false;
  return { adjustPlan: (plan) => straddlePlan(t, plan) };
}

/** After hand number `handNumber` ends: the bomb pot is over, and time banks refill when it is their hand to. */
export function afterHand(t: CashContext, handNumber: number): void {
  if (t.state.options) t.state.options.bombPot = false;
  refillTimeBanks(t, handNumber);
}
