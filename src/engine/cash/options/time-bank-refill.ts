import type { CashContext } from '../table-context.ts';
import { tableOptions } from './option-context.ts';

/**
 * A time bank that refills: after every `timeBankRefillHands`th hand of the
 * table, every seated player's bank gains `timeBankRefillSeconds`, up to
 * `timeBankCapSeconds`. A bank already above the cap keeps what it has.
 */
export function refillTimeBanks(t: CashContext, handNumber: number): boolean {
  const { timeBankRefillSeconds, timeBankRefillHands, timeBankCapSeconds } = tableOptions(t);
  if (timeBankRefillSeconds <= 0 || timeBankRefillHands <= 0 || handNumber % timeBankRefillHands !== 0) return false;
  const cap = timeBankCapSeconds * 1000;
  for (const info of t.state.info) {
    if (info && info.timeBankMs < cap) info.timeBankMs = Math.min(cap, info.timeBankMs + timeBankRefillSeconds * 1000);
  }
  return true;
}
