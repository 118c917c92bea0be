import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../persistence/database.ts';
import { PersistenceError, type PlayerRecord } from '../persistence/types.ts';
import { hashPassword } from './passwords.ts';
import { normalizeUsername } from './rules.ts';

/**
 * Makes sure the first admin from the settings (`FELT_ADMIN_USERNAME`,
 * `FELT_ADMIN_PASSWORD`) exists: registers it as an admin when that username
 * is free, and leaves an existing account exactly as it is (its password may
 * have been changed since). Safe to call on every start, from many processes.
 * Returns the account, or null when no admin is configured. An existing
 * account that is not an admin is not promoted (that would hand a stranger's
 * account admin rights); `log` hears about it.
 */
export async function ensureAdmin(
  db: Pick<Database, 'players'>,
  config: Pick<Config, 'adminUsername' | 'adminPassword' | 'startingBalance'>,
  log?: Pick<Logger, 'warn'>,
): Promise<PlayerRecord | null> {
  if (!config.adminUsername || !config.adminPassword) return null;
  const username = normalizeUsername(config.adminUsername);
  const existing = await db.players.findByUsername(username);
  if (existing) {
    if (!existing.isAdmin) log?.warn({ username }, 'FELT_ADMIN_USERNAME names an existing player who is not an admin; no admin was created');
    return withoutSecret(existing);
  }
  const passwordHash = await hashPassword(config.adminPassword);
  try {
    return await db.players.register({ username, name: username, passwordHash, isAdmin: true }, config.startingBalance);
  } catch (error) {
    // Another process registered it between our look-up and our insert.
    if (!(error instanceof PersistenceError && error.code === 'username_taken')) throw error;
    const winner = await db.players.findByUsername(username);
    if (!winner) throw error;
    return withoutSecret(winner);
  }
}

function withoutSecret(player: PlayerRecord & { passwordHash?: string | null }): PlayerRecord {
  const { passwordHash: _secret, ...record } = player;
  return record;
}
