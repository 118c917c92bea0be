import { Router } from 'express';
import { z } from 'zod';
import type { TableRecord } from '../../persistence/types.ts';
import { TABLE_ERROR, TableManageError, type TableControl } from '../../tables/manage.ts';
import { defineRoute, page, pageOf, pageQuery } from '../openapi/route.ts';
import { ApiProblem } from '../problem.ts';
import type { ApiDeps } from '../types.ts';
import { ADMIN_PREFIX } from './index.ts';

const liveTableView = z.object({
  tableId: z.string(),
  name: z.string(),
  templateId: z.string().nullable(),
  variant: z.string(),
  stakes: z.string(),
  seated: z.number().int(),
  maxSeats: z.number().int(),
  waiting: z.number().int(),
  clients: z.number().int().describe('Connections to the room: players and watchers.'),
  status: z.enum(['open', 'closing']),
  processId: z.string().nullable().describe('The process that runs the table (as /api/health names it).'),
});

const tableRecordView = z.object({
  tableId: z.string(),
  templateId: z.string().nullable().describe('Null for a tournament\'s table.'),
  name: z.string(),
  status: z.enum(['open', 'closing', 'closed']),
  processId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

const publicSeatView = z.object({
  seat: z.number().int(), playerId: z.string(), name: z.string(), stack: z.number().int(), bet: z.number().int(),
  status: z.string().describe('active, folded, allin, sittingOut or disconnected.'),
  inHand: z.boolean(), connected: z.boolean(), leaveAfterHand: z.boolean(), lastAction: z.string(),
  hiddenCards: z.number().int().describe('How many face-down hole cards the player holds; the cards themselves are never shown.'),
  upCards: z.array(z.string()), shownCards: z.array(z.string()),
});

const publicTableView = z.object({
  tableId: z.string(),
  name: z.string(),
  closing: z.boolean(),
  settings: z.object({
    variant: z.string(), smallBlind: z.number().int(), bigBlind: z.number().int(), ante: z.number().int(),
    bigBlindAnte: z.boolean(), straddle: z.number().int(), smallBet: z.number().int(), bigBet: z.number().int(),
    minBuyIn: z.number().int(), maxBuyIn: z.number().int(), maxSeats: z.number().int(),
    actionSeconds: z.number(), timeBankSeconds: z.number(), rakeBasisPoints: z.number().int(), rakeCap: z.number().int(),
  }),
  handNumber: z.number().int(),
  phase: z.string(),
  button: z.number().int(),
  toAct: z.number().int(),
  actionDeadline: z.number(),
  boards: z.array(z.array(z.string())),
  pots: z.array(z.object({ amount: z.number().int(), eligible: z.array(z.number().int()) })),
  seats: z.array(publicSeatView),
  waiting: z.array(z.object({ playerId: z.string(), name: z.string() })),
  hand: z.object({
    handNumber: z.number().int(),
    startedAt: z.number(),
    actions: z.array(z.looseObject({ type: z.string(), seat: z.number().int().optional() }))
      .describe('The operation log so far; face-down cards read "??".'),
  }).nullable(),
  chipsOnTable: z.number().int(),
});

const tableParams = z.object({ tableId: z.string().min(1).max(64) });

const openBody = z.strictObject({
  templateId: z.string().min(1),
  name: z.string().trim().min(1, 'must not be blank').max(64, 'must be at most 64 characters').optional(),
});

function recordView(table: TableRecord): z.output<typeof tableRecordView> {
  return {
    tableId: table.id, templateId: table.templateId, name: table.name, status: table.status,
    processId: table.ownerProcess, createdAt: table.createdAt.toISOString(),
  };
}

const STATUS_OF: Record<TableManageError['code'], number> = {
  [TABLE_ERROR.unknownTemplate]: 404,
  [TABLE_ERROR.unknownTable]: 404,
  [TABLE_ERROR.templateRetired]: 409,
  [TABLE_ERROR.tableClosed]: 409,
  [TABLE_ERROR.tableClosing]: 409,
  [TABLE_ERROR.tableUnavailable]: 503,
};

/** Turns a refused table operation into its problem document; anything else passes through as a 500. */
export function tableProblem(error: unknown): unknown {
  if (!(error instanceof TableManageError)) return error;
  const status = STATUS_OF[error.code];
  const code = status === 404 ? 'not_found' : error.code;
  return new ApiProblem(status, code, error.message, status === 503 ? { headers: { 'Retry-After': '5' } } : {});
}

/** The process's table control, or 503 where the API runs without rooms. */
export function requireTables(deps: ApiDeps): TableControl {
  if (!deps.tables) throw new ApiProblem(503, 'tables_unavailable', 'This API runs without game rooms, so it cannot reach tables.');
  return deps.tables;
}

/**
 * Live tables (`/api/admin/tables`): list every process's tables, open one
 * from a template, inspect one (public state only), close one gracefully.
 * A close answers 202: the table stops dealing at once, the hand in play
 * finishes, then every player stands up with their chips back in their
 * wallet and the table is `closed`.
 */
export function tableRoutes(deps: ApiDeps): Router {
  const router = Router();
  const tags = ['admin: tables'];
  const run = async <T>(work: (tables: TableControl) => Promise<T>): Promise<T> => {
    try {
      return await work(requireTables(deps));
    } catch (error) {
      throw tableProblem(error);
    }
  };

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/tables', summary: 'List the live tables of every process, by name', tags, auth: 'admin',
    query: pageQuery, response: pageOf(liveTableView), errors: [503],
  }, async ({ query }) => {
    const tables = await run((control) => control.list());
    return page(tables.slice(query.offset, query.offset + query.limit), tables.length, query);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'post', path: '/tables', summary: 'Open a table from an active template', tags, auth: 'admin',
    body: openBody, response: tableRecordView, status: 201, errors: [404, 409, 503],
  }, async ({ body }) => recordView(await run((control) => control.open(body.templateId, body.name))));

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/tables/:tableId', summary: 'Inspect a live table: seats, stacks and the hand so far, no hidden cards', tags, auth: 'admin',
    params: tableParams, response: publicTableView, errors: [404, 409, 503],
  }, async ({ params }) => run((control) => control.inspect(params.tableId)));

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'post', path: '/tables/:tableId/close', summary: 'Close a table after the current hand, stacks back to wallets', tags, auth: 'admin',
    params: tableParams, response: z.object({ tableId: z.string(), status: z.literal('closing') }), status: 202, errors: [404, 409, 503],
  }, async ({ params }) => {
    await run((control) => control.close(params.tableId));
    return { tableId: params.tableId, status: 'closing' as const };
  });

  return router;
}
