import { TomlDate } from 'smol-toml';
import { ParseError } from '../errors.ts';
import { rankOf } from '../cards.ts';
import { parsePhhAction, type PhhAction } from './action.ts';
import {
  PHH_FIELD_KINDS,
  PHH_PER_PLAYER_FIELDS,
  PHH_REQUIRED_FIELDS,
  PHH_STRUCTURE_FIELDS,
  PHH_VARIANT_NAMES,
  type PhhDocument,
  type PhhFieldKind,
  type PhhVariant,
} from './document.ts';

/** The canonical text of a TOML local time: seconds always, milliseconds only when not zero. */
export const PHH_TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.(?!000)\d{3})?$/;

// Short-deck hold 'em plays with sixes and up; rank 4 is the six.
const SHORT_DECK_LOWEST_RANK = 4;

/**
 * Checks a document against the PHH specification: field types, the fields
 * its variant requires and forbids, one entry per player in every per-player
 * array, and every action's grammar. Throws a `ParseError` naming the field
 * or action at fault. A field set to `undefined` counts as absent.
 */
export function validatePhhDocument(doc: PhhDocument): void {
  if (!isPlainObject(doc)) throw new ParseError('phh_field_type', 'A hand history must be a table of fields.');
  for (const [name, value] of Object.entries(doc)) {
    if (name === 'user_defined' || value === undefined) continue;
    if (!Object.hasOwn(PHH_FIELD_KINDS, name)) throw unknownFieldError(name);
    checkKind(name, PHH_FIELD_KINDS[name as keyof typeof PHH_FIELD_KINDS], value);
  }
  checkUserDefined(doc.user_defined);

  if (doc.variant === undefined) throw missing('variant', 'name the game with a variant code such as NT');
  if (!Object.hasOwn(PHH_VARIANT_NAMES, doc.variant)) {
    throw new ParseError(
      'phh_unknown_variant',
      `Variant "${doc.variant}" is not a PHH variant; use one of ${Object.keys(PHH_VARIANT_NAMES).join(', ')}.`,
    );
  }
  const variant: PhhVariant = doc.variant;
  const required: readonly string[] = PHH_REQUIRED_FIELDS[variant];
  const describe = `variant ${variant} (${PHH_VARIANT_NAMES[variant]})`;
  for (const name of required) {
    if (doc[name as keyof PhhDocument] === undefined) throw missing(name, `${describe} requires ${required.join(', ')}`);
  }
  for (const name of PHH_STRUCTURE_FIELDS) {
    if (doc[name] !== undefined && !required.includes(name)) {
      const used = PHH_STRUCTURE_FIELDS.filter((field) => required.includes(field)).join(', ');
      throw new ParseError('phh_field_not_allowed', `Field "${name}" does not belong to ${describe}, which uses ${used}; remove it.`);
    }
  }

  const playerCount = doc.starting_stacks.length;
  if (playerCount < 2) {
    throw new ParseError('phh_too_few_players', `Field "starting_stacks" has ${playerCount} entries; a hand needs at least 2 players.`);
  }
  for (const name of PHH_PER_PLAYER_FIELDS) {
    const value = doc[name];
    if (value !== undefined && value.length !== playerCount) {
      throw new ParseError(
        'phh_length_mismatch',
        `Field "${name}" has ${value.length} entries but starting_stacks has ${playerCount}; give one entry per player.`,
      );
    }
  }
  if (doc.month !== undefined && (doc.month < 1 || doc.month > 12)) {
    throw new ParseError('phh_out_of_range', `Field "month" is ${doc.month}; write the month as 1 (January) to 12 (December).`);
  }
  if (doc.day !== undefined && (doc.day < 1 || doc.day > 31)) {
    throw new ParseError('phh_out_of_range', `Field "day" is ${doc.day}; write the day of the month, 1 to 31.`);
  }

  doc.actions.forEach((text, index) => checkAction(text, index, playerCount, variant));
}

function checkAction(text: string, index: number, playerCount: number, variant: PhhVariant): void {
  let action: PhhAction;
  try {
    action = parsePhhAction(text);
  } catch (error) {
    if (error instanceof ParseError) throw new ParseError(error.code, `actions[${index}]: ${error.message}`);
    throw error;
  }
  if ('player' in action && action.player >= playerCount) {
    throw new ParseError(
      'phh_bad_player',
      `actions[${index}]: action "${text}" names p${action.player + 1}, but this hand has ${playerCount} players (p1 to p${playerCount}).`,
    );
  }
  if (variant === 'NS' && 'cards' in action && action.cards !== null) {
    const low = action.cards.find((card) => card >= 0 && rankOf(card) < SHORT_DECK_LOWEST_RANK);
    if (low !== undefined) {
      throw new ParseError(
        'phh_bad_cards',
        `actions[${index}]: action "${text}" has a card below six, which short-deck hold 'em (NS) does not use.`,
      );
    }
  }
}

function checkKind(name: string, kind: PhhFieldKind, value: unknown): void {
  switch (kind) {
    case 'string':
      if (typeof value !== 'string') throw wrongType(name, 'a string');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType(name, 'true or false');
      return;
    case 'time':
      if (typeof value !== 'string' || !PHH_TIME_PATTERN.test(value)) {
        throw wrongType(name, 'a TOML local time such as 20:15:00 or 20:15:00.250');
      }
      return;
    case 'integer':
      checkInteger(name, value);
      return;
    case 'string_or_integer':
      if (typeof value !== 'string') checkInteger(name, value, 'a string or a whole number');
      return;
    case 'number':
    case 'number_or_inf':
      checkNumber(name, value, kind === 'number_or_inf', false);
      return;
    case 'numbers':
    case 'numbers_or_inf':
    case 'signed_numbers':
      if (!Array.isArray(value)) throw wrongType(name, 'an array of numbers');
      value.forEach((item, i) => checkNumber(`${name}[${i}]`, item, kind === 'numbers_or_inf', kind === 'signed_numbers'));
      return;
    case 'integers':
      if (!Array.isArray(value)) throw wrongType(name, 'an array of whole numbers');
      value.forEach((item, i) => checkInteger(`${name}[${i}]`, item));
      return;
    case 'strings':
      if (!Array.isArray(value)) throw wrongType(name, 'an array of strings');
      value.forEach((item, i) => {
        if (typeof item !== 'string') throw wrongType(`${name}[${i}]`, 'a string');
      });
      return;
  }
}

function checkNumber(name: string, value: unknown, infinityAllowed: boolean, negativeAllowed: boolean): void {
  if (typeof value !== 'number' || Number.isNaN(value)) throw wrongType(name, 'a number');
  if (!Number.isFinite(value) && !(infinityAllowed && value === Infinity)) {
    throw new ParseError('phh_bad_number', `Field "${name}" is ${value}; write a finite number.`);
  }
  if (value < 0 && !negativeAllowed) {
    throw new ParseError('phh_negative_value', `Field "${name}" is ${value}; it cannot be negative.`);
  }
}

function checkInteger(name: string, value: unknown, expected = 'a whole number'): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrongType(name, expected);
  if (value < 0) throw new ParseError('phh_negative_value', `Field "${name}" is ${value}; it cannot be negative.`);
}

function checkUserDefined(fields: unknown): void {
  if (!isPlainObject(fields)) {
    throw new ParseError('phh_field_type', 'user_defined must be an object of "_"-prefixed fields ({} when there are none).');
  }
  for (const [name, value] of Object.entries(fields)) {
    if (!name.startsWith('_')) throw unknownFieldError(name);
    if (value !== undefined) checkUserValue(name, value);
  }
}

function checkUserValue(path: string, value: unknown): void {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return;
  if (value instanceof TomlDate) {
    if (!value.isValid()) throw new ParseError('phh_field_type', `User-defined field "${path}" holds an invalid date.`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkUserValue(`${path}[${i}]`, item));
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) checkUserValue(`${path}.${key}`, item);
    return;
  }
  const shown = value instanceof Date ? 'a Date (wrap it with TomlDate)' : String(value);
  throw new ParseError(
    'phh_field_type',
    `User-defined field "${path}" holds ${shown}, which TOML cannot write; use a string, number, boolean, TomlDate, array or table.`,
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The error for a field that is neither a PHH field nor `_`-prefixed. */
export function unknownFieldError(name: string): ParseError {
  return new ParseError(
    'phh_unknown_field',
    `Field "${name}" is not a PHH field; check its spelling, or prefix a field of your own with an underscore (_${name}).`,
  );
}

function missing(name: string, why: string): ParseError {
  return new ParseError('phh_missing_field', `Field "${name}" is missing; ${why}.`);
}

function wrongType(name: string, expected: string): ParseError {
  return new ParseError('phh_field_type', `Field "${name}" must be ${expected}.`);
}
