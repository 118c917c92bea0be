import { Router } from 'express';
import { z } from 'zod';
import { NO_TABLE_OPTIONS } from '../../engine/cash/options/table-options.ts';
import type { TemplateInput, TemplateRecord } from '../../persistence/types.ts';
import { rotationCodes } from '../../tables/game-settings.ts';
import { templateViolations, type TemplateViolation } from '../../tables/template-rules.ts';
import { defineRoute, page, pageOf, pageQuery } from '../openapi/route.ts';
import { ApiProblem } from '../problem.ts';
import type { ApiDeps } from '../types.ts';
import { ADMIN_PREFIX } from './index.ts';

const chips = z.number().int('must be a whole number of chips');
const whole = z.number().int('must be a whole number');

/** Every field a template has; the rules between them are `templateViolations`' (422), not the schema's (400). */
const templateFields = {
  name: z.string().trim().min(1, 'must not be blank').max(64, 'must be at most 64 characters'),
  variant: z.string().min(1).max(16).describe('A variant code from the engine: NT, FT, NS, PO, FO/8, F7S, F7S/8, FR, N2L1D, F2L3D, FB; with a rotation, its first game (may be left out).'),
  smallBlind: chips,
  bigBlind: chips,
  ante: chips,
  bigBlindAnte: z.boolean().describe('The big blind posts everyone\'s ante.'),
  straddle: chips.describe('0 for none, else at least twice the big blind.'),
  smallBet: chips.describe('Fixed limit only; 0 otherwise.'),
  bigBet: chips.describe('Fixed limit only: twice the small bet; 0 otherwise.'),
  minBuyIn: chips,
  maxBuyIn: chips,
  maxSeats: whole,
  actionSeconds: whole,
  timeBankSeconds: whole,
  rakeBasisPoints: whole.describe('500 is 5%.'),
  rakeCap: chips.describe('Most rake taken from one hand; 0 for no cap.'),
  idleMinutes: whole.describe('How long a table may sit idle before the cleanup job closes it.'),
  minTables: whole.describe('Open tables the cleanup job keeps for this template.'),
  bringIn: chips.optional().describe('Stud (alone or in a rotation): the bring-in, below the small bet; 0 otherwise.'),
  openPairBigBet: z.boolean().optional().describe('Stud: an open pair on fourth street lets a bet or raise there be the big bet; off by default, as in PokerKit.'),
  rotation: z.union([
    z.string().max(32),
    z.array(z.strictObject({ variant: z.string().min(1).max(16), hands: whole.optional() })).max(64),
  ]).nullable().optional().describe('Mixed games: a preset (HORSE, 8-game) or the games in turn, each {variant, hands?} (no hands: one orbit); null for one variant.'),
  // Table options: each off unless turned on (see docs/protocol.md, "Table options").
  runItTwice: z.boolean().describe('Players all in with no more betting possible are asked to run the board twice.'),
  straddles: z.enum(['none', 'utg', 'any']).describe('Who may choose to straddle: nobody, under the gun, or also the button and any other seat but the blinds (Mississippi).'),
  timeBankRefillSeconds: whole.describe('Seconds added to every time bank each timeBankRefillHands hands; 0 for no refill.'),
  timeBankRefillHands: whole.describe('Hands between time bank refills.'),
  timeBankCapSeconds: whole.describe('The most a refilled time bank holds, at least timeBankSeconds.'),
  bombPotEvery: whole.describe('Every Nth hand is a bomb pot; 0 for none by count.'),
  bombPotAnte: chips.describe('What each player antes in a bomb pot.'),
  bombPotVote: z.boolean().describe('Seated players may vote for the next hand to be a bomb pot (a majority decides).'),
  sharedWaitlist: z.boolean().describe('Players may wait for a seat at any table of this template.'),
};

/** `POST /templates`: the stakes, buy-ins and seats are required; the rest defaults like the seeded templates. */
const createBody = z.strictObject({
  ...templateFields,
  variant: templateFields.variant.optional(),
  ante: templateFields.ante.default(0),
  bigBlindAnte: templateFields.bigBlindAnte.default(false),
  straddle: templateFields.straddle.default(0),
  smallBet: templateFields.smallBet.default(0),
  bigBet: templateFields.bigBet.default(0),
  actionSeconds: templateFields.actionSeconds.default(20),
  timeBankSeconds: templateFields.timeBankSeconds.default(30),
  rakeBasisPoints: templateFields.rakeBasisPoints.default(0),
  rakeCap: templateFields.rakeCap.default(0),
  idleMinutes: templateFields.idleMinutes.default(60),
  minTables: templateFields.minTables.default(0),
  runItTwice: templateFields.runItTwice.default(false),
  straddles: templateFields.straddles.default('none'),
  timeBankRefillSeconds: templateFields.timeBankRefillSeconds.default(0),
  timeBankRefillHands: templateFields.timeBankRefillHands.default(0),
  timeBankCapSeconds: templateFields.timeBankCapSeconds.default(0),
  bombPotEvery: templateFields.bombPotEvery.default(0),
  bombPotAnte: templateFields.bombPotAnte.default(0),
  bombPotVote: templateFields.bombPotVote.default(false),
  sharedWaitlist: templateFields.sharedWaitlist.default(false),
});

const updateBody = z.strictObject(templateFields).partial()
  .refine((changes) => Object.keys(changes).length > 0, 'give at least one field to change');

const templateView = z.object({
  id: z.string(),
  ...templateFields,
  retiredAt: z.iso.datetime().nullable(),
});

const templateParams = z.object({ templateId: z.string().min(1) });

const listQuery = pageQuery.extend({
  includeRetired: z.enum(['true', 'false']).default('false').transform((value) => value === 'true')
    .describe('true lists retired templates too.'),
});

function view(template: TemplateRecord): z.output<typeof templateView> {
  return { ...NO_TABLE_OPTIONS, ...template, retiredAt: template.retiredAt?.toISOString() ?? null };
}

function notFound(templateId: string): ApiProblem {
  return new ApiProblem(404, 'not_found', `There is no template ${templateId}.`);
}

/** 422 `unprocessable` listing every broken rule, as a 400 lists every bad field. */
function checkRules(template: TemplateInput): void {
  const violations: TemplateViolation[] = templateViolations(template);
  if (violations.length === 0) return;
  throw new ApiProblem(422, 'unprocessable', violations.map((violation) => violation.message).join(' '), {
    extensions: { errors: violations },
  });
}

/**
 * Table templates (`/api/admin/templates`): create, list, read, update, retire.
 * Every write is checked against `templateViolations`. A template is read when
 * a table opens, so an update changes the tables opened after it, never the
 * live ones. Retiring (`POST …/retire`, not DELETE: the template stays
 * readable, and the hands played on it still name it) stops new tables from
 * it; a retired template cannot be updated (409 `template_retired`).
 */
export function templateRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db } = deps;
  const tags = ['admin: templates'];

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'post', path: '/templates', summary: 'Create a table template', tags, auth: 'admin',
    body: createBody, response: templateView, status: 201, errors: [422],
  }, async ({ body }) => {
    // A rotation's template may leave its variant out: it is the first game.
    const input: TemplateInput = { ...body, variant: body.variant ?? rotationCodes(body)[0] ?? '' };
    checkRules(input);
    return view(await db.templates.create(input));
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/templates', summary: 'List table templates, oldest first', tags, auth: 'admin',
    query: listQuery, response: pageOf(templateView),
  }, async ({ query }) => {
    // Templates are a handful per room, so one read and a slice is the simplest correct page.
    const templates = await db.templates.list(query.includeRetired);
    return page(templates.slice(query.offset, query.offset + query.limit).map(view), templates.length, query);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/templates/:templateId', summary: 'Read a table template', tags, auth: 'admin',
    params: templateParams, response: templateView, errors: [404],
  }, async ({ params }) => {
    const template = await db.templates.get(params.templateId);
    if (!template) throw notFound(params.templateId);
    return view(template);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'patch', path: '/templates/:templateId', summary: 'Change some fields of a template (tables opened later use them)', tags, auth: 'admin',
    params: templateParams, body: updateBody, response: templateView, errors: [404, 409, 422],
  }, async ({ params, body }) => {
    const current = await db.templates.get(params.templateId);
    if (!current) throw notFound(params.templateId);
    if (current.retiredAt) {
      throw new ApiProblem(409, 'template_retired', `Template ${current.id} was retired on ${current.retiredAt.toISOString()}; create a new template instead.`);
    }
    const { id: _id, retiredAt: _retiredAt, ...fields } = current;
    checkRules({ ...fields, ...body });
    const updated = await db.templates.update(current.id, body);
    if (!updated) throw notFound(params.templateId);
    return view(updated);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'post', path: '/templates/:templateId/retire', summary: 'Retire a template: no new tables open from it (idempotent)', tags, auth: 'admin',
    params: templateParams, response: templateView, errors: [404],
  }, async ({ params }) => {
    const retired = await db.templates.retire(params.templateId);
    if (!retired) throw notFound(params.templateId);
    return view(retired);
  });

  return router;
}
