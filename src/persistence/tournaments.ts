import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { IllegalActionError } from '../engine/errors.ts';
import { TournamentStatus, verifyDefinition, type TournamentDefinition } from '../tournaments/rules/structure.ts';
import { ENTRY_STATUS } from './entities/TournamentEntry.ts';
import { Tournament } from './entities/Tournament.ts';
import { freeLease, leasesOf } from './leases.ts';
import type { Em, Orm } from './orm.ts';
import { query } from './sql.ts';
import {
  CURRENT_TOURNAMENT_SNAPSHOT_FORMAT, parseTournamentSnapshot,
} from './tournament-snapshot-format.ts';
import { InvalidDefinitionError, type TournamentRecord, type TournamentRepository } from './tournament-types.ts';
import { PersistenceError } from './types.ts';

/** The statuses in which a tournament needs an actor: it takes registrations or is being played. */
export const RUNNABLE_STATUSES: readonly TournamentStatus[] = [TournamentStatus.registering, TournamentStatus.running];

/** Where each status may go next; the same status again is always allowed (and changes nothing). */
const NEXT: Record<TournamentStatus, readonly TournamentStatus[]> = {
  registering: [TournamentStatus.running, TournamentStatus.cancelled],
  running: [TournamentStatus.finished, TournamentStatus.cancelled],
  finished: [],
  cancelled: [],
};

/** The definition field each of `verifyDefinition`'s codes is about. */
const FIELD_OF_RULE: Record<string, string> = {
  bad_definition: 'definition', bad_name: 'name', bad_kind: 'kind', unknown_variant: 'variant', bad_buy_in: 'buyIn', bad_fee: 'fee',
  bad_starting_stack: 'startingStack', bad_table_size: 'tableSize', bad_entrants: 'minEntrants', bad_starts_at: 'startsAt',
  no_levels: 'levels', bad_level: 'levels', bad_blinds: 'levels', blinds_not_increasing: 'levels', bad_level_seconds: 'levels',
  bad_breaks: 'breakEvery', bad_big_blind_ante: 'bigBlindAnte', bad_late_registration: 'lateRegistrationLevels',
  bad_re_entry: 'reEntries', bad_rebuy: 'rebuy', bad_add_on: 'addOn', bad_payouts: 'payouts', payouts_not_100: 'payouts',
  amounts_too_large: 'maxEntrants',
};

/** The field of a definition a rule's refusal is about: `levels.2` when the message names level 3. */
export function definitionField(rule: string, message: string): string {
  const field = FIELD_OF_RULE[rule] ?? 'definition';
  const level = field === 'levels' ? /^Level (\d+)/.exec(message) : null;
  return level ? `levels.${Number(level[1]) - 1}` : field;
}

/**
 * `definition` checked by `verifyDefinition` (at `now`, when given) and
 * copied as JSON stores it (no undefined fields), or an
 * `InvalidDefinitionError` naming the rule and the field.
 */
export function verifiedDefinition(definition: TournamentDefinition, now?: number): TournamentDefinition {
  try {
    verifyDefinition(definition, now);
  } catch (error) {
    if (error instanceof IllegalActionError) throw new InvalidDefinitionError(error.code, definitionField(error.code, error.message), error.message);
    throw error;
  }
  return JSON.parse(JSON.stringify(definition)) as TournamentDefinition;
}

export function leaseLostOf(tournamentId: string): PersistenceError {
  return new PersistenceError('lease_lost', `This process no longer holds the lease of tournament ${tournamentId}; its new owner runs it now.`);
}

/** Entries in the field (not unregistered) per tournament: the `entrants` of each record. */
export async function entrantsOf(em: Em, ids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(ids.map((id) => [id, 0]));
  if (ids.length === 0) return counts;
  const rows = await query<{ tournament_id: string; entrants: string | number }>(
    em,
    `select "tournament_id", count(*) as "entrants" from "tournament_entry" where "tournament_id" = any($1::text[]) and "status" <> $2 group by "tournament_id"`,
    [ids, ENTRY_STATUS.unregistered],
  );
  for (const row of rows) counts.set(row.tournament_id, Number(row.entrants));
  return counts;
}

export function tournamentRecord(row: Tournament, entrants: number): TournamentRecord {
  return {
    id: row.id, name: row.name, kind: row.kind, variant: row.variant, status: row.status, definition: row.definition,
    startsAt: row.startsAt ?? null, templateId: row.templateId ?? null, templateSlot: row.templateSlot ?? null,
    createdAt: row.createdAt, startedAt: row.startedAt ?? null, finishedAt: row.finishedAt ?? null,
    ownerProcess: row.ownerProcess ?? null, leaseUntil: row.leaseUntil ?? null, entrants,
    snapshotVersion: row.version ?? null,
  };
}

/** Tournament rows with their entrant counts, in the order given. */
export async function tournamentRecords(em: Em, rows: Tournament[]): Promise<TournamentRecord[]> {
  const entrants = await entrantsOf(em, rows.map((row) => row.id));
  return rows.map((row) => tournamentRecord(row, entrants.get(row.id) ?? 0));
}

/**
 * Tournaments: their rows, their leases and their snapshots. As for tables,
 * every lease change is one conditional UPDATE (the database settles races)
 * timed by `now`, and only the lease holder's snapshot is written.
 */
export function tournamentRepository(orm: Orm, now: () => Date = () => new Date()): TournamentRepository {
  const leases = leasesOf(orm, Tournament, 'tournament', { status: { $in: RUNNABLE_STATUSES } }, now);
  async function get(id: string): Promise<TournamentRecord | null> {
    const em = orm.em.fork();
    const row = await em.findOne(Tournament, { id });
    return row ? (await tournamentRecords(em, [row]))[0] : null;
  }

  async function find(where: Record<string, unknown>): Promise<TournamentRecord[]> {
    const em = orm.em.fork();
    return tournamentRecords(em, await em.find(Tournament, where, { orderBy: { createdAt: 'asc', id: 'asc' } }));
  }

  return {
    async create(input, at) {
      const createdAt = at ?? now();
      const definition = verifiedDefinition(input.definition, createdAt.getTime());
      const em = orm.em.fork();
      const row = em.create(Tournament, {
        id: input.id ?? randomUUID(), name: definition.name, kind: definition.kind, variant: definition.variant,
        status: TournamentStatus.registering, definition,
        startsAt: definition.startsAt === undefined ? null : new Date(definition.startsAt),
        templateId: input.templateId ?? null, templateSlot: input.templateSlot ?? null,
        createdAt, startedAt: null, finishedAt: null, ownerProcess: null, leaseUntil: null,
        state: null, version: null, format: null, savedAt: null,
      });
      try {
        await em.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          throw new PersistenceError('tournament_exists', input.templateId
            ? `Template ${input.templateId} has its tournament for this slot already, or a sit-and-go of it is registering.`
            : `A tournament with id ${input.id} exists already; pick another id.`);
        }
        throw error;
      }
      return tournamentRecord(row, 0);
    },

    get,

    async list({ status, templateId, limit, offset }) {
      const em = orm.em.fork();
      const where = {
        ...(status && status.length > 0 ? { status: { $in: status } } : {}),
        ...(templateId !== undefined ? { templateId } : {}),
      };
      const [rows, total] = await em.findAndCount(Tournament, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit, offset });
      return { items: await tournamentRecords(em, rows), total };
    },

    async setStatus(id, status, options = {}) {
      if (!Object.values(TournamentStatus).includes(status)) {
        throw new PersistenceError('invalid_status', `A tournament's status is one of ${Object.values(TournamentStatus).join(', ')}; got ${String(status)}.`);
      }
      const current = await get(id);
      if (!current) return null;
      if (options.owner !== undefined && current.ownerProcess !== options.owner) throw leaseLostOf(id);
      if (current.status === status) return current;
      if (!NEXT[current.status].includes(status)) {
        throw new PersistenceError('invalid_status', `Tournament ${id} is ${current.status}; it cannot become ${status}.`);
      }
      const at = options.at ?? now();
      const times = status === TournamentStatus.running ? { startedAt: at } : { finishedAt: at };
      const changed = await orm.em.fork().nativeUpdate(
        Tournament,
        { id, status: current.status, ...(options.owner !== undefined ? { ownerProcess: options.owner } : {}) },
        { status, ...times },
      );
      if (changed === 0) {
        // Someone else moved it (or took the lease) between our read and our write: report what it is now.
        const after = await get(id);
        if (options.owner !== undefined && after?.ownerProcess !== options.owner) throw leaseLostOf(id);
        if (after?.status === status) return after;
        throw new PersistenceError('invalid_status', `Tournament ${id} became ${after?.status} meanwhile; it was not made ${status}.`);
      }
      return get(id);
    },

    claim: leases.claim,
    renew: leases.renew,
    release: leases.release,

    async listOrphaned(at) {
      return find({ status: { $in: RUNNABLE_STATUSES }, $or: freeLease(at) });
    },

    async listRunnable() {
      return find({ status: { $in: RUNNABLE_STATUSES } });
    },

    async saveSnapshot(id, version, state, owner) {
      if (!Number.isSafeInteger(version) || version < 0) {
        throw new PersistenceError('invalid_snapshot', `The snapshot of tournament ${id} has version ${version}; versions are whole numbers from 0.`);
      }
      if (typeof state !== 'object' || state === null || Array.isArray(state)) {
        throw new PersistenceError('invalid_snapshot', `The snapshot of tournament ${id} must be the state object.`);
      }
      if (typeof owner !== 'string' || owner.length === 0) {
        throw new PersistenceError('invalid_snapshot', `The snapshot of tournament ${id} needs the process that holds its lease.`);
      }
      // Serialised before the first await: the actor may change its state as soon as this returns a promise.
      const json = JSON.stringify(state);
      const em = orm.em.fork();
      // One statement: the row lock it takes orders it against a claim, so no write of ours lands after another process took the lease.
      const written = await query<{ id: string }>(
        em,
        `update "tournament" set "state" = $1::json, "version" = $2, "format" = $3, "saved_at" = $4
         where "id" = $5 and "owner_process" = $6 and ("version" is null or "version" <= $2) returning "id"`,
        [json, version, CURRENT_TOURNAMENT_SNAPSHOT_FORMAT, now(), id, owner],
      );
      if (written.length === 1) return true;
      const [row] = await query<{ owner_process: string | null }>(em, 'select "owner_process" from "tournament" where "id" = $1', [id]);
      if (!row || row.owner_process !== owner) throw leaseLostOf(id);
      return false;
    },

    async loadSnapshot(id) {
      const [row] = await query<{ state: unknown; version: string | number | null; format: number | null; saved_at: Date | string | null }>(
        orm.em.fork(), 'select "state", "version", "format", "saved_at" from "tournament" where "id" = $1', [id],
      );
      if (!row || row.version === null || row.saved_at === null) return null;
      const version = Number(row.version);
      const format = row.format ?? CURRENT_TOURNAMENT_SNAPSHOT_FORMAT;
      // The pg driver hands back a json column parsed; read it as text when a driver does not.
      const stored = typeof row.state === 'string' ? JSON.parse(row.state) as unknown : row.state;
      const state = parseTournamentSnapshot({ tournamentId: id, version, format, state: stored });
      return { tournamentId: id, version, format, state, savedAt: new Date(row.saved_at) };
    },
  };
}
