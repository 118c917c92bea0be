import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TournamentKind, TournamentStatus, type TournamentDefinition } from '../../tournaments/rules/structure.ts';

/**
 * A tournament (and its `tournament` room, which has the same id): its
 * definition as the operator made it, its status, and, like a table, the
 * lease of the process that runs it and the snapshot it writes under that
 * lease. The snapshot is loaded only when asked for (`lazy`): listings never
 * read it.
 */
export const Tournament = defineEntity({
  name: 'Tournament',
  tableName: 'tournament',
  properties: {
    id: p.string().primary(),
    name: p.string(),
    kind: p.enum(Object.values(TournamentKind)),
    variant: p.string(),
    status: p.enum(Object.values(TournamentStatus)).default(TournamentStatus.registering).index(),
    definition: p.json<TournamentDefinition>(),
    startsAt: p.datetime().nullable(),
    // The tournament template it was opened from, and the scheduled minute it was opened for (MTT templates).
    templateId: p.string().nullable(),
    templateSlot: p.string().nullable(),
    createdAt: p.datetime(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    ownerProcess: p.string().nullable().index(),
    leaseUntil: p.datetime().nullable(),
    state: p.json<unknown>().columnType('json').nullable().lazy(),
    version: p.bigint('number').nullable(),
    format: p.integer().nullable(),
    savedAt: p.datetime().nullable(),
  },
  uniques: [
    // A scheduled template opens one tournament per slot, however many processes try.
    { properties: ['templateId', 'templateSlot'] },
    // A sit-and-go template has at most one tournament registering at a time: the database settles two refills racing.
    { name: 'tournament_sng_registering_unique', properties: ['templateId'], where: `"status" = 'registering' and "kind" = 'sng'` },
  ],
});

export type Tournament = InferEntity<typeof Tournament>;
