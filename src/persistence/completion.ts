import type { DeckCipher } from './deck-cipher.ts';
import { checkHand, storedHandState } from './hands.ts';
import { rakeTransfer } from '../money/transfers.ts';
import { applyTransfers } from './ledger.ts';
import type { Orm } from './orm.ts';
import { leaseLost, newestPerTable, serialiseSnapshot, snapshotRows, upsertStatement, type SerialisedSnapshot } from './snapshots.ts';
import { query } from './sql.ts';
import { PersistenceError, type HandCompletion, type HandRecordInput } from './types.ts';

/** The most hands one batch writes; the rest wait for the next. */
const MAX_BATCH = 200;

/**
 * A batch of hands with their players and their tables' snapshots, in one
 * statement, so one round trip. `held` are the tables of `$1` that may be
 * written: fenced, the `poker_table` rows whose lease process `$2` holds,
 * locked (shared, in id order like the lease renewal, so the two cannot
 * deadlock) until the transaction ends; unfenced (`$2` null), all of them.
 * Hands (`$3`, a JSON array) of other tables are not written, nor are their
 * snapshots (`$4`, saved at `$5`). A hand is inserted at most once (`on
 * conflict do nothing`: a repeated completion waits for the first to commit,
 * then finds it); a snapshot still goes through the version check, which keeps
 * the newest. Answers the held tables and the hands inserted now.
 */
function batchStatement(fenced: boolean): string {
  const held = fenced
    ? 'select "id" from "poker_table" where "id" = any($1::text[]) and "owner_process" = $2::text order by "id" for share'
    : 'select unnest($1::text[]) as "id" where $2::text is null';
  return `with "held" as (${held}), "batch" as (
    select "h".* from json_to_recordset($3::json) as "h"("id" text, "table_id" text, "hand_number" int, "variant" text,
      "started_at" timestamptz, "ended_at" timestamptz, "player_ids" jsonb, "state" jsonb, "rake" bigint)
    where "h"."table_id" in (select "id" from "held")
  ), "hand_row" as (
    insert into "hand" ("id", "table_id", "hand_number", "variant", "started_at", "ended_at", "player_ids", "state", "rake")
    select "id", "table_id", "hand_number", "variant", "started_at", "ended_at", "player_ids", "state", "rake" from "batch"
    on conflict ("id") do nothing returning "id"
  ), "players" as (
    insert into "hand_player" ("hand_id", "player_id", "ended_at")
    select distinct "b"."id", "p"."player_id", "b"."ended_at"
    from "batch" "b" join "hand_row" "r" on "r"."id" = "b"."id" cross join lateral jsonb_array_elements_text("b"."player_ids") as "p"("player_id")
  ), "written" as (${upsertStatement('"r"."t" in (select "id" from "held")', '$4', '$5')})
  select coalesce((select json_agg("id") from "held"), '[]'::json) as "held", coalesce((select json_agg("id") from "hand_row"), '[]'::json) as "inserted"`;
}

const STATEMENTS = { fenced: batchStatement(true), unfenced: batchStatement(false) };

/** A completion waiting for its batch, its states already serialised. */
type Pending = {
  hand: HandRecordInput;
  /** The hand's row as JSON text, serialised when the hand was completed. */
  row: string;
  snapshot: SerialisedSnapshot;
  owner: string | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
};

/** The hand as one element of the batch's `$3`, in the column names of `hand`. */
function handRow(hand: HandRecordInput): string {
  return JSON.stringify({
    id: hand.id, table_id: hand.tableId, hand_number: hand.handNumber, variant: hand.variant,
    started_at: hand.startedAt, ended_at: hand.endedAt, player_ids: hand.playerIds, rake: hand.rake, state: storedHandState(hand.state),
  });
}

/**
 * Writes one batch of one owner: the hands, their players and snapshots, and
 * the rake of each hand inserted now, moved from its table to the house's
 * account for that table (`ACCOUNTS.rakeOf`). Without rake that is one
 * statement, atomic on its own; with rake, one transaction of two. Answers
 * the tables whose lease the owner does not hold: nothing of theirs was written.
 */
async function writeBatch(orm: Orm, batch: Pending[], owner: string | undefined): Promise<Set<string>> {
  const tableIds = [...new Set(batch.map((item) => item.hand.tableId))].sort();
  const params = [tableIds, owner ?? null, `[${batch.map((item) => item.row).join(',')}]`, snapshotRows(newestPerTable(batch.map((item) => item.snapshot))), new Date()];
  const statement = owner === undefined ? STATEMENTS.unfenced : STATEMENTS.fenced;
  const notHeld = (held: string[]) => new Set(tableIds.filter((id) => !held.includes(id)));
  if (!batch.some((item) => item.hand.rake > 0)) {
    const [{ held }] = await query<{ held: string[] }>(orm.em.fork(), statement, params);
    return notHeld(held);
  }
  return orm.em.fork().transactional(async (em) => {
    const [{ held, inserted }] = await query<{ held: string[]; inserted: string[] }>(em, statement, params);
    // A repeated completion finds its hand written and moves no rake again.
    const now = new Set(inserted);
    const raked = batch.filter((item) => item.hand.rake > 0 && now.has(item.hand.id)).map(({ hand }) => hand);
    await applyTransfers(em, raked.map((hand) => rakeTransfer({ handId: hand.id, tableId: hand.tableId, handNumber: hand.handNumber, amount: hand.rake })));
    return notHeld(held);
  });
}

/**
 * The end of a hand, atomic: the hand record, its rake moved from the table
 * to the house's account for that table, and the table's snapshot. Either all
 * of it is durable or none of it is, so a crash can never keep the rake
 * without the hand or the hand without the snapshot that follows it. With an
 * `owner`, it is all refused (`lease_lost`) unless that process holds the
 * table's lease.
 *
 * Hands that end while a batch is being written go together in the next one
 * (group commit): under load, one round trip and one commit serve many tables
 * instead of one each, and an idle server writes each hand at once. A batch
 * that fails is written again hand by hand, so one bad hand fails alone.
 */
export function handCompletion(orm: Orm, cipher: DeckCipher): HandCompletion {
  const queue: Pending[] = [];
  let writing = false;

  async function write(batch: Pending[], owner: string | undefined): Promise<void> {
    try {
      const refused = await writeBatch(orm, batch, owner);
      for (const item of batch) {
        if (refused.has(item.hand.tableId)) item.reject(leaseLost(item.hand.tableId));
        else item.resolve();
      }
    } catch (error) {
      if (batch.length === 1) batch[0].reject(error);
      else for (const item of batch) await write([item], owner);
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      const byOwner = Map.groupBy(batch, (item) => item.owner);
      for (const [owner, items] of byOwner) await write(items, owner);
    }
    writing = false;
  }

  return {
    async complete({ hand, snapshot, owner }) {
      if (snapshot.tableId !== hand.tableId) {
        throw new PersistenceError('invalid_hand', `Hand ${hand.id} was played at table ${hand.tableId} but comes with a snapshot of table ${snapshot.tableId}.`);
      }
      checkHand(hand);
      // Serialised now: the caller's state moves on as soon as this returns a promise.
      const serialised = serialiseSnapshot(snapshot, cipher);
      const row = handRow(hand);
      await new Promise<void>((resolve, reject) => {
        queue.push({ hand, row, snapshot: serialised, owner, resolve, reject });
        if (!writing) {
          writing = true;
          // After this turn of the event loop, so hands that end in the same turn share the first batch too.
          setImmediate(() => void drain());
        }
      });
    },
  };
}
