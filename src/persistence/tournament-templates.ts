import { randomUUID } from 'node:crypto';
import { TournamentTemplate } from './entities/TournamentTemplate.ts';
import type { Orm } from './orm.ts';
import type { TournamentTemplateInput, TournamentTemplateRecord, TournamentTemplateRepository } from './tournament-types.ts';
import { isUuid } from './uuid.ts';

/** The fields a caller may set; anything else in an update is ignored. */
const FIELDS = ['name', 'definition', 'schedule', 'leadMinutes', 'refill'] as const satisfies readonly (keyof TournamentTemplateInput)[];

function pick(changes: Partial<TournamentTemplateInput>): Partial<TournamentTemplateInput> {
  const picked: Record<string, unknown> = {};
  for (const field of FIELDS) if (changes[field] !== undefined) picked[field] = changes[field];
  // As JSON stores it: a field left undefined in the definition is no field.
  if (picked.definition !== undefined) picked.definition = JSON.parse(JSON.stringify(picked.definition));
  return picked as Partial<TournamentTemplateInput>;
}

function toRecord(row: TournamentTemplate): TournamentTemplateRecord {
  return {
    id: row.id, name: row.name, definition: row.definition, schedule: row.schedule ?? null, leadMinutes: row.leadMinutes,
    refill: row.refill, retiredAt: row.retiredAt ?? null, createdAt: row.createdAt,
  };
}

/**
 * Tournament templates, stored as given: their rules (a definition the
 * tournament rules accept, a schedule node-cron reads) are checked by the
 * caller before a write (`verifyTournamentTemplate`, src/jobs/tournament-templates.ts).
 */
export function tournamentTemplateRepository(orm: Orm, now: () => Date = () => new Date()): TournamentTemplateRepository {
  return {
    async list(includeRetired = false) {
      const rows = await orm.em.fork().find(TournamentTemplate, includeRetired ? {} : { retiredAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      return rows.map(toRecord);
    },

    async get(id) {
      if (!isUuid(id)) return null;
      const row = await orm.em.fork().findOne(TournamentTemplate, { id });
      return row ? toRecord(row) : null;
    },

    async create(input) {
      const em = orm.em.fork();
      const row = em.create(TournamentTemplate, { ...(pick(input) as TournamentTemplateInput), id: randomUUID(), retiredAt: null, createdAt: now() });
      await em.flush();
      return toRecord(row);
    },

    async update(id, changes) {
      if (!isUuid(id)) return null;
      const em = orm.em.fork();
      const row = await em.findOne(TournamentTemplate, { id });
      if (!row) return null;
      em.assign(row, pick(changes));
      await em.flush();
      return toRecord(row);
    },

    async retire(id) {
      if (!isUuid(id)) return null;
      const em = orm.em.fork();
      const row = await em.findOne(TournamentTemplate, { id });
      if (!row) return null;
      row.retiredAt ??= now();
      await em.flush();
      return toRecord(row);
    },
  };
}
