import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import { ParseError } from '../errors.ts';
import { PHH_FIELD_KINDS, PHH_FIELD_ORDER, type PhhDocument, type PhhUserValue } from './document.ts';
import { topLevelKeyOrder } from './toml-order.ts';
import { isPlainObject, unknownFieldError, validatePhhDocument } from './validate.ts';

/**
 * Reads one hand history (a `.phh` file) and checks it against the PHH
 * specification. TOML comments are dropped; `# commentary` inside action
 * strings stays in the strings. Throws `ParseError` on bad TOML or a hand
 * that breaks the specification.
 */
export function parsePhh(text: string): PhhDocument {
  return documentFromTable(readToml(text));
}

/**
 * Reads a `.phhs` file: many hands, each a TOML table under a header such
 * as `[1]`, `[2]` (PokerKit's `loads_all` takes every top-level value as a
 * hand). Hands come back in file order. An error names the hand's header.
 */
export function parsePhhs(text: string): PhhDocument[] {
  const table = readToml(text);
  return topLevelKeyOrder(text, Object.keys(table)).map((key) => {
    const hand = table[key];
    if (!isPlainObject(hand)) {
      throw new ParseError(
        'phh_not_a_hand',
        `Top-level key "${key}" is not a hand; in a .phhs file every hand goes under its own header such as [1].`,
      );
    }
    try {
      return documentFromTable(hand);
    } catch (error) {
      if (error instanceof ParseError) throw new ParseError(error.code, `Hand [${key}]: ${error.message}`);
      throw error;
    }
  });
}

function readToml(text: string): Record<string, unknown> {
  try {
    return parseToml(text);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split('\n')[0].replace(/^Invalid TOML document: /, '');
    throw new ParseError(
      'phh_toml',
      `The hand history is not valid TOML at line ${error.line}, column ${error.column}: ${reason}.`,
    );
  }
}

function documentFromTable(table: Record<string, unknown>): PhhDocument {
  for (const [key, value] of Object.entries(table)) {
    if (Object.hasOwn(PHH_FIELD_KINDS, key) || key.startsWith('_')) continue;
    if (isPlainObject(value) && 'variant' in value) {
      throw new ParseError(
        'phh_unknown_field',
        `Field "${key}" holds a whole hand; this looks like a .phhs file of many hands, so read it with parsePhhs.`,
      );
    }
    throw unknownFieldError(key);
  }

  const doc: Record<string, unknown> = {};
  for (const name of PHH_FIELD_ORDER) {
    if (!Object.hasOwn(table, name)) continue;
    doc[name] = name === 'time' ? readTime(table[name]) : table[name];
  }
  doc.user_defined = Object.fromEntries(
    Object.entries(table)
      .filter(([key]) => key.startsWith('_'))
      .map(([key, value]) => [key, plainValue(value)]),
  );
  validatePhhDocument(doc as unknown as PhhDocument);
  return doc as unknown as PhhDocument;
}

// The document keeps a local time as its canonical text; TomlDate holds milliseconds at most.
function readTime(value: unknown): string {
  if (!(value instanceof TomlDate) || !value.isTime()) {
    throw new ParseError('phh_field_type', 'Field "time" must be a TOML local time such as 20:15:00 (no quotes, no date).');
  }
  return value.toISOString().replace(/\.000$/, '');
}

// smol-toml builds tables without a prototype; plain objects make documents
// compare equal to ones built in code. fromEntries keeps a key like
// `__proto__` an ordinary property.
function plainValue(value: unknown): PhhUserValue {
  if (Array.isArray(value)) return value.map(plainValue);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainValue(item)]));
  return value as PhhUserValue;
}
