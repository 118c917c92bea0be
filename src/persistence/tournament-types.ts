/**
 * Records and repositories of tournaments: the tournament rows (definition,
 * status, lease, snapshot), the entries (each written with its money in one
 * transaction) and the templates the templates job opens tournaments from.
 * Plain records, as in `types.ts`; `buyIn`, `fee`, prices and prizes are
 * wallet money, whole chips.
 */
import type { TournamentDefinition, TournamentKind, TournamentStatus } from '../tournaments/rules/structure.ts';
import type { Paged } from './analytics-types.ts';
import type { EntryStatus } from './entities/TournamentEntry.ts';
import { PersistenceError } from './types.ts';

export type { EntryStatus } from './entities/TournamentEntry.ts';
export { ENTRY_STATUS } from './entities/TournamentEntry.ts';

export type TournamentRecord = {
  /** Also the `tournament` room's id. */
  id: string;
  name: string;
  kind: TournamentKind;
  variant: string;
  status: TournamentStatus;
  definition: TournamentDefinition;
  startsAt: Date | null;
  /** The tournament template it was opened from, and the slot (an ISO minute) a scheduled one was opened for. */
  templateId: string | null;
  templateSlot: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  ownerProcess: string | null;
  leaseUntil: Date | null;
  /** Entries sold, re-entries included, less those unregistered: the field. */
  entrants: number;
  /** The version of the stored snapshot, or null before the first. */
  snapshotVersion: number | null;
};

export type TournamentCreateInput = {
  definition: TournamentDefinition;
  /** Default: a new uuid. */
  id?: string;
  templateId?: string;
  templateSlot?: string;
};

/** A tournament's stored snapshot: the actor's state as it wrote it, in a format this Felt knows. */
export type TournamentSnapshotRecord = { tournamentId: string; version: number; format: number; state: Record<string, unknown>; savedAt: Date };

export interface TournamentRepository {
  /**
   * A new tournament, `registering`. Its definition is checked by
   * `verifyDefinition` (at `now`: an `mtt` must start after it), refused with
   * `InvalidDefinitionError`; a second tournament for a template's slot, or a
   * second registering sit-and-go of one template, with `tournament_exists`.
   */
  create(input: TournamentCreateInput, now?: Date): Promise<TournamentRecord>;
  get(id: string): Promise<TournamentRecord | null>;
  /** Newest first; only the given statuses, or only a template's tournaments, when asked. */
  list(filter: { status?: TournamentStatus[]; templateId?: string; limit: number; offset: number }): Promise<Paged<TournamentRecord>>;
  /**
   * Moves a tournament on: registering → running (`startedAt` set) →
   * finished, or to cancelled from either (`finishedAt` set). The same status
   * again changes nothing; any other move is refused with `invalid_status`.
   * With `owner` it is fenced like a snapshot (`lease_lost`). Null for an unknown id.
   */
  setStatus(id: string, status: TournamentStatus, options?: { owner?: string; at?: Date }): Promise<TournamentRecord | null>;
  /** Takes the lease if the tournament is registering or running and unowned, ours, or lapsed. True when we hold it now. */
  claim(id: string, processId: string, leaseMs: number): Promise<boolean>;
  /** Extends our leases; returns the ids we still hold. */
  renew(processId: string, leaseMs: number): Promise<string[]>;
  release(id: string, processId: string): Promise<void>;
  /** Registering or running tournaments whose lease lapsed or that have no owner. */
  listOrphaned(at: Date): Promise<TournamentRecord[]>;
  /** Every registering or running tournament: each needs an actor. Oldest first. */
  listRunnable(): Promise<TournamentRecord[]>;
  /**
   * Writes the actor's state, fenced: only while `owner` holds the lease
   * (else `lease_lost`, nothing written). A state older than the stored one
   * is not written (false). The state is serialised during the call.
   */
  saveSnapshot(id: string, version: number, state: unknown, owner: string): Promise<boolean>;
  /**
   * The stored snapshot, or null when none was written. Refused with
   * `TournamentSnapshotRefusedError`: `snapshot_version` (a format this Felt
   * does not know), `snapshot_invalid` (not an object).
   */
  loadSnapshot(id: string): Promise<TournamentSnapshotRecord | null>;
}

export type TournamentEntryRecord = {
  tournamentId: string;
  playerId: string;
  /** 1 for a player's first entry, 2 … for re-entries. */
  entryNo: number;
  name: string;
  status: EntryStatus;
  /** What the entry paid: its buy-in (to the pool) and fee (to the house). */
  buyIn: number;
  fee: number;
  rebuys: number;
  /** What the rebuys cost in all (to the pool). */
  rebuyTotal: number;
  addOns: number;
  addOnTotal: number;
  place: number | null;
  /** The prize of the place (paid with it); 0 for a place without one. */
  prize: number | null;
  registeredAt: Date;
  /** When it was unregistered or refunded. */
  leftAt: Date | null;
  placedAt: Date | null;
};

/** A player's entry with its tournament, for `GET /api/me/tournaments`. */
export type PlayerTournamentRecord = { tournament: TournamentRecord; entry: TournamentEntryRecord };

export type RegisterInput = {
  tournamentId: string;
  playerId: string;
  name: string;
  /** Default: one more than the player's last entry here. An entry number is never used twice, even once refunded (its money key is spent). */
  entryNo?: number;
  buyIn: number;
  fee: number;
};

export type PlaceInput = { tournamentId: string; playerId: string; entryNo: number; place: number; prize: number };

export type PurchaseInput = {
  tournamentId: string;
  playerId: string;
  entryNo: number;
  /** This purchase's number for the entry: 1 for its first rebuy (or add-on), 2 … */
  count: number;
  /** Wallet money to the pool; 0 for a free one (no transfer). */
  price: number;
};

export interface TournamentEntryRepository {
  /**
   * The entry row and its buy-in transfer (buy-in to the pool, fee to the
   * house) in one transaction. Refused, with nothing written:
   * `unknown_tournament`, `registration_closed` (finished or cancelled),
   * `already_registered` (the player has an entry in play, or this entry
   * number exists), `entry_used` (this entry number was refunded: its key is
   * spent), `tournament_full` (`maxEntrants` entries), `insufficient_funds`.
   */
  register(input: RegisterInput): Promise<TournamentEntryRecord>;
  /**
   * The player's registered entry marked `unregistered` and its refund, in
   * one transaction. `registration_closed` unless the tournament is
   * registering; `not_registered` without a registered entry.
   */
  unregister(tournamentId: string, playerId: string): Promise<TournamentEntryRecord>;
  /**
   * For a cancelled tournament: every entry not given back yet and without a
   * prize marked `refunded`, its buy-in, fee, rebuys and add-ons refunded, in
   * one transaction. Returns the entries this call refunded: none the second time.
   */
  refundAll(tournamentId: string): Promise<TournamentEntryRecord[]>;
  /** Every entry of the tournament, in registration order. */
  list(tournamentId: string): Promise<TournamentEntryRecord[]>;
  /** The player's newest entry in the tournament, or null. */
  latest(tournamentId: string, playerId: string): Promise<TournamentEntryRecord | null>;
  /** The player's entries with their tournaments, newest first. */
  forPlayer(playerId: string, page: { limit: number; offset: number }): Promise<Paged<PlayerTournamentRecord>>;
  /**
   * The entry's place and prize, and the prize's transfer (pool → wallet,
   * keyed by the place) when the prize is positive, in one transaction.
   * Exactly once: the same place again changes nothing (`paid` false).
   * Refused: `not_registered` (no such entry, or one given back),
   * `place_conflict` (the entry has another place, or another prize),
   * `place_taken` (another entry has the place), `invalid_place`.
   */
  recordPlace(input: PlaceInput): Promise<{ entry: TournamentEntryRecord; paid: boolean }>;
  /** `recordPlace` for a paid place: the prize must be positive. */
  payPrize(input: PlaceInput): Promise<{ entry: TournamentEntryRecord; paid: boolean }>;
  /**
   * A rebuy (or add-on) of a registered entry: its transfer (wallet → pool,
   * keyed by entry and count) and the entry's count and total in one
   * transaction. The same count again changes nothing (`applied` false);
   * refused: `not_registered`, `invalid_count` (not the next one),
   * `insufficient_funds`.
   */
  rebuy(input: PurchaseInput): Promise<{ entry: TournamentEntryRecord; applied: boolean }>;
  addOn(input: PurchaseInput): Promise<{ entry: TournamentEntryRecord; applied: boolean }>;
}

/** A template's definition: a tournament's, less the name (the template's) and the start (the schedule's). */
export type TournamentTemplateDefinition = Omit<TournamentDefinition, 'name' | 'startsAt'>;

export type TournamentTemplateRecord = {
  id: string;
  name: string;
  definition: TournamentTemplateDefinition;
  /** A five-field cron expression (UTC), for scheduled tournaments; null for sit-and-gos. */
  schedule: string | null;
  /** Scheduled tournaments start this long after they open for registration. */
  leadMinutes: number;
  /** Sit-and-gos: keep one registering. */
  refill: boolean;
  retiredAt: Date | null;
  createdAt: Date;
};

export type TournamentTemplateInput = Omit<TournamentTemplateRecord, 'id' | 'retiredAt' | 'createdAt'>;

export interface TournamentTemplateRepository {
  /** Oldest first. */
  list(includeRetired?: boolean): Promise<TournamentTemplateRecord[]>;
  get(id: string): Promise<TournamentTemplateRecord | null>;
  create(input: TournamentTemplateInput): Promise<TournamentTemplateRecord>;
  update(id: string, changes: Partial<TournamentTemplateInput>): Promise<TournamentTemplateRecord | null>;
  /** Keeps the first retirement date. */
  retire(id: string): Promise<TournamentTemplateRecord | null>;
}

/** A definition `verifyDefinition` refused: `rule` is the rules' code (`no_levels`, `payouts_not_100` …), `field` the definition's field it is about. */
export class InvalidDefinitionError extends PersistenceError {
  readonly rule: string;
  readonly field: string;

  constructor(rule: string, field: string, message: string) {
    super('invalid_definition', message);
    this.name = 'InvalidDefinitionError';
    this.rule = rule;
    this.field = field;
  }
}
