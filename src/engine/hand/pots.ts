import type { Pot } from './state.ts';

/**
 * Main and side pots from what each player put in. A pot layer holds, from
 * every player, the chips between two contribution levels; the players
 * eligible for it are those still in the hand who reached its top level
 * (`reach` counts chips they have bet but not yet had collected). Adjacent
 * layers with the same eligible players merge. Dead money (untrimmed antes,
 * dead blinds) belongs to the main pot. When some player put in no live
 * chips, it is a layer of its own at level 0, which every player still in
 * may win: a player all-in for the ante still plays for the antes (PokerKit's
 * pots); it merges with the layer above when their players are the same.
 */
export function computePots(
  contributed: readonly number[],
  reach: readonly number[],
  active: readonly boolean[],
  dead: number,
): Pot[] {
  const levels: number[] = [];
  for (const level of contributed) if ((level > 0 || dead > 0) && !levels.includes(level)) levels.push(level);
  levels.sort((a, b) => a - b);
  const pots: Pot[] = [];
  let amount = dead;
  let previous = 0;
  for (const level of levels) {
    for (let i = 0; i < contributed.length; i++) if (contributed[i] >= level) amount += level - previous;
    previous = level;
    const eligible: number[] = [];
    for (let i = 0; i < contributed.length; i++) if (active[i] && reach[i] >= level) eligible.push(i);
    const last = pots[pots.length - 1];
    // A layer nobody still in the hand reached (possible only after odd mucks) joins the pot below it.
    if (eligible.length === 0) {
      if (!last) continue;
      last.amount += amount;
    } else if (last && sameMembers(last.eligible, eligible)) last.amount += amount;
    else pots.push({ amount, eligible, rake: 0 });
    amount = 0;
  }
  if (amount > 0) {
    // Only dead money and nobody contributed live chips: it is all main pot.
    const eligible: number[] = [];
    for (let i = 0; i < active.length; i++) if (active[i]) eligible.push(i);
    pots.push({ amount, eligible, rake: 0 });
  }
  return pots;
}

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
