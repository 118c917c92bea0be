import { Snapshot } from './entities/Snapshot.ts';
import type { Em, Orm } from './orm.ts';
import { PersistenceError, type SnapshotRecord, type SnapshotRepository } from './types.ts';

export type SnapshotInput = { tableId: string; version: number; state: unknown };

// Four parameters a row; PostgreSQL allows 65535 in one statement.
const ROWS_PER_STATEMENT = 1000;

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

/** The error of a write fenced off because `tableId`'s lease is held by another process (or by none). */
export function leaseLost(tableId: string): PersistenceError {
  return new PersistenceError('lease_lost', `This process no longer holds the lease of table ${tableId}; its new owner runs it now.`);
}

/**
 * Of `tableIds`, those `owner` holds the lease of, their rows locked (shared)
 * until the caller's transaction ends: a claim by another process waits for
 * our write to commit, so it restores from a snapshot that includes it, and
 * no write of ours lands after it. Locked in id order, like `renew`, so the
 * two cannot deadlock.
 */
export async function lockOwned(em: Em, tableIds: string[], owner: string): Promise<Set<string>> {
  const held = new Set<string>();
  const sorted = [...new Set(tableIds)].sort();
  for (let start = 0; start < sorted.length; start += ROWS_PER_STATEMENT) {
    const chunk = sorted.slice(start, start + ROWS_PER_STATEMENT);
    const rows = await em.execute<{ id: string }[]>(
      `select "id" from "poker_table" where "id" in (${chunk.map(() => '?').join(', ')}) and "owner_process" = ? order by "id" for share`,
      [...chunk, owner],
    );
    for (const row of rows) held.add(row.id);
  }
  return held;
}

/**
 * Upserts snapshots inside the caller's transaction. A row is only replaced
 * by a version at least as new, so a slow writer holding an old state can
 * never roll a table back. With `owner`, only the tables whose lease that
 * process holds are written; returns the ids of the others.
 */
export async function upsertSnapshots(em: Em, snapshots: SnapshotInput[], owner?: string): Promise<string[]> {
  snapshots.forEach(check);
  // One statement cannot touch a row twice, so keep only each table's newest snapshot of the batch.
  const newest = new Map<string, SnapshotInput>();
  for (const snapshot of snapshots) {
    const kept = newest.get(snapshot.tableId);
    if (!kept || snapshot.version >= kept.version) newest.set(snapshot.tableId, snapshot);
  }
  const held = owner === undefined ? null : await lockOwned(em, [...newest.keys()], owner);
  const refused = held ? [...newest.keys()].filter((tableId) => !held.has(tableId)).sort() : [];
  const rows = [...newest.values()].filter((snapshot) => !held || held.has(snapshot.tableId));
  const savedAt = new Date();
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    await em.execute(
      `insert into "snapshot" ("table_id", "version", "state", "saved_at") values ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}
       on conflict ("table_id") do update set "version" = excluded."version", "state" = excluded."state", "saved_at" = excluded."saved_at"
       where "snapshot"."version" <= excluded."version"`,
      chunk.flatMap((snapshot) => [snapshot.tableId, snapshot.version, JSON.stringify(snapshot.state), savedAt]),
    );
  }
  return refused;
}

export function snapshotRepository(orm: Orm): SnapshotRepository {
  return {
    async saveMany(snapshots, owner) {
      if (snapshots.length === 0) return [];
      return orm.em.fork().transactional((em) => upsertSnapshots(em, snapshots, owner));
    },

    async load(tableId) {
      const snapshot = await orm.em.fork().findOne(Snapshot, { tableId });
      if (!snapshot) return null;
      const record: SnapshotRecord = { tableId: snapshot.tableId, version: snapshot.version, state: snapshot.state, savedAt: snapshot.savedAt };
      return record;
    },
  };
}
