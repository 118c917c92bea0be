import { z } from 'zod';
import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, USERNAME_PATTERN } from '../auth/rules.ts';
import { ApiProblem } from './problem.ts';

// Control characters would break lobbies and logs; anything printable is a fine name.
const displayName = z.string()
  .trim()
  .min(1, 'must not be blank')
  .max(NAME_MAX, `must be at most ${NAME_MAX} characters`)
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'must not contain control characters');

const username = z.string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, 'must be 3 to 20 letters, digits or underscores');

const password = z.string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

/** `POST /api/auth/guest`: a blank or missing name means "pick one for me". */
export const guestBody = z.object({
  name: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), displayName.optional()),
});

/** `POST /api/auth/register`: `name` (display name) defaults to the username. */
export const registerBody = z.object({
  username,
  password,
  name: displayName.optional(),
});

/**
 * `POST /api/auth/login`: only the shape is checked. A username that could
 * never have been registered is simply a wrong username (401), like any other.
 */
export const loginBody = z.object({
  username: z.string().max(256, 'is too long').transform((value) => value.trim().toLowerCase()),
  password: z.string().max(1024, 'is too long'),
});

/**
 * Why PostgreSQL could not store `text` as text or inside jsonb, or null when
 * it can: a NUL (`\u0000`) is refused by both (the driver error was a 500),
 * and an unpaired UTF-16 surrogate, which JSON can carry, is refused by jsonb
 * and silently turned into U+FFFD in text.
 */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (!text.isWellFormed()) return 'must not contain unpaired UTF-16 surrogates (invalid Unicode)';
  return null;
}

/**
 * Every string of a request part — values and object keys, at any depth —
 * refused as an issue at its path when PostgreSQL could not store it. The API
 * runs it before each part's own schema (`requestSchema`), so no route can
 * forget a field and a new one needs nothing to be covered. Walks with a
 * stack, not recursion: a 64 kB body can nest 30,000 deep.
 */
export const storableInput = z.unknown().superRefine((input, ctx) => {
  const pending: { value: unknown; path: PropertyKey[] }[] = [{ value: input, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop() as { value: unknown; path: PropertyKey[] };
    if (typeof value === 'string') {
      const problem = unstorableText(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], path: [...path, i] });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value).reverse()) {
        const problem = unstorableText(key);
        // Named with the bad characters escaped, so the problem document itself stays printable text.
        if (problem) ctx.addIssue({ code: 'custom', message: `is a field name that ${problem}`, path: [...path, escapeUnstorable(key)] });
        else pending.push({ value: inner, path: [...path, key] });
      }
    }
  }
});

/** `a\u0000b` for a NUL, `\ud800` for a lone surrogate: the text, with what PostgreSQL cannot store spelled out. */
function escapeUnstorable(text: string): string {
  return text.replace(/\u0000|\p{Surrogate}/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A request part's schema behind `storableInput`: the part's own checks run only on text PostgreSQL can store. */
export function requestSchema(schema?: z.ZodType): z.ZodType {
  return schema ? storableInput.pipe(schema) : storableInput;
}

/**
 * Parses a request body or throws a 400 `invalid_request` problem that lists
 * each bad field in `errors: [{field, message}]`.
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiProblem(400, 'invalid_request', 'The request body must be a JSON object (send Content-Type: application/json).');
  }
  const result = requestSchema(schema).safeParse(body);
  if (result.success) return result.data as z.output<T>;
  const errors = result.error.issues.map((issue) => {
    const field = issue.path.join('.') || 'body';
    const message = issue.code === 'invalid_type' ? (valueAt(body, issue.path) === undefined ? 'is required' : 'must be text') : issue.message;
    return { field, message };
  });
  const detail = errors.map(({ field, message }) => `${field} ${message}`).join('; ');
  throw new ApiProblem(400, 'invalid_request', `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.`, { extensions: { errors } });
}

function valueAt(body: unknown, path: PropertyKey[]): unknown {
  let value = body;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}
