import { Migration } from '@mikro-orm/migrations';

/** The first schema: players, the double-entry ledger, templates, tables with leases, snapshots and hand records. */
export class Migration20261123000000_initial extends Migration {
  override name = 'Migration20261123000000_initial';

  up(): void {
    this.addSql(`create table "player" ("id" uuid not null, "name" varchar(255) not null, "username" varchar(255) null, "password_hash" text null, "is_admin" boolean not null default false, "banned_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "player" add constraint "player_username_unique" unique ("username");`);

    this.addSql(`create table "account" ("id" serial primary key, "kind" varchar(255) not null, "owner" varchar(255) not null, "balance" bigint not null default '0');`);
    this.addSql(`alter table "account" add constraint "account_kind_owner_unique" unique ("kind", "owner");`);
    this.addSql(`alter table "account" add constraint "account_balance_check" check (kind = 'external' or balance >= 0);`);

    this.addSql(`create table "ledger_transaction" ("id" bigserial primary key, "key" text not null, "reason" varchar(255) not null, "meta" jsonb null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "ledger_transaction" add constraint "ledger_transaction_key_unique" unique ("key");`);

    this.addSql(`create table "ledger_entry" ("id" bigserial primary key, "transaction_id" bigint not null, "account_id" int not null, "amount" bigint not null);`);
    this.addSql(`create index "ledger_entry_transaction_id_index" on "ledger_entry" ("transaction_id");`);
    this.addSql(`create index "ledger_entry_account_id_transaction_id_index" on "ledger_entry" ("account_id", "transaction_id");`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_transaction_id_foreign" foreign key ("transaction_id") references "ledger_transaction" ("id");`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_account_id_foreign" foreign key ("account_id") references "account" ("id");`);

    this.addSql(`create table "template" ("id" uuid not null, "name" varchar(255) not null, "variant" varchar(255) not null, "small_blind" bigint not null, "big_blind" bigint not null, "ante" bigint not null, "big_blind_ante" boolean not null, "straddle" bigint not null, "small_bet" bigint not null, "big_bet" bigint not null, "min_buy_in" bigint not null, "max_buy_in" bigint not null, "max_seats" int not null, "action_seconds" int not null, "time_bank_seconds" int not null, "rake_basis_points" int not null, "rake_cap" bigint not null, "idle_minutes" int not null, "min_tables" int not null, "retired_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "poker_table" ("id" varchar(255) not null, "template_id" varchar(255) not null, "name" varchar(255) not null, "status" text not null default 'open', "owner_process" varchar(255) null, "lease_until" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "poker_table_template_id_index" on "poker_table" ("template_id");`);
    this.addSql(`create index "poker_table_owner_process_index" on "poker_table" ("owner_process");`);
    this.addSql(`alter table "poker_table" add constraint "poker_table_status_check" check ("status" in ('open', 'closing', 'closed'));`);

    this.addSql(`create table "snapshot" ("table_id" varchar(255) not null, "version" bigint not null, "state" jsonb not null, "saved_at" timestamptz not null, primary key ("table_id"));`);

    this.addSql(`create table "hand" ("id" varchar(255) not null, "table_id" varchar(255) not null, "hand_number" int not null, "variant" varchar(255) not null, "started_at" timestamptz not null, "ended_at" timestamptz not null, "player_ids" jsonb not null, "state" jsonb not null, "rake" bigint not null, primary key ("id"));`);
    this.addSql(`create index "hand_ended_at_index" on "hand" ("ended_at");`);
    this.addSql(`create index "hand_table_id_ended_at_index" on "hand" ("table_id", "ended_at");`);

    this.addSql(`create table "hand_player" ("hand_id" varchar(255) not null, "player_id" varchar(255) not null, "ended_at" timestamptz not null, primary key ("hand_id", "player_id"));`);
    this.addSql(`create index "hand_player_player_id_ended_at_index" on "hand_player" ("player_id", "ended_at");`);
    this.addSql(`alter table "hand_player" add constraint "hand_player_hand_id_foreign" foreign key ("hand_id") references "hand" ("id") on delete cascade;`);
  }

  override down(): void {
    this.addSql(`drop table if exists "hand_player";`);
    this.addSql(`drop table if exists "hand";`);
    this.addSql(`drop table if exists "snapshot";`);
    this.addSql(`drop table if exists "poker_table";`);
    this.addSql(`drop table if exists "template";`);
    this.addSql(`drop table if exists "ledger_entry";`);
    this.addSql(`drop table if exists "ledger_transaction";`);
    this.addSql(`drop table if exists "account";`);
    this.addSql(`drop table if exists "player";`);
  }
}
