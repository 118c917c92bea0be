import type { DeckState } from '../engine/deck.ts';
import type { DeckCipher } from './deck-cipher.ts';
import { Snapshot } from './entities/Snapshot.ts';
import type { Em, Orm } from './orm.ts';
import { CURRENT_SNAPSHOT_FORMAT, parseSnapshotState } from './snapshot-format.ts';
import { query } from './sql.ts';
import { PersistenceError, type SnapshotRecord, type SnapshotRepository } from './types.ts';

export type SnapshotInput = { tableId: string; version: number; state: unknown };

/** A snapshot whose state is already JSON text: read once, when the write was asked for. */
export type SerialisedSnapshot = { tableId: string; version: number; json: string };

function check(snapshot: SnapshotInput): void {
  if (typeof snapshot.tableId !== 'string' || snapshot.tableId.length === 0) {
    throw new PersistenceError('invalid_snapshot', 'A snapshot needs the id of its table.');
  }
  if (!Number.isSafeInteger(snapshot.version) || snapshot.version < 0) {
    throw new PersistenceError('invalid_snapshot', `The snapshot of table ${snapshot.tableId} has version ${snapshot.version}; versions are whole numbers from 0.`);
  }
  if (snapshot.state === undefined) {
    throw new PersistenceError('invalid_snapshot', `The snapshot of table ${snapshot.tableId} has no state.`);
  }
}

/**
 * Checks a snapshot and serialises its state now, in the current format
 * (`CURRENT_SNAPSHOT_FORMAT`): the live hand's deck sealed by `cipher`, the
 * rest as it is. The JSON text is the copy: the live state may change as soon
 * as this returns, the write does not. The live state is not touched: two
 * shallow copies carry the sealed deck instead.
 */
export function serialiseSnapshot(snapshot: SnapshotInput, cipher: DeckCipher): SerialisedSnapshot {
  check(snapshot);
  const { tableId, version, state } = snapshot;
  const hand = (state as { hand?: unknown } | null)?.hand as { deck?: unknown } | null | undefined;
  const deck = hand?.deck as DeckState | null | undefined;
  const json = deck
    ? JSON.stringify({ ...(state as object), hand: { ...hand, deck: cipher.seal(deck, tableId, version) } })
    : JSON.stringify(state);
  return { tableId, version, json };
}

/** The error of a write fenced off because `tableId`'s lease is held by another process (or by none). */
export function leaseLost(tableId: string): PersistenceError {
  return new PersistenceError('lease_lost', `This process no longer holds the lease of table ${tableId}; its new owner runs it now.`);
}

/**
 * The upsert of the rows of parameter `rows`, a JSON array of `{"t": tableId, "v": version, "f": format, "s": state}`
 * (one parameter, however many tables), saved at parameter `savedAt`, limited to the tables `where`
 * selects. A row is only replaced by a version at least as new, so a slow writer
 * holding an old state can never roll a table back. Rows are locked in table id
 * order, so two batches that share tables cannot deadlock. `json`, not `jsonb`:
 * each state's text is stored as it comes, never converted.
 */
export function upsertStatement(where: string, rows = '$1', savedAt = '$2'): string {
  return `insert into "snapshot" ("table_id", "version", "format", "state", "saved_at")
    select "r"."t", "r"."v", "r"."f", "r"."s", ${savedAt}::timestamptz from json_to_recordset(${rows}::json) as "r"("t" text, "v" bigint, "f" int, "s" json) where ${where}
    order by "r"."t"
    on conflict ("table_id") do update set "version" = excluded."version", "format" = excluded."format", "state" = excluded."state", "saved_at" = excluded."saved_at"
    where "snapshot"."version" <= excluded."version"`;
}

/** `$1` of `upsertStatement`: the rows as one JSON document, each state's text spliced in as it is. */
export function snapshotRows(snapshots: SerialisedSnapshot[]): string {
  return `[${snapshots.map((snapshot) => `{"t":${JSON.stringify(snapshot.tableId)},"v":${snapshot.version},"f":${CURRENT_SNAPSHOT_FORMAT},"s":${snapshot.json}}`).join(',')}]`;
}

/**
 * Fenced: first locks (shared, until the statement's transaction ends) the
 * `poker_table` rows of `$3` whose lease `$4` holds, in id order like `renew`
 * so the two cannot deadlock, then writes only those tables' snapshots. A claim
 * by another process waits for our write to commit, so it restores from a
 * snapshot that includes it, and no write of ours lands after it.
 */
const FENCED_UPSERT = `with "held" as (
    select "id" from "poker_table" where "id" = any($3::text[]) and "owner_process" = $4::text order by "id" for share
  ), "written" as (${upsertStatement('"r"."t" in (select "id" from "held")')})
  select "id" from "held"`;

const UNFENCED_UPSERT = upsertStatement('true');

/** Each table's newest snapshot of `snapshots`, by table id: one statement cannot touch a row twice. */
export function newestPerTable(snapshots: SerialisedSnapshot[]): SerialisedSnapshot[] {
  const newest = new Map<string, SerialisedSnapshot>();
  for (const snapshot of snapshots) {
    const kept = newest.get(snapshot.tableId);
    if (!kept || snapshot.version >= kept.version) newest.set(snapshot.tableId, snapshot);
  }
  return [...newest.values()].sort((a, b) => (a.tableId < b.tableId ? -1 : a.tableId > b.tableId ? 1 : 0));
}

/**
 * Upserts snapshots in one statement (so atomic on its own), inside `em`'s
 * transaction when it has one. With `owner`, only the tables whose lease that
 * process holds are written; returns the ids of the others.
 */
export async function upsertSnapshots(em: Em, snapshots: SerialisedSnapshot[], owner?: string): Promise<string[]> {
  const newest = newestPerTable(snapshots);
  if (newest.length === 0) return [];
  const rows = snapshotRows(newest);
  // In id order already, as the fence locks them.
  const tableIds = newest.map((snapshot) => snapshot.tableId);
  const savedAt = new Date();
  if (owner === undefined) {
    await query(em, UNFENCED_UPSERT, [rows, savedAt]);
    return [];
  }
  const held = new Set((await query<{ id: string }>(em, FENCED_UPSERT, [rows, savedAt, tableIds, owner])).map((row) => row.id));
  return tableIds.filter((tableId) => !held.has(tableId));
}

export function snapshotRepository(orm: Orm, cipher: DeckCipher): SnapshotRepository {
  return {
    async saveMany(snapshots, owner) {
      // Serialised before the first await: the caller may change its states as soon as this returns a promise.
      const serialised = snapshots.map((snapshot) => serialiseSnapshot(snapshot, cipher));
      // One statement: its implicit transaction holds the fence's row locks until the write commits.
      return upsertSnapshots(orm.em.fork(), serialised, owner);
    },

    async load(tableId) {
      const snapshot = await orm.em.fork().findOne(Snapshot, { tableId });
      if (!snapshot) return null;
      const state = parseSnapshotState({ tableId: snapshot.tableId, version: snapshot.version, format: snapshot.format, state: snapshot.state }, cipher);
      const record: SnapshotRecord = { tableId: snapshot.tableId, version: snapshot.version, format: snapshot.format, state, savedAt: snapshot.savedAt };
      return record;
    },
  };
}
