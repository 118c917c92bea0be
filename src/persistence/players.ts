import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Player } from './entities/Player.ts';
import { startingBalanceTransfer } from '../money/transfers.ts';
import { applyTransfer } from './ledger.ts';
import type { Em, Orm } from './orm.ts';
import { isUuid } from './uuid.ts';
import { PersistenceError, type PlayerRecord, type PlayerRepository, type PlayerWithSecret } from './types.ts';

function toRecord(player: Player): PlayerRecord {
  return {
    id: player.id,
    name: player.name,
    username: player.username ?? null,
    isAdmin: player.isAdmin,
    bannedAt: player.bannedAt ?? null,
    createdAt: player.createdAt,
  };
}

function checkBalance(startingBalance: number): void {
  if (!Number.isSafeInteger(startingBalance) || startingBalance < 0) {
    throw new PersistenceError('invalid_balance', `A starting balance must be a whole number of chips, 0 or more; got ${startingBalance}.`);
  }
}

/** Creates the player and funds the wallet in the same transaction, so no player exists without the welcome chips. */
async function createFunded(em: Em, fields: Omit<PlayerWithSecret, 'id' | 'createdAt' | 'bannedAt'>, startingBalance: number): Promise<PlayerRecord> {
  const player = em.create(Player, { id: randomUUID(), ...fields, bannedAt: null, createdAt: new Date() });
  await em.flush();
  if (startingBalance > 0) {
    await applyTransfer(em, startingBalanceTransfer({ playerId: player.id, amount: startingBalance }));
  }
  return toRecord(player);
}

export function playerRepository(orm: Orm): PlayerRepository {
  return {
    async createGuest(name, startingBalance) {
      checkBalance(startingBalance);
      return orm.em.fork().transactional((em) => createFunded(em, { name, username: null, passwordHash: null, isAdmin: false }, startingBalance));
    },

    async register(input, startingBalance) {
      checkBalance(startingBalance);
      const fields = { name: input.name, username: input.username, passwordHash: input.passwordHash, isAdmin: input.isAdmin ?? false };
      try {
        return await orm.em.fork().transactional((em) => createFunded(em, fields, startingBalance));
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          throw new PersistenceError('username_taken', `The username ${input.username} is taken; choose another.`);
        }
        throw error;
      }
    },

    async findById(id) {
      if (!isUuid(id)) return null;
      const player = await orm.em.fork().findOne(Player, { id });
      return player ? toRecord(player) : null;
    },

    async findByUsername(username) {
      const player = await orm.em.fork().findOne(Player, { username });
      return player ? { ...toRecord(player), passwordHash: player.passwordHash ?? null } : null;
    },

    async search({ query, limit, offset }) {
      const em = orm.em.fork();
      // `%` and `_` in the query are letters to look for, not wildcards (`!` escapes them; a backslash would trip placeholder parsing).
      const pattern = query ? `%${query.replace(/[!%_]/g, (c) => `!${c}`)}%` : null;
      const where = pattern ? `where "p"."name" ilike ? escape '!' or "p"."username" ilike ? escape '!'` : '';
      const params = pattern ? [pattern, pattern] : [];
      const [{ total }] = await em.execute<{ total: string }[]>(`select count(*) as "total" from "player" "p" ${where}`, params);
      const rows = await em.execute<Record<string, unknown>[]>(
        `select "p".*, coalesce("a"."balance", 0) as "wallet_balance" from "player" "p"
         left join "account" "a" on "a"."kind" = 'player' and "a"."owner" = "p"."id"::text
         ${where} order by "p"."created_at" desc, "p"."id" desc limit ? offset ?`,
        [...params, limit, offset],
      );
      const players = rows.map((row) => ({ ...toRecord(em.map(Player, row)), balance: Number(row.wallet_balance) }));
      return { players, total: Number(total) };
    },

    async setBanned(id, banned) {
      if (!isUuid(id)) return null;
      const em = orm.em.fork();
      const player = await em.findOne(Player, { id });
      if (!player) return null;
      // A second ban keeps the first one's time: it says since when the player has been banned.
      if (banned && !player.bannedAt) player.bannedAt = new Date();
      if (!banned) player.bannedAt = null;
      await em.flush();
      return toRecord(player);
    },
  };
}
