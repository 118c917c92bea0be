import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { TournamentTemplateDefinition } from '../tournament-types.ts';

/**
 * What tournaments are opened from by the templates job: a definition (its
 * name and start left out), and either a `schedule` (a cron expression: a
 * scheduled tournament opens at each of its minutes and starts `leadMinutes`
 * later) or `refill` (a sit-and-go: a new one opens whenever none is registering).
 */
export const TournamentTemplate = defineEntity({
  name: 'TournamentTemplate',
  tableName: 'tournament_template',
  properties: {
    id: p.uuid().primary(),
    name: p.string(),
    definition: p.json<TournamentTemplateDefinition>(),
    schedule: p.string().nullable(),
    leadMinutes: p.integer().default(0),
    refill: p.boolean().default(false),
    retiredAt: p.datetime().nullable(),
    createdAt: p.datetime(),
  },
});

export type TournamentTemplate = InferEntity<typeof TournamentTemplate>;
