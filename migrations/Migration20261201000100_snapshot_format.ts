import { Migration } from '@mikro-orm/migrations';

/**
 * Each snapshot says how its state is laid out (`SNAPSHOT_FORMAT` in
 * `src/persistence/snapshot-format.ts`), so a Felt that finds a format it does
 * not know refuses the snapshot instead of guessing. The rows already stored
 * are format 1, the layout they were written in: the live deck in the clear.
 */
export class Migration20261201000100_snapshot_format extends Migration {
  override name = 'Migration20261201000100_snapshot_format';

  up(): void {
    this.addSql(`alter table "snapshot" add column "format" int not null default 1;`);
  }

  override down(): void {
    this.addSql(`alter table "snapshot" drop column "format";`);
  }
}
