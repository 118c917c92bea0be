import { Migration } from '@mikro-orm/migrations';

/**
 * Tournaments: their rows (definition, status, lease, snapshot), entries
 * (with what each paid, its place and prize), templates, hourly sums of
 * their money; the minute snapshot's tournament figures; and tournament
 * tables, which have no template: `poker_table` gains `tournament_id` and the
 * table's own `settings`, and `template_id` becomes nullable.
 */
export class Migration20261210000100_tournaments extends Migration {
  override name = 'Migration20261210000100_tournaments';

  up(): void {
    this.addSql(`create table "tournament" ("id" varchar(255) not null, "name" varchar(255) not null, "kind" text not null, "variant" varchar(255) not null, "status" text not null default 'registering', "definition" jsonb not null, "starts_at" timestamptz null, "template_id" varchar(255) null, "template_slot" varchar(255) null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, "owner_process" varchar(255) null, "lease_until" timestamptz null, "state" json null, "version" bigint null, "format" int null, "saved_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "tournament_status_index" on "tournament" ("status");`);
    this.addSql(`create index "tournament_owner_process_index" on "tournament" ("owner_process");`);
    this.addSql(`alter table "tournament" add constraint "tournament_template_id_template_slot_unique" unique ("template_id", "template_slot");`);
    this.addSql(`create unique index "tournament_sng_registering_unique" on "tournament" ("template_id") where "status" = 'registering' and "kind" = 'sng';`);
    this.addSql(`alter table "tournament" add constraint "tournament_kind_check" check ("kind" in ('sng', 'mtt'));`);
    this.addSql(`alter table "tournament" add constraint "tournament_status_check" check ("status" in ('registering', 'running', 'finished', 'cancelled'));`);

    this.addSql(`create table "tournament_entry" ("tournament_id" varchar(255) not null, "player_id" varchar(255) not null, "entry_no" int not null, "name" varchar(255) not null, "status" text not null default 'registered', "buy_in" bigint not null, "fee" bigint not null, "rebuys" int not null default 0, "rebuy_total" bigint not null default '0', "add_ons" int not null default 0, "add_on_total" bigint not null default '0', "place" int null, "prize" bigint null, "registered_at" timestamptz not null, "left_at" timestamptz null, "placed_at" timestamptz null, primary key ("tournament_id", "player_id", "entry_no"));`);
    this.addSql(`create index "tournament_entry_player_id_registered_at_index" on "tournament_entry" ("player_id", "registered_at");`);
    this.addSql(`alter table "tournament_entry" add constraint "tournament_entry_tournament_id_place_unique" unique ("tournament_id", "place");`);
    this.addSql(`alter table "tournament_entry" add constraint "tournament_entry_tournament_id_foreign" foreign key ("tournament_id") references "tournament" ("id");`);
    this.addSql(`alter table "tournament_entry" add constraint "tournament_entry_status_check" check ("status" in ('registered', 'unregistered', 'eliminated', 'finished', 'refunded'));`);

    this.addSql(`create table "tournament_template" ("id" uuid not null, "name" varchar(255) not null, "definition" jsonb not null, "schedule" varchar(255) null, "lead_minutes" int not null default 0, "refill" boolean not null default false, "retired_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "tournament_hourly" ("hour" timestamptz not null, "entries" int not null, "refunds" int not null, "rebuys" int not null, "add_ons" int not null, "buy_ins" bigint not null, "purchases" bigint not null, "fees" bigint not null, "prizes" bigint not null, primary key ("hour"));`);
    this.addSql(`alter table "analytics_snapshots" add "tournament_entries" int not null default 0, add "tournament_fees" bigint not null default '0', add "tournament_prizes" bigint not null default '0';`);
    // Partial: only tournament transfers pay for it, not the rake and table buy-ins of every hand.
    this.addSql(`create index "ledger_transaction_tournament_created_at_index" on "ledger_transaction" ("created_at") where "reason" like 'tournament%';`);

    this.addSql(`alter table "poker_table" add "tournament_id" varchar(255) null, add "settings" jsonb null;`);
    this.addSql(`alter table "poker_table" alter column "template_id" drop not null;`);
    this.addSql(`create index "poker_table_tournament_id_index" on "poker_table" ("tournament_id");`);
  }

  override down(): void {
    // A table without a template cannot stay once template_id is required again.
    this.addSql(`delete from "snapshot" where "table_id" in (select "id" from "poker_table" where "template_id" is null);`);
    this.addSql(`delete from "poker_table" where "template_id" is null;`);
    this.addSql(`drop index if exists "poker_table_tournament_id_index";`);
    this.addSql(`alter table "poker_table" alter column "template_id" set not null;`);
    this.addSql(`alter table "poker_table" drop column "settings", drop column "tournament_id";`);
    this.addSql(`drop index if exists "ledger_transaction_tournament_created_at_index";`);
    this.addSql(`alter table "analytics_snapshots" drop column "tournament_prizes", drop column "tournament_fees", drop column "tournament_entries";`);
    this.addSql(`drop table if exists "tournament_hourly";`);
    this.addSql(`drop table if exists "tournament_template";`);
    this.addSql(`drop table if exists "tournament_entry";`);
    this.addSql(`drop table if exists "tournament";`);
  }
}
