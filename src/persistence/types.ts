import type { RotationSpec } from '../engine/table/rotation.ts';
import type { TableOptions } from '../engine/cash/options/table-options.ts';
import type { CashTableState } from '../engine/cash/state.ts';
import type { Stakes } from '../engine/table/state.ts';
import { CodedError } from '../coded-error.ts';

/**
 * What the rest of Felt sees of the database: plain records and small
 * repository interfaces. Entities and the ORM stay inside src/persistence.
 * Amounts are integer chips.
 */

export type PlayerRecord = {
  id: string;
  name: string;
  /** Null for guests. */
  username: string | null;
  isAdmin: boolean;
  bannedAt: Date | null;
  createdAt: Date;
};

export type PlayerWithSecret = PlayerRecord & { passwordHash: string | null };

/** A player as admins list them: the record and the wallet's balance. */
export type PlayerWithBalance = PlayerRecord & { balance: number };

export interface PlayerRepository {
  /** A guest with a fresh wallet holding `startingBalance`. */
  createGuest(name: string, startingBalance: number): Promise<PlayerRecord>;
  /** Throws a `PersistenceError` with code `username_taken` when the name is in use. */
  register(input: { username: string; name: string; passwordHash: string; isAdmin?: boolean }, startingBalance: number): Promise<PlayerRecord>;
  findById(id: string): Promise<PlayerRecord | null>;
  findByUsername(username: string): Promise<PlayerWithSecret | null>;
  /** Newest first, each with its wallet's balance; `query` matches name or username anywhere, case-insensitively. */
  search(filter: { query?: string; limit: number; offset: number }): Promise<{ players: PlayerWithBalance[]; total: number }>;
  /** Bans (`bannedAt` set now, kept if already banned) or unbans; null for an unknown player. */
  setBanned(id: string, banned: boolean): Promise<PlayerRecord | null>;
}

/**
 * Who holds chips: a player's wallet, a table (stacks and pots on it), a
 * tournament's prize pool, the house (rake, fees), or outside money (admin credits).
 */
export type AccountKind = 'player' | 'table' | 'tournament' | 'house' | 'external';

export type LedgerEntryInput = { kind: AccountKind; owner: string; amount: number };

export type TransferInput = {
  /** Idempotency key: a second transfer with the same key does nothing and returns the first. */
  key: string;
  /** Why: `buyIn`, `topUp`, `cashOut`, `rake`, `credit`, `debit`, `tournamentPrize` … (`TRANSFER_REASON`, src/money). */
  reason: string;
  /** Entries must sum to zero. A player account may never go below zero. */
  entries: LedgerEntryInput[];
  meta?: Record<string, unknown>;
};

export type TransferRecord = {
  id: string;
  key: string;
  reason: string;
  createdAt: Date;
  entries: { kind: AccountKind; owner: string; amount: number }[];
  /** False when this key had already been applied and nothing new happened. */
  applied: boolean;
  /** What the transfer's cause attached (an admin's note and id for admin credits), or null. */
  meta: Record<string, unknown> | null;
};

export interface LedgerRepository {
  /**
   * Applies a balanced transfer atomically. Throws `PersistenceError`
   * `insufficient_funds` (nothing applied) when a player account would go
   * negative, and `unbalanced` when entries do not sum to zero.
   */
  transfer(input: TransferInput): Promise<TransferRecord>;
  balance(kind: AccountKind, owner: string): Promise<number>;
  /** Newest first. */
  history(kind: AccountKind, owner: string, limit: number, offset: number): Promise<TransferRecord[]>;
  /** How many transfers `history` pages through. */
  historyCount(kind: AccountKind, owner: string): Promise<number>;
  /** All the house holds: its own account, every table's rake account (`ACCOUNTS.rakeOf`) and every tournament's fees (`ACCOUNTS.feesOf`). */
  houseBalance(): Promise<number>;
  /** Sum over all player, table, tournament and house accounts (for conservation checks). */
  totalHeld(): Promise<number>;
}

export type TemplateRecord = {
  id: string;
  name: string;
  variant: string;
  smallBlind: number;
  bigBlind: number;
  ante: number;
  bigBlindAnte: boolean;
  straddle: number;
  /** Fixed limit: small and big bet. */
  smallBet: number;
  bigBet: number;
  minBuyIn: number;
  maxBuyIn: number;
  maxSeats: number;
  actionSeconds: number;
  timeBankSeconds: number;
  rakeBasisPoints: number;
  rakeCap: number;
  idleMinutes: number;
  minTables: number;
  /** Stud (alone or in a rotation): the bring-in, below the small bet; absent or 0 otherwise. */
  bringIn?: number;
  /** Stud: an open pair on fourth street lets a bet or raise there be the big bet (off, as in PokerKit, when absent). */
  openPairBigBet?: boolean;
  /** Mixed games: a preset's name (`HORSE`, `8-game`) or the games in turn; absent or null for a table of one variant. */
  rotation?: RotationSpec | null;
  retiredAt: Date | null;
  // The table options (see `TableOptions`): the repository reads every one back; one a template does not name is off.
} & Partial<TableOptions>;

export type TemplateInput = Omit<TemplateRecord, 'id' | 'retiredAt'>;

export interface TemplateRepository {
  list(includeRetired?: boolean): Promise<TemplateRecord[]>;
  /** Null as well for a null id: a tournament table's (`TableRecord.templateId`) names no template. */
  get(id: string | null): Promise<TemplateRecord | null>;
  create(input: TemplateInput): Promise<TemplateRecord>;
  update(id: string, changes: Partial<TemplateInput>): Promise<TemplateRecord | null>;
  retire(id: string): Promise<TemplateRecord | null>;
}

/**
 * A tournament table's own settings, stored on its row (it has no template):
 * the game, the seats, its number in the tournament and the stakes it opened
 * at (the tournament sends the stakes of each hand with its `deal`).
 */
export type TournamentTableSettings = {
  variant: string;
  maxSeats: number;
  /** 1, 2 … within its tournament. */
  number: number;
  stakes: Stakes;
  /** Fixed limit: the small and the big bet. */
  smallBet: number;
  bigBet: number;
  actionSeconds?: number;
  timeBankSeconds?: number;
};

export type TableRecord = {
  /** Also the Colyseus room id. */
  id: string;
  /** The template of a cash table; null for a tournament table. */
  templateId: string | null;
  /** The tournament of a tournament table; null for a cash table. */
  tournamentId: string | null;
  /** A tournament table's settings; null for a cash table (its template has them). */
  settings: TournamentTableSettings | null;
  name: string;
  status: 'open' | 'closing' | 'closed';
  ownerProcess: string | null;
  leaseUntil: Date | null;
  createdAt: Date;
};

export interface TableRepository {
  /** A cash table of a template, or a tournament's table with its settings. */
  create(input: { id: string; templateId: string; name: string } | { id: string; tournamentId: string; settings: TournamentTableSettings; name: string }): Promise<TableRecord>;
  get(id: string): Promise<TableRecord | null>;
  /** Open tables, cash and tournament ones. */
  listOpen(): Promise<TableRecord[]>;
  /** A tournament's tables that are not closed, oldest first. */
  listForTournament(tournamentId: string): Promise<TableRecord[]>;
  setStatus(id: string, status: TableRecord['status']): Promise<void>;
  /** Takes ownership if the table is unowned or its lease has expired (or is already ours). True when we own it now. */
  claim(id: string, processId: string, leaseMs: number): Promise<boolean>;
  /** Extends our leases; returns the ids we still own. */
  renew(processId: string, leaseMs: number): Promise<string[]>;
  release(id: string, processId: string): Promise<void>;
  /** Open tables whose lease expired or that have no owner. */
  listOrphaned(now: Date): Promise<TableRecord[]>;
}

/** A stored snapshot, parsed: its state checked field by field and its live deck opened. */
export type SnapshotRecord = { tableId: string; version: number; format: number; state: CashTableState; savedAt: Date };

export interface SnapshotRepository {
  /**
   * Writes many tables' newest snapshots in one transaction; an older version
   * never overwrites a newer one. With `owner` (a process id) it is fenced: a
   * table's snapshot is written only while that process holds its lease, and
   * the ids of the tables it did not hold come back (nothing written for them).
   * Each state is serialised during the call itself, so callers may pass live
   * state and change it as soon as the promise is returned.
   */
  saveMany(snapshots: { tableId: string; version: number; state: unknown }[], owner?: string): Promise<string[]>;
  /**
   * The table's snapshot, or null when it has none. Throws
   * `SnapshotRefusedError` (a `PersistenceError`) when the stored one cannot be
   * trusted: `snapshot_version` (a format this Felt does not know),
   * `snapshot_invalid` (not a table's state), `deck_key_mismatch` (its live
   * deck was sealed with another deck key), `deck_tampered` (its deck fails its check).
   */
  load(tableId: string): Promise<SnapshotRecord | null>;
}

export type HandRecordInput = {
  id: string;
  tableId: string;
  handNumber: number;
  variant: string;
  startedAt: Date;
  endedAt: Date;
  /** Player ids in hand order. */
  playerIds: string[];
  /** The engine's HandState (config, log, pots, winnings): plain JSON. */
  state: unknown;
  rake: number;
};

export type HandRecord = HandRecordInput;

/** Which hands: a table's, a player's, of a variant, and those that ended at or after `from` and before `to`. */
export type HandFilter = { tableId?: string; playerId?: string; variant?: string; from?: Date; to?: Date };

export interface HandRepository {
  get(id: string): Promise<HandRecord | null>;
  list(filter: HandFilter & { limit: number; offset: number }): Promise<HandRecord[]>;
  /** How many hands `list` pages through with this filter. */
  count(filter: HandFilter): Promise<number>;
  /** When each of these tables' newest hand ended; a table without hands is absent. */
  lastEndedAt(tableIds: string[]): Promise<Map<string, Date>>;
}

/**
 * The end of a hand, written in one transaction: the hand record, the rake
 * moved from the table account to the house (idempotent by hand id), and the
 * table's snapshot. Durable before the next hand deals.
 */
export interface HandCompletion {
  /**
   * With `owner` (a process id) it is fenced: unless that process holds the
   * table's lease, nothing is written and it throws `PersistenceError` `lease_lost`.
   * The hand and snapshot states are serialised during the call itself, as in `saveMany`.
   */
  complete(input: { hand: HandRecordInput; snapshot: { tableId: string; version: number; state: unknown }; owner?: string }): Promise<void>;
}

export class PersistenceError extends CodedError {}
