import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000_initial } from './Migration20261123000000_initial.ts';
import { Migration20261130000400_jobs_analytics } from './Migration20261130000400_jobs_analytics.ts';
import { Migration20261130000500_insights } from './Migration20261130000500_insights.ts';
import { Migration20261130000600_snapshot_json } from './Migration20261130000600_snapshot_json.ts';
import { Migration20261201000100_snapshot_format } from './Migration20261201000100_snapshot_format.ts';
import { Migration20261210000100_tournaments } from './Migration20261210000100_tournaments.ts';
import { Migration20261215000100_template_games } from './Migration20261215000100_template_games.ts';
import { Migration20261216000100_table_options } from './Migration20261216000100_table_options.ts';

/**
 * Every migration, oldest first. Listed rather than discovered from the folder
 * so they load the same way under Node's type stripping, in tests and in a
 * bundled deployment. A new migration is one file plus one line here.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123000000_initial', class: Migration20261123000000_initial },
  { name: 'Migration20261130000400_jobs_analytics', class: Migration20261130000400_jobs_analytics },
  { name: 'Migration20261130000500_insights', class: Migration20261130000500_insights },
  { name: 'Migration20261130000600_snapshot_json', class: Migration20261130000600_snapshot_json },
  { name: 'Migration20261201000100_snapshot_format', class: Migration20261201000100_snapshot_format },
  { name: 'Migration20261210000100_tournaments', class: Migration20261210000100_tournaments },
  { name: 'Migration20261215000100_template_games', class: Migration20261215000100_template_games },
  { name: 'Migration20261216000100_table_options', class: Migration20261216000100_table_options },
];
