import { TomlDate } from 'smol-toml';
import { ParseError } from '../errors.ts';
import { PHH_FIELD_ORDER, type PhhDocument, type PhhUserValue } from './document.ts';
import { validatePhhDocument } from './validate.ts';

/**
 * Writes one hand as canonical PHH: fields in PHH order, user-defined fields
 * last, strings single-quoted as PokerKit's `dumps` writes them, every array
 * on one line, a newline at the end. Validates first (throws `ParseError`),
 * so `parsePhh(writePhh(doc))` deep-equals `doc`. Fields set to `undefined`
 * are left out.
 */
export function writePhh(doc: PhhDocument): string {
  validatePhhDocument(doc);
  return writeFields(doc);
}

/** Writes many hands as a `.phhs` file, the hands under `[1]`, `[2]`, … with a blank line between. */
export function writePhhs(docs: readonly PhhDocument[]): string {
  return docs
    .map((doc, index) => {
      try {
        validatePhhDocument(doc);
      } catch (error) {
        if (error instanceof ParseError) throw new ParseError(error.code, `Hand [${index + 1}]: ${error.message}`);
        throw error;
      }
      return `[${index + 1}]\n${writeFields(doc)}`;
    })
    .join('\n');
}

function writeFields(doc: PhhDocument): string {
  const lines: string[] = [];
  for (const name of PHH_FIELD_ORDER) {
    const value = doc[name];
    if (value === undefined) continue;
    // A local time is a bare TOML value; quoting it would make it a string.
    lines.push(`${name} = ${name === 'time' ? String(value) : tomlValue(value)}`);
  }
  for (const [key, value] of Object.entries(doc.user_defined)) {
    if (value !== undefined) lines.push(`${tomlKey(key)} = ${tomlValue(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

function tomlValue(value: PhhUserValue): string {
  if (typeof value === 'string') return tomlString(value);
  if (typeof value === 'number') return tomlNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${tomlKey(key)} = ${tomlValue(item)}`)
    .join(', ')}}`;
}

function tomlNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (Object.is(value, -0)) return '-0.0';
  // Past 2^53 TOML integers stop round-tripping through a double; a float keeps the value.
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return value.toExponential();
  return String(value);
}

// Literal strings (PokerKit's choice) cannot hold a quote or control characters.
const NOT_LITERAL = /[\u0000-\u0008\u000a-\u001f\u007f']/;

function tomlString(text: string): string {
  if (!NOT_LITERAL.test(text)) return `'${text}'`;
  return `"${text.replace(/[\u0000-\u001f\u007f"\\]/g, escapeChar)}"`;
}

function escapeChar(char: string): string {
  switch (char) {
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
    case '\b':
      return '\\b';
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    case '\f':
      return '\\f';
    case '\r':
      return '\\r';
    default:
      return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
  }
}

function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key);
}
