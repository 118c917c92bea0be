import { Migration } from '@mikro-orm/migrations';

/** Background jobs and what they collect: claimed job runs, minute snapshots of the cluster, hourly sums per template. */
export class Migration20261130000400_jobs_analytics extends Migration {
  override name = 'Migration20261130000400_jobs_analytics';

  up(): void {
    this.addSql(`create table "job_runs" ("job_name" varchar(255) not null, "slot" varchar(255) not null, "process_id" varchar(255) not null, "status" text not null default 'running', "started_at" timestamptz not null, "finished_at" timestamptz null, "duration_ms" int null, "error" text null, primary key ("job_name", "slot"));`);
    this.addSql(`create index "job_runs_started_at_index" on "job_runs" ("started_at");`);
    this.addSql(`alter table "job_runs" add constraint "job_runs_status_check" check ("status" in ('running', 'ok', 'failed'));`);

    this.addSql(`create table "analytics_snapshots" ("taken_at" timestamptz not null, "open_tables" int not null, "seated_players" int not null, "watchers" int not null, "hands" int not null, "rake" bigint not null, "connections" jsonb not null, primary key ("taken_at"));`);

    this.addSql(`create table "template_hourly" ("template_id" varchar(255) not null, "hour" timestamptz not null, "hands" int not null, "unique_players" int not null, "rake" bigint not null, "pot_total" bigint not null, "flop_hands" int not null, "flop_players" int not null, primary key ("template_id", "hour"));`);
    this.addSql(`create index "template_hourly_hour_index" on "template_hourly" ("hour");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "template_hourly";`);
    this.addSql(`drop table if exists "analytics_snapshots";`);
    this.addSql(`drop table if exists "job_runs";`);
  }
}
