/**
 * What a tournament is: the definition an operator creates, and the checks
 * that refuse one the rest of the rules could not run.
 *
 * Amounts: `buyIn`, `fee` and the rebuy and add-on `price`s are wallet money;
 * `startingStack`, blinds, antes and the rebuy and add-on `chips` are
 * tournament chips. Times are epoch milliseconds, durations seconds.
 *
 * Levels: `{smallBlind, bigBlind, ante, seconds}`. In fixed-limit games the
 * level's big blind is the small bet and twice the big blind the big bet
 * (`levelStakes`). In stud, which has no blinds, `smallBlind` is the bring-in
 * and `bigBlind` the small bet (so the bring-in must be below it); every
 * player antes `ante`, or a fifth of the small bet where a level says 0
 * (`defaultStudAnte`). Draw games post blinds as hold'em does. With
 * `bigBlindAnte` the big blind alone posts `ante` for the whole table.
 *
 * Payout percentages are percents of the prize pool with at most two
 * decimals (33.33 is allowed), first place first, and sum to exactly 100;
 * internally they become basis points (`payouts.ts`).
 */
import { IllegalActionError } from '../../engine/errors.ts';
import type { Stakes } from '../../engine/table/state.ts';
import { BettingStructure, VARIANTS, hasDraws, usesBringIn, type Variant } from '../../engine/variants.ts';
import { breakCount } from './clock.ts';

export const TournamentKind = {
  sng: 'sng',
  mtt: 'mtt',
} as const;
export type TournamentKind = (typeof TournamentKind)[keyof typeof TournamentKind];

export const TournamentStatus = {
  registering: 'registering',
  running: 'running',
  finished: 'finished',
  cancelled: 'cancelled',
} as const;
export type TournamentStatus = (typeof TournamentStatus)[keyof typeof TournamentStatus];

/** Families decide where a moved player sits: by the big blind (flop and draw games) or by position (stud). */
export const GameFamily = {
  holdem: 'holdem',
  stud: 'stud',
  draw: 'draw',
} as const;
export type GameFamily = (typeof GameFamily)[keyof typeof GameFamily];

export type VariantSeating = {
  readonly family: GameFamily;
  readonly maxSeats: number;
  readonly fixedLimit: boolean;
};

/** Draw games seat at most this many in a tournament (the usual six-handed draw table: cards left to draw from). */
export const DRAW_TABLE_SEATS = 6;

function seatingOf(variant: Variant): VariantSeating {
  const family = usesBringIn(variant) ? GameFamily.stud : hasDraws(variant) ? GameFamily.draw : GameFamily.holdem;
  return {
    family,
    maxSeats: family === GameFamily.draw ? Math.min(DRAW_TABLE_SEATS, variant.maxPlayers) : variant.maxPlayers,
    fixedLimit: variant.betting === BettingStructure.fixedLimit,
  };
}

/**
 * The games a tournament can be played in (PHH codes): every variant the
 * engine deals (`engine/variants.ts`), with the most players a table of each
 * seats — what the engine deals (hold'em and Omaha 10, stud 8: seven cards
 * each from one deck), draw games at most six (`DRAW_TABLE_SEATS`).
 */
export const TOURNAMENT_VARIANTS: Readonly<Record<string, VariantSeating>> = Object.freeze(
  Object.fromEntries(Object.values(VARIANTS).map((variant) => [variant.code, Object.freeze(seatingOf(variant))])),
);

/** The most entries a tournament may take; beyond it chip totals and payout tables stop being sensible. */
export const MAX_ENTRANTS = 100_000;

export type Level = {
  smallBlind: number;
  bigBlind: number;
  ante: number;
  seconds: number;
};

/** Rebuys: a player still in whose stack is at or below `stackAtOrBelow` buys `chips` for `price`, up to `maxCount` times. */
export type RebuyRule = {
  maxCount: number;
  stackAtOrBelow: number;
  chips: number;
  price: number;
  /** Rebuys are sold until this level has ended (the break after it included); default: as late registration, else the whole tournament. */
  untilLevel?: number;
};

/** One add-on per player, sold during break number `atBreak` (1-based). */
export type AddOnRule = {
  atBreak: number;
  chips: number;
  price: number;
};

/** Payout percentages for fields of `fromEntrants` entries or more (until the next tier). */
export type PayoutTier = {
  fromEntrants: number;
  percents: number[];
};

export type TournamentDefinition = {
  name: string;
  kind: TournamentKind;
  variant: string;
  buyIn: number;
  fee: number;
  startingStack: number;
  tableSize: number;
  minEntrants: number;
  maxEntrants: number;
  /** Epoch ms; required for `mtt`, absent for `sng` (which starts when full). */
  startsAt?: number;
  levels: Level[];
  bigBlindAnte?: boolean;
  /** A break after every `breakEvery` levels, of `breakSeconds`; both or neither. */
  breakEvery?: number;
  breakSeconds?: number;
  /** Registration stays open until this level has ended (the break after it included); `mtt` only. */
  lateRegistrationLevels?: number;
  /** How many times a player who is out may enter again while registration is open. */
  reEntries?: number;
  rebuy?: RebuyRule;
  addOn?: AddOnRule;
  /** Operator percentages: one list for every field size, or tiers by field size. Absent: the default schedule. */
  payouts?: number[] | PayoutTier[];
};

/** The stakes a table plays a level at, in the shape a table's settings take. */
export type LevelStakes = {
  stakes: Stakes;
  /** Fixed limit: the small bet (the big blind) and the big bet (twice the big blind). */
  smallBet: number;
  bigBet: number;
};

function refuse(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

function isWhole(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The seating facts of a variant code, or undefined when tournaments do not offer it. */
export function findTournamentVariant(code: string): VariantSeating | undefined {
  return typeof code === 'string' && Object.hasOwn(TOURNAMENT_VARIANTS, code) ? TOURNAMENT_VARIANTS[code] : undefined;
}

/**
 * A percentage with at most two decimals as whole basis points (1/100 of a
 * percent), or null when it has more decimals or is not positive.
 */
export function percentToBasisPoints(percent: unknown): number | null {
  if (typeof percent !== 'number' || !Number.isFinite(percent) || percent <= 0 || percent > 100) return null;
  const points = Math.round(percent * 100);
  return Math.abs(points - percent * 100) < 1e-6 ? points : null;
}

/** The operator's payouts as tiers; a plain list is one tier from the smallest field. */
export function payoutTiers(def: Pick<TournamentDefinition, 'payouts' | 'minEntrants'>): PayoutTier[] | undefined {
  const { payouts } = def;
  if (payouts === undefined) return undefined;
  if (payouts.length > 0 && typeof payouts[0] === 'number') {
    return [{ fromEntrants: def.minEntrants, percents: payouts as number[] }];
  }
  return payouts as PayoutTier[];
}

function verifyLevels(levels: unknown, stud: boolean): asserts levels is Level[] {
  if (!Array.isArray(levels) || levels.length === 0) {
    refuse('no_levels', 'A tournament needs at least one blind level.');
  }
  let previous: Level | null = null;
  levels.forEach((level: unknown, i) => {
    const n = i + 1;
    if (!isPlainObject(level)) refuse('bad_level', `Level ${n} must be {smallBlind, bigBlind, ante, seconds}.`);
    const { smallBlind, bigBlind, ante, seconds } = level;
    if (!isWhole(smallBlind, 1) || !isWhole(bigBlind, 1)) {
      refuse('bad_blinds', `Level ${n}: the small and big blind must be positive whole chip counts.`);
    }
    if (!isWhole(ante, 0)) refuse('bad_blinds', `Level ${n}: the ante must be a whole, non-negative chip count.`);
    if (smallBlind > bigBlind) refuse('bad_blinds', `Level ${n}: the small blind (${smallBlind}) exceeds the big blind (${bigBlind}).`);
    if (stud && smallBlind >= bigBlind) {
      refuse('bad_blinds', `Level ${n}: in stud the bring-in (smallBlind ${smallBlind}) must be below the small bet (bigBlind ${bigBlind}).`);
    }
    if (!isWhole(seconds, 1)) refuse('bad_level_seconds', `Level ${n} must last a positive whole number of seconds.`);
    if (previous) {
      const lower = smallBlind < previous.smallBlind || bigBlind < previous.bigBlind || ante < previous.ante;
      const same = smallBlind === previous.smallBlind && bigBlind === previous.bigBlind && ante === previous.ante;
      if (lower || same) {
        refuse(
          'blinds_not_increasing',
          `Level ${n} (${smallBlind}/${bigBlind} ante ${ante}) must raise the blinds or the ante of level ${i} (${previous.smallBlind}/${previous.bigBlind} ante ${previous.ante}) and lower none of them.`,
        );
      }
    }
    previous = level as Level;
  });
}

function verifyPercents(percents: unknown, where: string): number {
  if (!Array.isArray(percents) || percents.length === 0) refuse('bad_payouts', `${where}: list at least one percentage.`);
  let total = 0;
  let last = Infinity;
  percents.forEach((percent: unknown, i) => {
    const points = percentToBasisPoints(percent);
    if (points === null) {
      refuse('bad_payouts', `${where}: place ${i + 1}'s share must be a positive percentage with at most two decimals, not ${String(percent)}.`);
    }
    if (points > last) refuse('bad_payouts', `${where}: place ${i + 1} cannot be paid more than place ${i}.`);
    last = points;
    total += points;
  });
  if (total !== 10_000) refuse('payouts_not_100', `${where}: the percentages sum to ${total / 100}, not 100.`);
  return percents.length;
}

function verifyPayouts(def: TournamentDefinition): void {
  const { payouts } = def;
  if (payouts === undefined) return;
  if (!Array.isArray(payouts) || payouts.length === 0) {
    refuse('bad_payouts', 'Payouts are a list of percentages, or tiers {fromEntrants, percents}; leave them out for the default schedule.');
  }
  if (payouts.every((p) => typeof p === 'number')) {
    const places = verifyPercents(payouts, 'Payouts');
    if (places > def.minEntrants) {
      refuse('bad_payouts', `Payouts pay ${places} places but the field may be as small as ${def.minEntrants}.`);
    }
    return;
  }
  let previous = 0;
  payouts.forEach((tier: unknown, i) => {
    if (!isPlainObject(tier) || !isWhole(tier.fromEntrants, 2)) {
      refuse('bad_payouts', `Payout tier ${i + 1} must be {fromEntrants, percents} with fromEntrants a whole number of at least 2.`);
    }
    const from = tier.fromEntrants;
    if (i === 0 && from > def.minEntrants) {
      refuse('bad_payouts', `The first payout tier starts at ${from} entrants; it must cover the smallest field (${def.minEntrants}).`);
    }
    if (i > 0 && from <= previous) refuse('bad_payouts', 'Payout tiers must be in increasing order of fromEntrants.');
    const places = verifyPercents(tier.percents, `Payout tier from ${from} entrants`);
    if (places > Math.max(from, def.minEntrants)) {
      refuse('bad_payouts', `Payout tier from ${from} entrants pays ${places} places, more than there are players.`);
    }
    previous = from;
  });
}

function verifyExtras(def: TournamentDefinition): void {
  const levelCount = def.levels.length;
  const hasBreaks = def.breakEvery !== undefined || def.breakSeconds !== undefined;
  if (hasBreaks && (!isWhole(def.breakEvery, 1) || !isWhole(def.breakSeconds, 1))) {
    refuse('bad_breaks', 'Breaks need both breakEvery (levels, at least 1) and breakSeconds (at least 1).');
  }
  if (def.bigBlindAnte !== undefined && typeof def.bigBlindAnte !== 'boolean') {
    refuse('bad_big_blind_ante', 'bigBlindAnte is either true or false.');
  }
  if (def.bigBlindAnte && findTournamentVariant(def.variant)!.family === GameFamily.stud) {
    refuse('bad_big_blind_ante', 'Stud has no big blind to post a big-blind ante.');
  }
  const late = def.lateRegistrationLevels;
  if (late !== undefined) {
    if (def.kind === TournamentKind.sng) refuse('bad_late_registration', 'A sit-and-go starts full; it has no late registration.');
    if (!isWhole(late, 0) || late > levelCount) {
      refuse('bad_late_registration', `lateRegistrationLevels must be a whole number of levels from 0 to ${levelCount}.`);
    }
  }
  if (def.reEntries !== undefined) {
    if (!isWhole(def.reEntries, 0)) refuse('bad_re_entry', 'reEntries must be a whole, non-negative number.');
    if (def.reEntries > 0 && !(late && late > 0)) {
      refuse('bad_re_entry', 'Re-entry happens during late registration; set lateRegistrationLevels too.');
    }
  }
  const { rebuy, addOn } = def;
  if (rebuy !== undefined) {
    if (!isPlainObject(rebuy)) refuse('bad_rebuy', 'A rebuy is {maxCount, stackAtOrBelow, chips, price}.');
    if (!isWhole(rebuy.maxCount, 1)) refuse('bad_rebuy', 'A rebuy allows at least one rebuy (maxCount).');
    if (!isWhole(rebuy.stackAtOrBelow, 0)) refuse('bad_rebuy', 'The rebuy stack limit must be a whole, non-negative chip count.');
    if (!isWhole(rebuy.chips, 1)) refuse('bad_rebuy', 'A rebuy must give a positive whole number of chips.');
    if (!isWhole(rebuy.price, 0)) refuse('bad_rebuy', 'A rebuy price must be a whole, non-negative amount.');
    if (rebuy.untilLevel !== undefined && (!isWhole(rebuy.untilLevel, 1) || rebuy.untilLevel > levelCount)) {
      refuse('bad_rebuy', `Rebuys end after a level from 1 to ${levelCount}.`);
    }
  }
  if (addOn !== undefined) {
    if (!isPlainObject(addOn)) refuse('bad_add_on', 'An add-on is {atBreak, chips, price}.');
    const breaks = hasBreaks ? breakCount(def.levels.length, def.breakEvery!) : 0;
    if (breaks === 0) refuse('bad_add_on', 'An add-on is sold at a break, and this structure has none.');
    if (!isWhole(addOn.atBreak, 1) || addOn.atBreak > breaks) {
      refuse('bad_add_on', `The add-on break must be one of breaks 1 to ${breaks}.`);
    }
    if (!isWhole(addOn.chips, 1)) refuse('bad_add_on', 'An add-on must give a positive whole number of chips.');
    if (!isWhole(addOn.price, 0)) refuse('bad_add_on', 'An add-on price must be a whole, non-negative amount.');
  }
}

function verifyTotals(def: TournamentDefinition): void {
  // Every chip and every unit of the pool must stay a safe integer, however many rebuys are sold.
  const entries = def.maxEntrants * (1 + (def.reEntries ?? 0));
  const rebuys = def.rebuy ? def.maxEntrants * def.rebuy.maxCount : 0;
  const addOns = def.addOn ? def.maxEntrants : 0;
  const chips =
    entries * def.startingStack + rebuys * (def.rebuy?.chips ?? 0) + addOns * (def.addOn?.chips ?? 0);
  const pool = entries * (def.buyIn + def.fee) + rebuys * (def.rebuy?.price ?? 0) + addOns * (def.addOn?.price ?? 0);
  if (!Number.isSafeInteger(chips) || !Number.isSafeInteger(pool)) {
    refuse('amounts_too_large', 'Stacks, prices or entrants are too large: the totals would not stay exact.');
  }
}

/**
 * Refuses a definition the tournament could not be run by, with an
 * `IllegalActionError` whose code says what is wrong: `bad_name`,
 * `bad_kind`, `unknown_variant`, `bad_buy_in`, `bad_fee`,
 * `bad_starting_stack`, `bad_table_size` (outside 2 to the variant's
 * seats), `bad_entrants`, `bad_starts_at` (missing for `mtt`, present for
 * `sng`, or not after `now` when `now` is given), `no_levels`, `bad_level`,
 * `bad_blinds`, `blinds_not_increasing`, `bad_level_seconds`, `bad_breaks`,
 * `bad_big_blind_ante`, `bad_late_registration`, `bad_re_entry`,
 * `bad_rebuy`, `bad_add_on`, `bad_payouts`, `payouts_not_100`,
 * `amounts_too_large`. Checks run in that order; the first failure is thrown.
 */
export function verifyDefinition(def: TournamentDefinition, now?: number): void {
  if (!isPlainObject(def)) refuse('bad_definition', 'A tournament definition is an object.');
  if (typeof def.name !== 'string' || def.name.trim().length === 0 || def.name.length > 100) {
    refuse('bad_name', 'A tournament needs a name of 1 to 100 characters.');
  }
  if (def.kind !== TournamentKind.sng && def.kind !== TournamentKind.mtt) {
    refuse('bad_kind', `The kind must be "sng" or "mtt", not ${JSON.stringify(def.kind)}.`);
  }
  const variant = findTournamentVariant(def.variant);
  if (!variant) {
    refuse('unknown_variant', `Variant ${JSON.stringify(def.variant)} is not one of ${Object.keys(TOURNAMENT_VARIANTS).join(', ')}.`);
  }
  if (!isWhole(def.buyIn, 0)) refuse('bad_buy_in', 'The buy-in must be a whole, non-negative amount.');
  if (!isWhole(def.fee, 0)) refuse('bad_fee', 'The fee must be a whole, non-negative amount.');
  if (!isWhole(def.startingStack, 1)) refuse('bad_starting_stack', 'The starting stack must be a positive whole chip count.');
  if (!isWhole(def.tableSize, 2) || def.tableSize > variant.maxSeats) {
    refuse('bad_table_size', `A ${def.variant} table seats 2 to ${variant.maxSeats} players, not ${String(def.tableSize)}.`);
  }
  if (!isWhole(def.minEntrants, 2) || !isWhole(def.maxEntrants, 2) || def.minEntrants > def.maxEntrants) {
    refuse('bad_entrants', 'minEntrants and maxEntrants must be whole numbers of at least 2, with minEntrants at most maxEntrants.');
  }
  if (def.maxEntrants > MAX_ENTRANTS) refuse('bad_entrants', `A tournament takes at most ${MAX_ENTRANTS} entries.`);
  if (def.kind === TournamentKind.mtt) {
    if (!isWhole(def.startsAt, 0)) refuse('bad_starts_at', 'A scheduled tournament needs startsAt (epoch milliseconds).');
    if (now !== undefined && def.startsAt <= now) refuse('bad_starts_at', 'startsAt must be in the future.');
  } else if (def.startsAt !== undefined) {
    refuse('bad_starts_at', 'A sit-and-go starts when it is full; leave startsAt out.');
  }
  verifyLevels(def.levels, variant.family === GameFamily.stud);
  verifyExtras(def);
  verifyPayouts(def);
  verifyTotals(def);
}

/** Whether `verifyDefinition` accepts the definition. */
export function isValidDefinition(def: TournamentDefinition, now?: number): boolean {
  try {
    verifyDefinition(def, now);
    return true;
  } catch {
    return false;
  }
}

/** A stud level's ante when the level sets none: a fifth of the small bet (the big blind), at least 1 chip. */
export function defaultStudAnte(smallBet: number): number {
  return Math.max(1, Math.floor(smallBet / 5));
}

/**
 * The stakes of level `number` (1-based; past the last level, the last
 * level's) as a table's settings take them. Fixed limit: the small bet is the
 * big blind and the big bet twice the big blind. No and pot limit ignore them.
 * Flop and draw games post the level's blinds and ante. Stud posts no blinds:
 * every player antes the level's ante (a level with ante 0 gets
 * `defaultStudAnte`, a fifth of the small bet, so every hand has a pot to
 * fight for) and the level's small blind is the bring-in.
 */
export function levelStakes(def: Pick<TournamentDefinition, 'levels' | 'bigBlindAnte' | 'variant'>, number: number): LevelStakes {
  if (!Number.isSafeInteger(number) || number < 1) refuse('bad_level', `Levels are numbered from 1, not ${number}.`);
  const level = def.levels[Math.min(number, def.levels.length) - 1];
  const smallBet = level.bigBlind;
  if (findTournamentVariant(def.variant)?.family === GameFamily.stud) {
    const ante = level.ante > 0 ? level.ante : defaultStudAnte(smallBet);
    return { stakes: { smallBlind: 0, bigBlind: 0, ante, bringIn: level.smallBlind }, smallBet, bigBet: smallBet * 2 };
  }
  const stakes: Stakes = { smallBlind: level.smallBlind, bigBlind: level.bigBlind, ante: level.ante };
  if (def.bigBlindAnte) stakes.bigBlindAnte = true;
  return { stakes, smallBet, bigBet: smallBet * 2 };
}
