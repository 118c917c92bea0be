import { Router } from 'express';
import { z } from 'zod';
import { authOf } from './authenticate.ts';
import { myHandDetail, myHandSummary, playerIndexOf } from './me-hand-view.ts';
import { defineRoute, page, pageOf, pageQuery } from './openapi/route.ts';
import { ApiProblem } from './problem.ts';
import type { ApiDeps } from './types.ts';

const ME_PREFIX = '/api/me';

const instant = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

const listQuery = pageQuery.extend({
  variant: z.string().min(1).max(16).optional().describe('A variant code: NT, FT, NS, PO, FO/8.'),
  tableId: z.string().min(1).max(100).optional(),
  from: instant.optional().describe('Hands that ended at or after this instant (ISO 8601).'),
  to: instant.optional().describe('Hands that ended before this instant (ISO 8601).'),
});

const handParams = z.object({ handId: z.string().min(1).max(100) });

const cards = z.array(z.string()).describe('Two-character cards; `??` for a card the caller may not see.');

const playerView = z.object({
  seat: z.number().int(),
  playerId: z.string(),
  cards,
  shown: z.boolean(),
  folded: z.boolean(),
  net: z.number().int(),
});

const summaryView = z.object({
  handId: z.string(),
  tableId: z.string(),
  handNumber: z.number().int(),
  variant: z.string(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  seat: z.number().int().describe('The caller\'s seat.'),
  net: z.number().int().describe('The caller\'s chips won minus chips put in.'),
  board: cards,
  boards: z.array(cards).describe('Every runout when the board ran more than once.'),
  holeCards: cards.describe('The caller\'s own hole cards.'),
  pot: z.number().int(),
  rake: z.number().int(),
  players: z.array(playerView).describe('In hand order; others\' cards only as far as they were shown.'),
});

const actionView = z.object({
  type: z.string(),
  seat: z.number().int().optional(),
  amount: z.number().int().optional(),
  to: z.number().int().optional(),
  allIn: z.boolean().optional(),
  cards: cards.optional(),
  discarded: cards.optional(),
  drawn: cards.optional(),
  board: z.number().int().optional(),
  pot: z.number().int().optional(),
  count: z.number().int().optional(),
  handType: z.string().optional(),
});

const detailView = summaryView.extend({ actions: z.array(actionView) });

/**
 * `GET /api/me/hands` and `/api/me/hands/:handId`: the caller's own hand
 * history, newest first, with their own hole cards and nobody else's unless
 * shown. A hand the caller did not play is a 404 like an unknown one, so
 * hand ids reveal nothing.
 */
export function meHandsRoutes(deps: ApiDeps): Router {
  const router = Router();

  defineRoute(router, deps, ME_PREFIX, {
    method: 'get', path: '/hands', summary: 'My hand history', tags: ['me'], auth: 'player',
    query: listQuery, response: pageOf(summaryView), errors: [422],
  }, async ({ query, req }) => {
    const { player } = authOf(req);
    if (query.from && query.to && query.from > query.to) {
      throw new ApiProblem(422, 'unprocessable', '`from` is after `to`: give a range that starts before it ends.');
    }
    const filter = { playerId: player.id, variant: query.variant, tableId: query.tableId, from: query.from, to: query.to };
    const [records, total] = await Promise.all([
      deps.db.hands.list({ ...filter, limit: query.limit, offset: query.offset }),
      deps.db.hands.count(filter),
    ]);
    return page(records.map((record) => myHandSummary(record, playerIndexOf(record, player.id))), total, query);
  });

  defineRoute(router, deps, ME_PREFIX, {
    method: 'get', path: '/hands/:handId', summary: 'One of my hands, with its actions', tags: ['me'], auth: 'player',
    params: handParams, response: detailView, errors: [404],
  }, async ({ params, req }) => {
    const { player } = authOf(req);
    const record = await deps.db.hands.get(params.handId);
    const index = record ? playerIndexOf(record, player.id) : -1;
    if (!record || index < 0) throw new ApiProblem(404, 'not_found', `You played no hand ${params.handId}.`);
    return myHandDetail(record, index);
  });

  return router;
}
