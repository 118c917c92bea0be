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

/**
 * Upserts snapshots inside the caller's transaction. A row is only replaced
 * by a version at least as new, so a slow writer holding an old state can
 * never roll a table back.
 */
export async function upsertSnapshots(em: Em, snapshots: SnapshotInput[]): Promise<void> {
  snapshots.forEach(check);
  // One statement cannot touch a row twice, so keep only each table's newest snapshot of the batch.
  const newest = new Map<string, SnapshotInput>();
  for (const snapshot of snapshots) {
    const kept = newest.get(snapshot.tableId);
    if (!kept || snapshot.version >= kept.version) newest.set(snapshot.tableId, snapshot);
  }
  const rows = [...newest.values()];
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
}

export function snapshotRepository(orm: Orm): SnapshotRepository {
  return {
    async saveMany(snapshots) {
      if (snapshots.length === 0) return;
      await orm.em.fork().transactional((em) => upsertSnapshots(em, snapshots));
    },

    async load(tableId) {
      const snapshot = await orm.em.fork().findOne(Snapshot, { tableId });
      if (!snapshot) return null;
      const record: SnapshotRecord = { tableId: snapshot.tableId, version: snapshot.version, state: snapshot.state, savedAt: snapshot.savedAt };
      return record;
    },
  };
}
