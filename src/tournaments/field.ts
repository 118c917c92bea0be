/**
 * The field: how many entries are still in and how many places are paid,
 * and whether the money is near — at most one more player in than places
 * paid. From then on nothing is sold (no entry, rebuy or add-on), so the
 * pool the prizes come from no longer changes.
 */
import { payoutShares } from './rules/payouts.ts';
import type { Context } from './context.ts';

// Places paid by field size: the default schedule's curve is worked out in exact integers, once per size.
const placesByField = new WeakMap<object, Map<number, number>>();

export function placesPaid(ctx: Context): number {
  const { state } = ctx;
  if (state.payouts) return state.payouts.length;
  const field = Math.max(1, state.entrants);
  let known = placesByField.get(state.definition);
  if (!known) placesByField.set(state.definition, (known = new Map()));
  let places = known.get(field);
  if (places === undefined) known.set(field, (places = payoutShares(state.definition, field).length));
  return places;
}

export function remainingCount(ctx: Context): number {
  let n = 0;
  for (const player of ctx.state.players) if (!player.out) n++;
  return n;
}

export function nearTheMoney(ctx: Context): boolean {
  const { state } = ctx;
  if (state.status !== 'running') return false;
  return state.payouts !== null || remainingCount(ctx) <= placesPaid(ctx) + 1;
}
