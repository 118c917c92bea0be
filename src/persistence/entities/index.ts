import { Account } from './Account.ts';
import { Hand } from './Hand.ts';
import { HandPlayer } from './HandPlayer.ts';
import { LedgerEntry } from './LedgerEntry.ts';
import { LedgerTransaction } from './LedgerTransaction.ts';
import { Player } from './Player.ts';
import { Snapshot } from './Snapshot.ts';
import { TableEntity } from './TableEntity.ts';
import { Template } from './Template.ts';

/** Every entity, for the ORM's configuration. */
export const ENTITIES = [Player, Account, LedgerTransaction, LedgerEntry, Template, TableEntity, Snapshot, Hand, HandPlayer];
