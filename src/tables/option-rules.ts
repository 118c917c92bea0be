import { NO_TABLE_OPTIONS, STRADDLES, type TableOptions } from '../engine/cash/options/table-options.ts';
import { boardSize } from '../engine/hand/dealing.ts';
import { findVariant, usesBringIn } from '../engine/variants.ts';
import type { TemplateInput } from '../persistence/types.ts';
import { templateGameList } from './template-games.ts';

/** The ranges of a template's table options. */
export const OPTION_LIMITS = {
  timeBankRefillSeconds: { min: 0, max: 3600 },
  timeBankRefillHands: { min: 0, max: 1000 },
  timeBankCapSeconds: { min: 0, max: 3600 },
  bombPotEvery: { min: 0, max: 1000 },
} as const;

type Fail = (field: keyof TemplateInput, message: string) => void;

/**
 * The rules of a template's table options (see `TableOptions`), each broken
 * one reported through `fail` with its field:
 *
 * - `runItTwice`, `bombPotVote`, `sharedWaitlist` are booleans; `straddles` is
 *   `none`, `utg` or `any`;
 * - running it twice and bomb pots need a game with a board (not stud, not
 *   draw), straddles a game with blinds (not stud), and no fixed `straddle`;
 *   with a rotation, one of its games (the others' hands go without);
 * - a refill of `timeBankRefillSeconds` needs `timeBankRefillHands` of at least
 *   1 and a `timeBankCapSeconds` of at least `timeBankSeconds`;
 * - bomb pots (`bombPotEvery` above 0, or `bombPotVote`) need a `bombPotAnte`
 *   of at least 1 chip and at most the minimum buy-in.
 */
export function optionViolations(t: TemplateInput, fail: Fail): void {
  const o: TableOptions = { ...NO_TABLE_OPTIONS };
  for (const field of Object.keys(NO_TABLE_OPTIONS) as (keyof TableOptions)[]) {
    if (t[field] !== undefined) (o as Record<string, unknown>)[field] = t[field];
  }
  // Every game the template deals (a rotation's, or its one variant): an option needs one game it applies to.
  const variants = (templateGameList(t) ?? []).map((game) => findVariant(game.variant)).filter((v) => v !== undefined);
  const known = variants.length > 0;
  const name = t.rotation ? 'This rotation' : (variants[0]?.name ?? t.variant);
  const blinds = variants.some((v) => !usesBringIn(v));
  const boardGame = variants.some((v) => !usesBringIn(v) && boardSize(v) > 0);
  for (const field of ['runItTwice', 'bombPotVote', 'sharedWaitlist'] as const) {
    if (typeof o[field] !== 'boolean') fail(field, `${field} must be true or false; got ${String(o[field])}.`);
  }
  if (!Object.values(STRADDLES).includes(o.straddles)) {
    fail('straddles', `straddles must be one of ${Object.values(STRADDLES).join(', ')}; got ${String(o.straddles)}.`);
  } else if (o.straddles !== STRADDLES.none) {
    if (known && !blinds) fail('straddles', `${name} has no blinds to straddle: set straddles to none.`);
    else if (t.straddle > 0) fail('straddles', 'This template has a fixed straddle: players cannot choose one as well; set straddles to none or straddle to 0.');
  }
  if (o.runItTwice === true && known && !boardGame) fail('runItTwice', `${name} has no board to run twice: set runItTwice to false.`);

  let broken = 0;
  const whole = (field: keyof typeof OPTION_LIMITS, unit: string): void => {
    const { min, max } = OPTION_LIMITS[field];
    if (!Number.isSafeInteger(o[field]) || o[field] < min || o[field] > max) {
      broken++;
      fail(field, `${field} must be a whole number from ${min} to ${max}${unit}; got ${o[field]}.`);
    }
  };
  whole('timeBankRefillSeconds', ' seconds');
  whole('timeBankRefillHands', ' hands');
  whole('timeBankCapSeconds', ' seconds');
  whole('bombPotEvery', ' hands');
  if (!Number.isSafeInteger(o.bombPotAnte) || o.bombPotAnte < 0) {
    broken++;
    fail('bombPotAnte', `bombPotAnte must be a whole number of chips, 0 or more; got ${o.bombPotAnte}.`);
  }
  if (broken > 0) return;
  if (o.timeBankRefillSeconds > 0) {
    if (o.timeBankRefillHands < 1) fail('timeBankRefillHands', 'A time bank refill needs the number of hands between refills (1 or more).');
    if (o.timeBankCapSeconds < Math.max(1, t.timeBankSeconds)) {
      fail('timeBankCapSeconds', `A refilled time bank needs a cap of at least the time bank (${Math.max(1, t.timeBankSeconds)} seconds); got ${o.timeBankCapSeconds}.`);
    }
  }
  if (o.bombPotEvery > 0 || o.bombPotVote === true) {
    if (known && !boardGame) fail(o.bombPotEvery > 0 ? 'bombPotEvery' : 'bombPotVote', `${name} has no flop for a bomb pot to go to: turn bomb pots off.`);
    if (o.bombPotAnte < 1) fail('bombPotAnte', 'Bomb pots need an ante of at least 1 chip (bombPotAnte).');
    else if (Number.isSafeInteger(t.minBuyIn) && o.bombPotAnte > t.minBuyIn) {
      fail('bombPotAnte', `A bomb pot's ante (${o.bombPotAnte}) must not exceed the minimum buy-in (${t.minBuyIn}).`);
    }
  }
}

/** The options of a template that are on, as a table's settings carry them. */
export function optionsOn(template: Partial<TableOptions>): Partial<TableOptions> {
  const on: Record<string, unknown> = {};
  for (const field of Object.keys(NO_TABLE_OPTIONS) as (keyof TableOptions)[]) {
    const value = template[field];
    if (value !== undefined && value !== NO_TABLE_OPTIONS[field]) on[field] = value;
  }
  return on as Partial<TableOptions>;
}
