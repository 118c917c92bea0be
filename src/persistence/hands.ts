import type { Em, Orm } from './orm.ts';
import { query } from './sql.ts';
import { PersistenceError, type HandFilter, type HandRecord, type HandRecordInput, type HandRepository } from './types.ts';

// A page never loads more than this many hands, whatever the caller asks.
const MAX_PAGE = 1000;

/** A `hand` row as both drivers return it: JSON columns parsed, `rake` (int8) as text or a number. */
type HandRow = {
  id: string; table_id: string; hand_number: number; variant: string; started_at: Date | string; ended_at: Date | string;
  player_ids: string[]; state: unknown; rake: string | number | bigint;
};

/**
 * A row straight to a record, not through an entity: `em.map` puts each
 * hand in the identity map and snapshots it for change tracking, which the
 * insights job, reading thousands of hands, paid for in event-loop pauses
 * of 50 to 130 ms with 5,000 players at the tables.
 */
function fromRow(row: HandRow): HandRecord {
  return {
    id: row.id, tableId: row.table_id, handNumber: Number(row.hand_number), variant: row.variant,
    startedAt: new Date(row.started_at), endedAt: new Date(row.ended_at),
    playerIds: row.player_ids, state: row.state, rake: Number(row.rake),
  };
}

/** Throws `invalid_hand` unless the hand is complete and well-formed. */
export function checkHand(hand: HandRecordInput): void {
  const problem =
    typeof hand.id !== 'string' || hand.id.length === 0 ? 'has no id'
    : typeof hand.tableId !== 'string' || hand.tableId.length === 0 ? 'names no table'
    : !Number.isSafeInteger(hand.handNumber) ? `has hand number ${hand.handNumber}, not a whole number`
    : !Number.isSafeInteger(hand.rake) || hand.rake < 0 ? `takes a rake of ${hand.rake}; rake is whole chips, 0 or more`
    : !(hand.startedAt instanceof Date) || !(hand.endedAt instanceof Date) ? 'needs start and end dates'
    : !Array.isArray(hand.playerIds) || hand.playerIds.some((id) => typeof id !== 'string') ? 'needs its player ids as strings'
    : hand.state === undefined ? 'has no state'
    : null;
  if (problem) throw new PersistenceError('invalid_hand', `Hand ${String(hand.id)} ${problem}.`);
}

/**
 * A hand's state as its record keeps it: without the deck, whose undealt
 * cards nobody who reads hand records may learn (`deck: null`, as a hand dealt
 * by hand has). Every card that was dealt is in the log; nothing reads a
 * finished hand's deck. The caller's state is not changed.
 */
export function storedHandState(state: unknown): unknown {
  if (state === null || typeof state !== 'object' || !('deck' in state) || state.deck === null) return state;
  return { ...state, deck: null };
}

/**
 * Writes a hand and its player rows inside the caller's transaction.
 * Returns false, writing nothing, when a hand with this id already exists.
 */
export async function insertHand(em: Em, hand: HandRecordInput): Promise<boolean> {
  checkHand(hand);
  const inserted = await em.execute<{ id: string }[]>(
    `insert into "hand" ("id", "table_id", "hand_number", "variant", "started_at", "ended_at", "player_ids", "state", "rake")
     values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("id") do nothing returning "id"`,
    [hand.id, hand.tableId, hand.handNumber, hand.variant, hand.startedAt, hand.endedAt, JSON.stringify(hand.playerIds), JSON.stringify(storedHandState(hand.state)), hand.rake],
  );
  if (inserted.length === 0) return false;
  const players = [...new Set(hand.playerIds)];
  if (players.length > 0) {
    await em.execute(
      `insert into "hand_player" ("hand_id", "player_id", "ended_at") values ${players.map(() => '(?, ?, ?)').join(', ')}`,
      players.flatMap((playerId) => [hand.id, playerId, hand.endedAt]),
    );
  }
  return true;
}

/**
 * The `from … where …` of a filtered hand query. By player it walks
 * hand_player's (player_id, ended_at) index (`by` is its alias); otherwise
 * hand's (table_id, ended_at) or (ended_at).
 */
function filtered(filter: HandFilter): { by: string; from: string; params: unknown[] } {
  const by = filter.playerId !== undefined ? '"hp"' : '"h"';
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.playerId !== undefined) { where.push('"hp"."player_id" = ?'); params.push(filter.playerId); }
  if (filter.tableId !== undefined) { where.push('"h"."table_id" = ?'); params.push(filter.tableId); }
  if (filter.variant !== undefined) { where.push('"h"."variant" = ?'); params.push(filter.variant); }
  if (filter.from !== undefined) { where.push(`${by}."ended_at" >= ?`); params.push(filter.from); }
  if (filter.to !== undefined) { where.push(`${by}."ended_at" < ?`); params.push(filter.to); }
  const from = `from "hand" "h"
    ${filter.playerId !== undefined ? 'join "hand_player" "hp" on "hp"."hand_id" = "h"."id"' : ''}
    ${where.length > 0 ? `where ${where.join(' and ')}` : ''}`;
  return { by, from, params };
}

/** Completed hands, newest first. A time range covers hands that ended at or after `from` and before `to`. */
export function handRepository(orm: Orm): HandRepository {
  return {
    async get(id) {
      const [row] = await orm.em.fork().execute<HandRow[]>('select * from "hand" where "id" = ?', [id]);
      return row ? fromRow(row) : null;
    },

    async list(filter) {
      const limit = Math.min(Math.max(Math.trunc(filter.limit) || 0, 0), MAX_PAGE);
      const offset = Math.max(Math.trunc(filter.offset) || 0, 0);
      if (limit === 0) return [];
      const { by, from, params } = filtered(filter);
      const rows = await orm.em.fork().execute<HandRow[]>(
        `select "h".* ${from} order by ${by}."ended_at" desc, "h"."id" desc limit ? offset ?`,
        [...params, limit, offset],
      );
      return rows.map(fromRow);
    },

    async count(filter) {
      const { from, params } = filtered(filter);
      const [row] = await orm.em.fork().execute<{ total: string }[]>(`select count(*) as "total" ${from}`, params);
      return Number(row?.total ?? 0);
    },

    async lastEndedAt(tableIds) {
      if (tableIds.length === 0) return new Map();
      // One probe of the (table_id, ended_at) index per table, not a scan of every hand of those tables.
      const rows = await query<{ id: string; ended_at: Date | string | null }>(orm.em.fork(),
        `select "t"."id", (select max("h"."ended_at") from "hand" "h" where "h"."table_id" = "t"."id") as "ended_at"
         from unnest($1::text[]) as "t"("id")`, [tableIds]);
      return new Map(rows.flatMap((row) => (row.ended_at === null ? [] : [[row.id, new Date(row.ended_at)] as const])));
    },
  };
}
