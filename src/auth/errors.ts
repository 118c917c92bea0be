import { CodedError } from '../coded-error.ts';
/** Codes an `AuthError` can carry; each maps to one HTTP status in the API. */
export const AUTH_ERROR_CODES = {
  missingToken: 'missing_token',
  badToken: 'bad_token',
  badCredentials: 'bad_credentials',
  unknownPlayer: 'unknown_player',
  banned: 'banned',
  adminOnly: 'admin_only',
} as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[keyof typeof AUTH_ERROR_CODES];

/**
 * A caller who is not who they claim to be, or may not do what they asked.
 * `code` is stable and machine readable; `message` is a sentence they can act on.
 */
export class AuthError extends CodedError<AuthErrorCode> {}
