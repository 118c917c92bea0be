import { Migration } from '@mikro-orm/migrations';

/** Insights: findings of the insight rules with their evidence, deduplicated by key within a window, acknowledged by admins. */
export class Migration20261130000500_insights extends Migration {
  override name = 'Migration20261130000500_insights';

  up(): void {
    this.addSql(`create table "insight" ("id" uuid not null, "kind" varchar(255) not null, "severity" varchar(255) not null, "subject" jsonb not null, "summary" text not null, "recommendation" text not null, "evidence" jsonb not null, "dedupe_key" text not null, "created_at" timestamptz not null, "acknowledged_at" timestamptz null, "acknowledged_by" varchar(255) null, primary key ("id"));`);
    this.addSql(`create index "insight_created_at_index" on "insight" ("created_at");`);
    this.addSql(`create index "insight_dedupe_key_created_at_index" on "insight" ("dedupe_key", "created_at");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "insight";`);
  }
}
