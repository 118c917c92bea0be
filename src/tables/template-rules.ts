import { MAX_TABLE_SEATS } from '../engine/table/index.ts';
import { BettingStructure, findVariant, VARIANTS } from '../engine/variants.ts';
import type { TemplateInput } from '../persistence/types.ts';
import { gameAmountViolations, rotationViolations, seatViolations, templateGameList, usesGameRules } from './template-games.ts';
import { optionViolations } from './option-rules.ts';

/** One broken rule: the field to change, a stable code (`bad_<field>` unless a rule has its own) and a sentence saying how. */
export type TemplateViolation = { field: keyof TemplateInput; code: string; message: string };

/** `bad_small_blind` for `smallBlind`: the code of a broken rule that has none of its own. */
export function fieldCode(field: string): string {
  return `bad_${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;
}

/** The ranges a template's numbers must fall in (seconds and minutes are whole). */
export const TEMPLATE_LIMITS = {
  minSeats: 2,
  maxSeats: MAX_TABLE_SEATS,
  actionSeconds: { min: 5, max: 300 },
  timeBankSeconds: { min: 0, max: 3600 },
  // At least a minute, at most a week: a table idle that long is forgotten, not resting.
  idleMinutes: { min: 1, max: 10_080 },
  minTables: { min: 0, max: 100 },
  rakeBasisPoints: { min: 0, max: 10_000 },
} as const;

const isWhole = (value: number): boolean => Number.isSafeInteger(value);
const isChips = (value: number): boolean => isWhole(value) && value >= 0;

/**
 * Every rule a table template breaks, or none. Pure, so the admin API (which
 * answers 422 with the list) and the jobs that open tables from templates
 * judge a template alike. Rules:
 *
 * - the variant is one the engine plays (`src/engine/variants.ts`), or the
 *   template names a rotation of such games; stud (alone or in a rotation)
 *   has the rules of `template-games.ts` (an ante and a bring-in, no blinds
 *   when alone), and so has every rotation;
 * - blinds, ante and straddle are whole, non-negative chips; the big blind is
 *   positive and at least the small blind (a small blind of 0 is allowed, as
 *   in an ante game with a button blind); a straddle is 0 or at least twice
 *   the big blind;
 * - fixed-limit variants need a positive small bet and a big bet of exactly
 *   twice it (the standard structure); no-limit and pot-limit variants have no
 *   fixed bets (both 0), their minimum bet is the big blind;
 * - buy-ins: the minimum is at least one big blind and at most the maximum;
 * - 2 to `MAX_TABLE_SEATS` seats (what the engine's table supports), and no
 *   more than every game of the template deals (stud: 8);
 * - only stud has a bring-in;
 * - rake 0 to 10000 basis points with a non-negative cap (0: no cap);
 * - the clocks, idle time and minimum table count within `TEMPLATE_LIMITS`;
 * - the table options by `optionViolations` (option-rules.ts).
 */
export function templateViolations(template: TemplateInput): TemplateViolation[] {
  const violations: TemplateViolation[] = [];
  const fail = (field: keyof TemplateInput, message: string, code = fieldCode(field)): void => void violations.push({ field, code, message });
  const t = template;

  if (typeof t.name !== 'string' || t.name.trim() === '') fail('name', 'A template needs a name players can recognise.');
  const rotated = t.rotation !== undefined && t.rotation !== null;
  const variant = rotated ? undefined : findVariant(t.variant);
  if (rotated) for (const violation of rotationViolations(t)) fail(violation.field, violation.message, violation.code);
  else if (!variant) {
    fail('variant', `The variant "${t.variant}" is not one Felt plays; use one of ${Object.keys(VARIANTS).join(', ')}.`, 'unknown_variant');
  }

  // The relations between amounts only mean something once every amount is a chip count.
  const before = violations.length;
  for (const field of ['smallBlind', 'bigBlind', 'ante', 'straddle', 'smallBet', 'bigBet', 'minBuyIn', 'maxBuyIn', 'rakeCap', 'bringIn'] as const) {
    if (!isChips(t[field] ?? 0)) fail(field, `${field} must be a whole number of chips, 0 or more; got ${t[field]}.`);
  }
  const games = templateGameList(t);
  if (violations.length === before && games && usesGameRules(t)) {
    // Stud and rotations have rules of their own (template-games.ts).
    for (const violation of gameAmountViolations(t, games)) fail(violation.field, violation.message, violation.code);
  } else if (violations.length === before && !rotated) {
    if ((t.bringIn ?? 0) !== 0) fail('bringIn', 'Only stud games have a bring-in; set it to 0.');
    if (t.openPairBigBet) fail('openPairBigBet', 'The open-pair big bet is a stud rule: leave it off.');
    if (t.bigBlind === 0) fail('bigBlind', 'The big blind must be at least 1 chip.');
    if (t.smallBlind > t.bigBlind) fail('smallBlind', `The small blind (${t.smallBlind}) must not exceed the big blind (${t.bigBlind}).`);
    if (t.straddle !== 0 && t.straddle < 2 * t.bigBlind) {
      fail('straddle', `A straddle must be 0 (none) or at least twice the big blind (${2 * t.bigBlind}); got ${t.straddle}.`);
    }
    if (variant?.betting === BettingStructure.fixedLimit) {
      if (t.smallBet <= 0) fail('smallBet', `${variant.name} is fixed limit: set a small bet of at least 1 chip.`);
      else if (t.bigBet !== 2 * t.smallBet) fail('bigBet', `In fixed limit the big bet is twice the small bet: ${2 * t.smallBet}, not ${t.bigBet}.`);
    } else if (variant && (t.smallBet !== 0 || t.bigBet !== 0)) {
      fail('smallBet', `${variant.name} has no fixed bets: set smallBet and bigBet to 0 (the minimum bet is the big blind).`);
    }
    if (t.bigBlind > 0 && t.minBuyIn < t.bigBlind) fail('minBuyIn', `The minimum buy-in must be at least one big blind (${t.bigBlind}); got ${t.minBuyIn}.`);
    if (t.minBuyIn > t.maxBuyIn) fail('maxBuyIn', `The maximum buy-in (${t.maxBuyIn}) must be at least the minimum buy-in (${t.minBuyIn}).`);
  }

  if (!isWhole(t.maxSeats) || t.maxSeats < TEMPLATE_LIMITS.minSeats || t.maxSeats > TEMPLATE_LIMITS.maxSeats) {
    fail('maxSeats', `A table has ${TEMPLATE_LIMITS.minSeats} to ${TEMPLATE_LIMITS.maxSeats} seats; got ${t.maxSeats}.`);
  } else if (games) for (const violation of seatViolations(t, games)) fail(violation.field, violation.message, violation.code);
  const inRange = (field: 'actionSeconds' | 'timeBankSeconds' | 'idleMinutes' | 'minTables' | 'rakeBasisPoints', unit: string): void => {
    const { min, max } = TEMPLATE_LIMITS[field];
    if (!isWhole(t[field]) || t[field] < min || t[field] > max) fail(field, `${field} must be a whole number from ${min} to ${max}${unit}; got ${t[field]}.`);
  };
  inRange('actionSeconds', ' seconds');
  inRange('timeBankSeconds', ' seconds');
  inRange('idleMinutes', ' minutes');
  inRange('minTables', '');
  inRange('rakeBasisPoints', ' basis points (10000 is 100%)');
  optionViolations(t, fail);
  return violations;
}
