import { Account } from './Account.ts';
import { AnalyticsSnapshot } from './AnalyticsSnapshot.ts';
import { Hand } from './Hand.ts';
import { HandPlayer } from './HandPlayer.ts';
import { Insight } from './Insight.ts';
import { JobRun } from './JobRun.ts';
import { LedgerEntry } from './LedgerEntry.ts';
import { LedgerTransaction } from './LedgerTransaction.ts';
import { Player } from './Player.ts';
import { Snapshot } from './Snapshot.ts';
import { TableEntity } from './TableEntity.ts';
import { Template } from './Template.ts';
import { TemplateHourly } from './TemplateHourly.ts';
import { Tournament } from './Tournament.ts';
import { TournamentEntry } from './TournamentEntry.ts';
import { TournamentHourly } from './TournamentHourly.ts';
import { TournamentTemplate } from './TournamentTemplate.ts';

/** Every entity, for the ORM's configuration. */
export const ENTITIES = [Player, Account, LedgerTransaction, LedgerEntry, Template, TableEntity, Snapshot, Hand, HandPlayer, JobRun, AnalyticsSnapshot, TemplateHourly, Insight, Tournament, TournamentEntry, TournamentTemplate, TournamentHourly];
