/**
 * Who is paid and how much.
 *
 * Shares are whole parts per million of the prize pool (ppm), first place
 * first; they always sum to exactly 1,000,000. The default schedule, by the
 * number of entries (a re-entry counts as an entry; a rebuy does not):
 *
 * | entries | places paid | shares |
 * |---|---|---|
 * | 2–3 | 1 | 100% |
 * | 4–6 | 2 | 65%, 35% |
 * | 7–10 | 3 | 50%, 30%, 20% |
 * | 11–20 | 4 | 40%, 30%, 20%, 10% |
 * | 21 and more | 15% of the field, rounded, at least 5 | place i in proportion to 1 / (i + ½) |
 *
 * The curve pays 21–30 entries about 38 / 23 / 16 / 13 / 10%, 100 entries
 * (15 paid) 24% to the winner and 2.4% to 15th, 1,000 entries (150 paid)
 * 13% to the winner and 0.13% to 150th. Its ppm are rounded down and the
 * parts left over go one each to the highest places, so shares never
 * increase down the table.
 *
 * The pool is divided the same way: each place gets its share rounded down
 * to a whole unit and the units left over go one each to the highest
 * places, so the amounts sum to the pool exactly and never increase down
 * the table.
 */
import { IllegalActionError } from '../../engine/errors.ts';
import { payoutTiers, percentToBasisPoints, type TournamentDefinition } from './structure.ts';

export const PPM = 1_000_000;

export type Payout = { place: number; amount: number };

/** What has been sold: entries (re-entries included), rebuys and add-ons. */
export type Sales = { entries: number; rebuys: number; addOns: number };

const FIXED_SCHEDULE: readonly { upTo: number; percents: readonly number[] }[] = [
  { upTo: 3, percents: [100] },
  { upTo: 6, percents: [65, 35] },
  { upTo: 10, percents: [50, 30, 20] },
  { upTo: 20, percents: [40, 30, 20, 10] },
];

function refuse(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

function verifyEntrants(entrants: number): void {
  if (!Number.isSafeInteger(entrants) || entrants < 1) {
    refuse('bad_entrants', `A payout table is for a field of at least one entry, not ${entrants}.`);
  }
}

/** Rounds each weight's share of `total` down and gives the parts left over, one each, to the first places. */
function apportion(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  const parts = weights.map((w) => (total * w) / sum);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  for (let i = 0; left > 0n; i++, left--) parts[i] += 1n;
  return parts;
}

/** How many places the default schedule pays for a field of `entrants` entries. */
export function defaultPlacesPaid(entrants: number): number {
  verifyEntrants(entrants);
  if (entrants === 1) return 1;
  const fixed = FIXED_SCHEDULE.find((tier) => entrants <= tier.upTo);
  if (fixed) return fixed.percents.length;
  return Math.max(5, Math.round(entrants * 0.15));
}

/** The default schedule's shares (ppm, first place first) for a field of `entrants` entries. */
export function defaultPayoutShares(entrants: number): number[] {
  const places = defaultPlacesPaid(entrants);
  const fixed = FIXED_SCHEDULE.find((tier) => entrants <= tier.upTo);
  if (fixed || entrants === 1) return (fixed?.percents ?? [100]).map((p) => p * (PPM / 100));
  // 1 / (i + 1/2) as exact integers: a common numerator over each 2i + 1.
  const scale = 10n ** 30n;
  const weights = Array.from({ length: places }, (_, k) => (2n * scale) / BigInt(2 * k + 3));
  return apportion(BigInt(PPM), weights).map(Number);
}

/**
 * The shares (ppm, first place first) a tournament pays a field of
 * `entrants` entries: the operator's tier for that field size when the
 * definition has payouts, else the default schedule.
 */
export function payoutShares(def: Pick<TournamentDefinition, 'payouts' | 'minEntrants'>, entrants: number): number[] {
  verifyEntrants(entrants);
  const tiers = payoutTiers(def);
  if (!tiers) return defaultPayoutShares(entrants);
  const tier = [...tiers].reverse().find((t) => entrants >= t.fromEntrants) ?? tiers[0];
  const shares = tier.percents.map((p) => {
    const points = percentToBasisPoints(p);
    if (points === null) refuse('bad_payouts', `Payout percentage ${p} is not a positive percentage with at most two decimals.`);
    return points * (PPM / 10_000);
  });
  // Places beyond the field (only with a definition that was never verified) are dropped; dividePool shares the pool among the rest.
  return shares.slice(0, Math.max(1, entrants));
}

/**
 * The pool divided by `shares` in whole units: each place its share rounded
 * down, the units left over one each to the highest places. The amounts sum
 * to `pool` exactly. Refuses a pool that is not a whole non-negative amount
 * and shares that are not positive whole numbers.
 */
export function dividePool(pool: number, shares: readonly number[]): number[] {
  if (!Number.isSafeInteger(pool) || pool < 0) refuse('bad_pool', `A prize pool is a whole, non-negative amount, not ${pool}.`);
  if (shares.length === 0 || !shares.every((s) => Number.isSafeInteger(s) && s > 0)) {
    refuse('bad_payouts', 'Shares are positive whole numbers, at least one.');
  }
  return apportion(BigInt(pool), shares.map(BigInt)).map(Number);
}

/** The prize pool: every buy-in, rebuy and add-on sold (fees go to the house). */
export function prizePool(def: Pick<TournamentDefinition, 'buyIn' | 'rebuy' | 'addOn'>, sales: Sales): number {
  const { entries, rebuys, addOns } = sales;
  if (![entries, rebuys, addOns].every((n) => Number.isSafeInteger(n) && n >= 0)) {
    refuse('bad_sales', 'Entries, rebuys and add-ons sold are whole, non-negative counts.');
  }
  if ((rebuys > 0 && !def.rebuy) || (addOns > 0 && !def.addOn)) {
    refuse('bad_sales', 'This tournament sells no rebuys or add-ons.');
  }
  return entries * def.buyIn + rebuys * (def.rebuy?.price ?? 0) + addOns * (def.addOn?.price ?? 0);
}

/** The payout table for a field of `entrants` entries and a pool of `pool`: `[{place, amount}]`, first place first. */
export function payoutTable(
  def: Pick<TournamentDefinition, 'payouts' | 'minEntrants'>,
  entrants: number,
  pool: number,
): Payout[] {
  return dividePool(pool, payoutShares(def, entrants)).map((amount, i) => ({ place: i + 1, amount }));
}

/** The prize of each place, index 0 for first place, from a payout table. */
export function prizesByPlace(table: readonly Payout[]): number[] {
  return [...table].sort((a, b) => a.place - b.place).map((p) => p.amount);
}
