import { Migration } from '@mikro-orm/migrations';

/** Templates of every game: stud's bring-in and open-pair rule, and a mixed game's rotation (a preset's name or the games in turn). */
export class Migration20261215000100_template_games extends Migration {
  override name = 'Migration20261215000100_template_games';

  up(): void {
    this.addSql(`alter table "template" add "bring_in" bigint not null default '0', add "open_pair_big_bet" boolean not null default false, add "rotation" jsonb null;`);
  }

  override down(): void {
    this.addSql(`alter table "template" drop column "rotation", drop column "open_pair_big_bet", drop column "bring_in";`);
  }
}
