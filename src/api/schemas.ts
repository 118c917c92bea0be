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
 * Parses a request body or throws a 400 `invalid_request` problem that lists
 * each bad field in `errors: [{field, message}]`.
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiProblem(400, 'invalid_request', 'The request body must be a JSON object (send Content-Type: application/json).');
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
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
