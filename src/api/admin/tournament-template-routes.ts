import { Router } from 'express';
import { z } from 'zod';
import { verifyTournamentTemplate } from '../../jobs/tournament-templates.ts';
import type { TournamentTemplateInput, TournamentTemplateRecord } from '../../persistence/tournament-types.ts';
import { TournamentKind } from '../../tournaments/rules/structure.ts';
import { defineRoute, page, pageOf, pageQuery } from '../openapi/route.ts';
import { ApiProblem } from '../problem.ts';
import type { ApiDeps } from '../types.ts';
import { ADMIN_PREFIX } from './index.ts';
import { definitionFields, definitionProblem } from './tournament-routes.ts';

const { name: _name, ...withoutName } = definitionFields;

/** A tournament's definition less its name (the template's) and start (the schedule's). */
const templateDefinition = z.strictObject(withoutName);

const templateFields = {
  name: definitionFields.name.describe('The tournaments\' name; a scheduled one gets its start added ("Nightly · 2026-12-24 20:00 UTC").'),
  definition: templateDefinition,
  schedule: z.string().max(100).nullable().describe('mtt: a five-field cron expression, UTC ("0 20 * * *": 20:00 every day); sng: null.'),
  leadMinutes: z.number().int('must be a whole number').describe('mtt: registration opens this long before the start.'),
  refill: z.boolean().describe('sng: keep one registering (a new one opens when the last fills and starts).'),
};

const createBody = z.strictObject({
  ...templateFields,
  schedule: templateFields.schedule.default(null),
  leadMinutes: templateFields.leadMinutes.default(60),
  refill: templateFields.refill.optional().describe('Default: true for a sit-and-go, false for a scheduled tournament.'),
});

const updateBody = z.strictObject(templateFields).partial()
  .refine((changes) => Object.keys(changes).length > 0, 'give at least one field to change');

const templateView = z.object({
  id: z.string(),
  ...templateFields,
  definition: z.looseObject({ kind: z.enum(Object.values(TournamentKind)) }),
  retiredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

const templateParams = z.object({ templateId: z.string().min(1) });

const listQuery = pageQuery.extend({
  includeRetired: z.enum(['true', 'false']).default('false').transform((value) => value === 'true').describe('true lists retired templates too.'),
});

function view(template: TournamentTemplateRecord): z.output<typeof templateView> {
  return { ...template, retiredAt: template.retiredAt?.toISOString() ?? null, createdAt: template.createdAt.toISOString() };
}

function notFound(templateId: string): ApiProblem {
  return new ApiProblem(404, 'not_found', `There is no tournament template ${templateId}.`);
}

function verify(input: TournamentTemplateInput): void {
  try {
    verifyTournamentTemplate(input);
  } catch (error) {
    throw definitionProblem(error);
  }
}

/**
 * Tournament templates (`/api/admin/tournament-templates`): what the
 * templates job opens tournaments from. A scheduled template opens a
 * tournament at each minute of its schedule, starting `leadMinutes` later; a
 * sit-and-go template that is refilled keeps one registering. Every write is
 * checked (`verifyTournamentTemplate`: 422 with the rule's code and the
 * field); retiring stops new tournaments, and a retired template cannot be
 * changed (409 `template_retired`).
 */
export function tournamentTemplateRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db } = deps;
  const tags = ['admin: tournament templates'];

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'post', path: '/tournament-templates', summary: 'Create a tournament template', tags, auth: 'admin',
    body: createBody, response: templateView, status: 201, errors: [422],
  }, async ({ body }) => {
    const input: TournamentTemplateInput = { ...body, refill: body.refill ?? body.definition.kind === TournamentKind.sng };
    verify(input);
    return view(await db.tournamentTemplates.create(input));
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/tournament-templates', summary: 'List tournament templates, oldest first', tags, auth: 'admin',
    query: listQuery, response: pageOf(templateView),
  }, async ({ query }) => {
    const templates = await db.tournamentTemplates.list(query.includeRetired);
    return page(templates.slice(query.offset, query.offset + query.limit).map(view), templates.length, query);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/tournament-templates/:templateId', summary: 'Read a tournament template', tags, auth: 'admin',
    params: templateParams, response: templateView, errors: [404],
  }, async ({ params }) => {
    const template = await db.tournamentTemplates.get(params.templateId);
    if (!template) throw notFound(params.templateId);
    return view(template);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'patch', path: '/tournament-templates/:templateId', summary: 'Change a tournament template (tournaments opened later use it)', tags, auth: 'admin',
    params: templateParams, body: updateBody, response: templateView, errors: [404, 409, 422],
  }, async ({ params, body }) => {
    const current = await db.tournamentTemplates.get(params.templateId);
    if (!current) throw notFound(params.templateId);
    if (current.retiredAt) {
      throw new ApiProblem(409, 'template_retired', `Tournament template ${current.id} was retired on ${current.retiredAt.toISOString()}; create a new one instead.`);
    }
    const { id: _id, retiredAt: _retiredAt, createdAt: _createdAt, ...fields } = current;
    verify({ ...fields, ...body });
    const updated = await db.tournamentTemplates.update(current.id, body);
    if (!updated) throw notFound(params.templateId);
    return view(updated);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'post', path: '/tournament-templates/:templateId/retire', summary: 'Retire a tournament template: it opens no more tournaments (idempotent)', tags, auth: 'admin',
    params: templateParams, response: templateView, errors: [404],
  }, async ({ params }) => {
    const retired = await db.tournamentTemplates.retire(params.templateId);
    if (!retired) throw notFound(params.templateId);
    return view(retired);
  });

  return router;
}
