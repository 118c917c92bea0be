import type { CashContext } from '../table-context.ts';
import { emptyOptionState, optionsOf, type OptionState, type TableOptions } from './table-options.ts';

/** The table's options, and its option state (made on first use: a snapshot from before options has none). */
export function tableOptions(t: CashContext): TableOptions {
  return optionsOf(t.state.settings);
}

export function optionState(t: CashContext): OptionState {
  return (t.state.options ??= emptyOptionState());
}
