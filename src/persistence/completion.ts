import { checkHand } from './hands.ts';
import { ACCOUNT_KIND, ACCOUNTS, applyTransfer } from './ledger.ts';
import type { Em, Orm } from './orm.ts';
import { leaseLost, serialiseSnapshot, snapshotRows, upsertSnapshots, upsertStatement } from './snapshots.ts';
import { query } from './sql.ts';
import { PersistenceError, type HandCompletion } from './types.ts';

/**
 * The hand and its players — and with `snapshot`, the table's snapshot — in
 * one statement, so one round trip. Fenced, `held` is the table's row, locked
 * (shared) until the transaction ends, when process `$2` holds its lease;
 * unfenced (`$2` null) it is the table id alone. Nothing is written unless it
 * is held. The hand is inserted at most once (`on conflict do nothing`: a
 * repeated completion waits for the first to commit, then finds it); the
 * snapshot (`$11`, saved at `$12`) still goes through the version check, which
 * keeps the newest.
 */
function completeStatement(fenced: boolean, snapshot: boolean): string {
  const held = fenced
    ? 'select "id" from "poker_table" where "id" = $1::text and "owner_process" = $2::text for share'
    : 'select $1::text as "id" where $2::text is null';
  return `with "held" as (${held}), "hand_row" as (
    insert into "hand" ("id", "table_id", "hand_number", "variant", "started_at", "ended_at", "player_ids", "state", "rake")
    select $3::text, $1::text, $4::int, $5::text, $6::timestamptz, $7::timestamptz, $8::jsonb, $9::jsonb, $10::bigint
    where exists (select 1 from "held")
    on conflict ("id") do nothing returning "id"
  ), "players" as (
    insert into "hand_player" ("hand_id", "player_id", "ended_at")
    select "hand_row"."id", "p"."player_id", $7::timestamptz
    from "hand_row", (select distinct jsonb_array_elements_text($8::jsonb) as "player_id") as "p"
  )${snapshot ? `, "written" as (${upsertStatement('exists (select 1 from "held")', '$11', '$12')})` : ''}
  select exists (select 1 from "held") as "held", exists (select 1 from "hand_row") as "inserted"`;
}

const STATEMENTS = {
  fenced: { withSnapshot: completeStatement(true, true), handOnly: completeStatement(true, false) },
  unfenced: { withSnapshot: completeStatement(false, true), handOnly: completeStatement(false, false) },
};

/**
 * The end of a hand, atomic: the hand record, its rake moved from the table to
 * the house, and the table's snapshot. Either all of it is durable or none of
 * it is, so a crash can never keep the rake without the hand or the hand
 * without the snapshot that follows it. With an `owner`, it is all refused
 * (`lease_lost`) unless that process holds the table's lease.
 *
 * Without rake it is one statement, atomic on its own. With rake it is a
 * transaction: the hand, the transfer, then the snapshot. The snapshot row is
 * locked last, so while this waits its turn on the house account (every
 * raked hand moves chips there) it holds no snapshot row that the snapshot
 * writer's batches would queue behind.
 */
export function handCompletion(orm: Orm): HandCompletion {
  return {
    async complete({ hand, snapshot, owner }) {
      if (snapshot.tableId !== hand.tableId) {
        throw new PersistenceError('invalid_hand', `Hand ${hand.id} was played at table ${hand.tableId} but comes with a snapshot of table ${snapshot.tableId}.`);
      }
      checkHand(hand);
      // Serialised before the first await: the caller's state moves on as soon as this returns a promise.
      const serialised = serialiseSnapshot(snapshot);
      const params = [
        hand.tableId, owner ?? null, hand.id, hand.handNumber, hand.variant, hand.startedAt, hand.endedAt,
        JSON.stringify(hand.playerIds), JSON.stringify(hand.state), hand.rake,
      ];
      const statements = owner === undefined ? STATEMENTS.unfenced : STATEMENTS.fenced;
      const em = orm.em.fork();
      if (hand.rake === 0) {
        const [{ held }] = await query<{ held: boolean }>(em, statements.withSnapshot, [...params, snapshotRows([serialised]), new Date()]);
        if (!held) throw leaseLost(hand.tableId);
        return;
      }
      await em.transactional(async (em) => {
        const [{ held, inserted }] = await query<{ held: boolean; inserted: boolean }>(em, statements.handOnly, params);
        if (!held) throw leaseLost(hand.tableId);
        // A repeated completion finds the hand written and moves no rake again.
        if (inserted) {
          await applyTransfer(em, {
            key: `rake:${hand.id}`,
            reason: 'rake',
            entries: [
              { kind: ACCOUNT_KIND.table, owner: hand.tableId, amount: -hand.rake },
              { ...ACCOUNTS.house, amount: hand.rake },
            ],
            meta: { handId: hand.id, tableId: hand.tableId, handNumber: hand.handNumber },
          });
        }
        // The fence's lock is held by this transaction already.
        await upsertSnapshots(em, [serialised]);
      });
    },
  };
}
