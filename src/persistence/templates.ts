import { randomUUID } from 'node:crypto';
import { NO_TABLE_OPTIONS, TABLE_OPTION_FIELDS, type TableOptions } from '../engine/cash/options/table-options.ts';
import { Template } from './entities/Template.ts';
import type { Orm } from './orm.ts';
import { isUuid } from './uuid.ts';
import type { TemplateInput, TemplateRecord, TemplateRepository } from './types.ts';

/** The fields a caller may set; anything else in an update (an id, a retirement date) is ignored. */
const FIELDS = [
  'name', 'variant', 'smallBlind', 'bigBlind', 'ante', 'bigBlindAnte', 'straddle', 'smallBet', 'bigBet',
  'minBuyIn', 'maxBuyIn', 'maxSeats', 'actionSeconds', 'timeBankSeconds', 'rakeBasisPoints', 'rakeCap',
  'idleMinutes', 'minTables', 'bringIn', 'openPairBigBet', 'rotation',
] as const satisfies readonly (keyof TemplateInput)[];

function pick(changes: Partial<TemplateInput>): Partial<Omit<TemplateInput, keyof TableOptions>> {
  const picked: Record<string, unknown> = {};
  for (const field of FIELDS) if (changes[field] !== undefined) picked[field] = changes[field];
  return picked as Partial<TemplateInput>;
}

/** Fields a template of one non-stud variant leaves at their default, and its record leaves out. */
const UNSET: Partial<Record<keyof TemplateInput, unknown>> = { bringIn: 0, openPairBigBet: false, rotation: null };

/** The options an input names, over `base`: they are stored together in the `options` column, only those turned on. */
function pickOptions(changes: Partial<TemplateInput>, base: Partial<TableOptions> = {}): Partial<TableOptions> {
  const options: Record<string, unknown> = { ...base };
  for (const field of TABLE_OPTION_FIELDS) {
    if (changes[field] !== undefined) options[field] = changes[field];
    if (options[field] === NO_TABLE_OPTIONS[field]) delete options[field];
  }
  return options as Partial<TableOptions>;
}

function toRecord(template: Template): TemplateRecord {
  const record = { id: template.id, retiredAt: template.retiredAt ?? null, ...NO_TABLE_OPTIONS, ...template.options } as TemplateRecord;
  for (const field of FIELDS) {
    const value = template[field] ?? null;
    if (field in UNSET && value === UNSET[field]) continue;
    (record as Record<string, unknown>)[field] = value;
  }
  return record;
}

export function templateRepository(orm: Orm): TemplateRepository {
  return {
    async list(includeRetired = false) {
      const templates = await orm.em.fork().find(Template, includeRetired ? {} : { retiredAt: null }, { orderBy: { createdAt: 'asc', name: 'asc' } });
      return templates.map(toRecord);
    },

    async get(id) {
      if (id === null || !isUuid(id)) return null;
      const template = await orm.em.fork().findOne(Template, { id });
      return template ? toRecord(template) : null;
    },

    async create(input) {
      const em = orm.em.fork();
      const template = em.create(Template, {
        bringIn: 0, openPairBigBet: false, rotation: null, ...(pick(input) as Omit<TemplateInput, keyof TableOptions>),
        options: pickOptions(input), id: randomUUID(), retiredAt: null, createdAt: new Date(),
      });
      await em.flush();
      return toRecord(template);
    },

    async update(id, changes) {
      if (!isUuid(id)) return null;
      const em = orm.em.fork();
      const template = await em.findOne(Template, { id });
      if (!template) return null;
      em.assign(template, { ...pick(changes), options: pickOptions(changes, template.options) });
      await em.flush();
      return toRecord(template);
    },

    async retire(id) {
      if (!isUuid(id)) return null;
      const em = orm.em.fork();
      const template = await em.findOne(Template, { id });
      if (!template) return null;
      // Retiring twice keeps the first date: it records when the template stopped being offered.
      template.retiredAt ??= new Date();
      await em.flush();
      return toRecord(template);
    },
  };
}
