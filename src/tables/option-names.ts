import { optionsOf, STRADDLES, type TableOptions } from '../engine/cash/options/table-options.ts';

/** What a lobby shows of a table's options: the name of each one on, in a fixed order; nothing when none is. */
export function optionNames(settings: { options?: Partial<TableOptions> }): { options?: string[] } {
  const o = optionsOf(settings);
  const names = [
    o.runItTwice && 'runItTwice',
    o.straddles !== STRADDLES.none && 'straddles',
    (o.bombPotEvery > 0 || o.bombPotVote) && o.bombPotAnte > 0 && 'bombPots',
    o.timeBankRefillSeconds > 0 && o.timeBankRefillHands > 0 && 'timeBankRefill',
    o.sharedWaitlist && 'sharedWaitlist',
  ].filter((name): name is string => typeof name === 'string');
  return names.length > 0 ? { options: names } : {};
}
