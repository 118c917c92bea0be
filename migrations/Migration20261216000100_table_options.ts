import { Migration } from '@mikro-orm/migrations';

/**
 * A template's table options (run it twice, straddles, time-bank refills,
 * bomb pots, a shared waiting list) in one JSON column: the rows already
 * stored turn none on. The default only fills those rows; new rows always
 * say their options.
 */
export class Migration20261216000100_table_options extends Migration {
  override name = 'Migration20261216000100_table_options';

  up(): void {
    this.addSql(`alter table "template" add column "options" jsonb not null default '{}';`);
    this.addSql(`alter table "template" alter column "options" drop default;`);
  }

  override down(): void {
    this.addSql(`alter table "template" drop column "options";`);
  }
}
