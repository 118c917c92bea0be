import { JOB_RUN_STATUS } from './entities/JobRun.ts';
import { TABLE_STATUS } from './entities/TableEntity.ts';
import type { Orm } from './orm.ts';
import type { HousekeepingRepository } from './analytics-types.ts';

// Deleting in batches keeps each statement (and its locks) short on a large hand table.
const PRUNE_BATCH = 5_000;

const asDate = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string | Date));

/** The queries behind the cleanup job: how idle tables are, and pruning past the retention settings. */
export function housekeepingRepository(orm: Orm): HousekeepingRepository {
  return {
    async lastActivity(tableIds) {
      const activity = new Map<string, Date | null>();
      if (tableIds.length === 0) return activity;
      const rows = await orm.em.fork().execute<{ id: string; last_hand: unknown; saved_at: unknown }[]>(
        `select "t"."id", (select max("h"."ended_at") from "hand" "h" where "h"."table_id" = "t"."id") as "last_hand", "s"."saved_at"
         from "poker_table" "t" left join "snapshot" "s" on "s"."table_id" = "t"."id"
         where "t"."id" in (${tableIds.map(() => '?').join(', ')})`,
        tableIds,
      );
      for (const row of rows) {
        const times = [asDate(row.last_hand), asDate(row.saved_at)].filter((time): time is Date => time !== null);
        activity.set(row.id, times.length === 0 ? null : new Date(Math.max(...times.map((time) => time.getTime()))));
      }
      return activity;
    },

    async pruneHands(before) {
      let pruned = 0;
      for (;;) {
        const rows = await orm.em.fork().execute<{ id: string }[]>(
          `delete from "hand" where "id" in (select "id" from "hand" where "ended_at" < ? limit ${PRUNE_BATCH}) returning "id"`,
          [before],
        );
        pruned += rows.length;
        if (rows.length < PRUNE_BATCH) return pruned;
      }
    },

    async pruneClosedTableSnapshots(before) {
      const rows = await orm.em.fork().execute<{ table_id: string }[]>(
        `delete from "snapshot" "s" using "poker_table" "t"
         where "t"."id" = "s"."table_id" and "t"."status" = ? and "s"."saved_at" < ? returning "s"."table_id"`,
        [TABLE_STATUS.closed, before],
      );
      return rows.length;
    },

    async pruneAnalytics(before) {
      const em = orm.em.fork();
      const snapshots = await em.execute<{ taken_at: unknown }[]>(`delete from "analytics_snapshots" where "taken_at" < ? returning "taken_at"`, [before]);
      // Only finished runs: a row still running is a claim some process holds.
      const jobRuns = await em.execute<{ slot: string }[]>(`delete from "job_runs" where "started_at" < ? and "status" <> ? returning "slot"`, [before, JOB_RUN_STATUS.running]);
      return { snapshots: snapshots.length, jobRuns: jobRuns.length };
    },
  };
}
