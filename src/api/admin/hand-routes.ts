import { Router } from 'express';
import { z } from 'zod';
import type { HandState } from '../../engine/hand/state.ts';
import { exportPhh } from '../../engine/phh/export.ts';
import { writePhh } from '../../engine/phh/write.ts';
import type { Database } from '../../persistence/database.ts';
import type { HandRecord } from '../../persistence/types.ts';
import { defineRoute, page, pageOf, pageQuery } from '../openapi/route.ts';
import { ApiProblem } from '../problem.ts';
import type { ApiDeps } from '../types.ts';
import { ADMIN_PREFIX } from './index.ts';

const handSummary = z.object({
  id: z.string(),
  tableId: z.string(),
  handNumber: z.number().int(),
  variant: z.string(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  playerIds: z.array(z.string()).describe('In hand order: left of the button first, the button last.'),
  rake: z.number().int(),
});

const handPlayer = z.object({
  id: z.string(),
  name: z.string().nullable().describe('Null when the player no longer exists.'),
  seat: z.number().int().nullable(),
  startingStack: z.number().int(),
  finishingStack: z.number().int(),
  winnings: z.number().int().describe('Chips won from the pots (before subtracting what the player put in).'),
});

const handDetail = handSummary.extend({
  players: z.array(handPlayer),
  config: z.record(z.string(), z.unknown()).describe('The engine\'s hand configuration: stakes, stacks, forced bets, rake.'),
  boards: z.array(z.array(z.string())),
  pots: z.array(z.object({ amount: z.number().int(), eligible: z.array(z.number().int()), rake: z.number().int() })),
  log: z.array(z.record(z.string(), z.unknown())).describe('Every operation of the hand in order, hole cards included (the hand is over).'),
});

const listQuery = pageQuery.extend({
  tableId: z.string().min(1).max(64).optional(),
  playerId: z.string().min(1).max(64).optional(),
  variant: z.string().min(1).max(16).optional().describe('A variant code: NT, FT, NS, PO, FO/8.'),
  from: z.iso.datetime({ offset: true }).optional().describe('Hands that ended at or after this time (ISO 8601).'),
  to: z.iso.datetime({ offset: true }).optional().describe('Hands that ended before this time (ISO 8601).'),
});

const handParams = z.object({ handId: z.string().min(1).max(64) });

function summary(hand: HandRecord): z.output<typeof handSummary> {
  return {
    id: hand.id,
    tableId: hand.tableId,
    handNumber: hand.handNumber,
    variant: hand.variant,
    startedAt: hand.startedAt.toISOString(),
    endedAt: hand.endedAt.toISOString(),
    playerIds: hand.playerIds,
    rake: hand.rake,
  };
}

async function names(db: Database, playerIds: string[]): Promise<(string | null)[]> {
  return Promise.all(playerIds.map(async (id) => (await db.players.findById(id))?.name ?? null));
}

async function findHand(db: Database, handId: string): Promise<HandRecord> {
  const hand = await db.hands.get(handId);
  if (!hand) throw new ApiProblem(404, 'not_found', `There is no hand ${handId}.`);
  return hand;
}

/**
 * Completed hands for admins: `GET /api/admin/hands` (filter by table,
 * player, variant and end time; newest first), `GET …/:handId` (the stored record:
 * configuration, operation log with every hole card, pots, winnings,
 * players), and `GET …/:handId/phh`, the hand as a PHH document that
 * `npm run phh -- verify` replays to the recorded finishing stacks.
 */
export function handRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db } = deps;
  const tags = ['admin: hands'];

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/hands', summary: 'List completed hands, newest first', tags, auth: 'admin',
    query: listQuery, response: pageOf(handSummary), errors: [422],
  }, async ({ query }) => {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from >= to) {
      throw new ApiProblem(422, 'unprocessable', `The range is empty: from (${query.from}) must be before to (${query.to}).`, {
        extensions: { errors: [{ field: 'query.from', message: 'must be before to' }] },
      });
    }
    const filter = { tableId: query.tableId, playerId: query.playerId, variant: query.variant, from, to };
    const [hands, total] = await Promise.all([db.hands.list({ ...filter, limit: query.limit, offset: query.offset }), db.hands.count(filter)]);
    return page(hands.map(summary), total, query);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/hands/:handId', summary: 'Read a completed hand, every card included', tags, auth: 'admin',
    params: handParams, response: handDetail, errors: [404],
  }, async ({ params }) => {
    const hand = await findHand(db, params.handId);
    const state = hand.state as HandState;
    const playerNames = await names(db, hand.playerIds);
    return {
      ...summary(hand),
      players: hand.playerIds.map((id, i) => ({
        id,
        name: playerNames[i],
        seat: state.config.seats?.[i] ?? null,
        startingStack: state.config.startingStacks[i],
        finishingStack: state.stacks[i],
        winnings: state.winnings[i] ?? 0,
      })),
      config: state.config,
      boards: state.boards,
      pots: state.pots,
      log: state.log,
    };
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/hands/:handId/phh', summary: 'Export a completed hand as PHH', tags, auth: 'admin',
    params: handParams, produces: 'text/plain', errors: [404],
  }, async ({ params, res }) => {
    const hand = await findHand(db, params.handId);
    const table = await db.tables.get(hand.tableId);
    const template = table ? await db.templates.get(table.templateId) : null;
    const players = (await names(db, hand.playerIds)).map((name, i) => name ?? hand.playerIds[i]);
    const document = exportPhh(hand.state as HandState, {
      players,
      hand: hand.handNumber,
      table: hand.tableId,
      startedAt: hand.startedAt,
      ...(template ? { seatCount: template.maxSeats, event: template.name } : {}),
    });
    res.status(200).type('text/plain').set({
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="${hand.tableId}-${hand.handNumber}.phh"`,
    }).send(writePhh(document));
    return undefined;
  });

  return router;
}
