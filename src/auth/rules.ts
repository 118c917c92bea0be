import { randomInt } from 'node:crypto';

/** A username: 3 to 20 lower-case letters, digits or underscores (input is lower-cased first). */
export const USERNAME_PATTERN = /^[a-z0-9_]{3,20}$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** How long a token stays valid unless `FELT_TOKEN_TTL` says otherwise: 7 days. */
export const DEFAULT_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;
/** Display names (guests' and players'): trimmed, 1 to 24 characters. */
export const NAME_MAX = 24;

/** Usernames are case-insensitive: stored and compared lower-cased. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** `Guest-0427`: what a guest is called when they give no name. */
export function guestName(): string {
  return `Guest-${String(randomInt(0, 10_000)).padStart(4, '0')}`;
}
