import { Router } from 'express';
import { z } from 'zod';
import { ACCOUNTS } from '../../money/accounts.ts';
import { InvalidDefinitionError, type TournamentRecord } from '../../persistence/tournament-types.ts';
import type { TransferRecord } from '../../persistence/types.ts';
import { TOURNAMENT_VARIANTS, TournamentKind, type TournamentDefinition } from '../../tournaments/rules/structure.ts';
import type { TournamentHostMethod } from '../../tournaments/tournament-host.ts';
import { defineRoute, page, pageOf, pageQuery } from '../openapi/route.ts';
import { ApiProblem } from '../problem.ts';
import { adminAbsent, callActor, tournamentDetail } from '../tournament-actor.ts';
import { findTournament } from '../tournament-routes.ts';
import { detailView, statusFilter, summaryOf, summaryView, tournamentParams } from '../tournament-views.ts';
import type { ApiDeps } from '../types.ts';
import { ADMIN_PREFIX } from './index.ts';

const int = z.number().int('must be a whole number');

/** Epoch ms, or an ISO 8601 instant. */
const instant = z.union([
  int,
  z.iso.datetime({ offset: true, message: 'must be epoch milliseconds or an ISO 8601 date-time such as 2026-12-24T20:00:00Z' }).transform((text) => Date.parse(text)),
]);

const level = z.strictObject({ smallBlind: int, bigBlind: int, ante: int.default(0), seconds: int.describe('How long the level lasts.') });

const payoutTier = z.strictObject({ fromEntrants: int, percents: z.array(z.number()) });

/**
 * A tournament's definition as the admin API takes it: PROTOCOL.md's body
 * and the rules' optional fields. The shape is checked here (400); whether
 * it can be run — levels that rise, payouts that sum to 100, a table size the
 * variant seats — by `verifyDefinition` (422 with the rule's code and the field).
 */
export const definitionFields = {
  name: z.string().regex(/^[^\p{Cc}\p{Cf}]*$/u, 'must not contain control characters'),
  kind: z.enum(Object.values(TournamentKind)).describe('sng starts when full; mtt at startsAt.'),
  variant: z.string().min(1).max(16).describe(`A PHH variant code: ${Object.keys(TOURNAMENT_VARIANTS).join(', ')}.`),
  buyIn: int.describe('Wallet money to the prize pool.'),
  fee: int.describe('Wallet money to the house.'),
  startingStack: int,
  tableSize: int.describe('Seats per table: 2 to the game\'s most (10; stud 8; draw games 6).'),
  minEntrants: int,
  maxEntrants: int,
  levels: z.array(level),
  payouts: z.union([z.array(z.number()), z.array(payoutTier)]).optional()
    .describe('Percentages of the pool, first place first, summing to 100 (or tiers by field size); absent: the default schedule.'),
  bigBlindAnte: z.boolean().optional(),
  breakEvery: int.optional().describe('A break after every this many levels (with breakSeconds).'),
  breakSeconds: int.optional(),
  lateRegistrationLevels: int.optional().describe('mtt: registration stays open until this level has ended.'),
  reEntries: int.optional(),
  rebuy: z.strictObject({ maxCount: int, stackAtOrBelow: int, chips: int, price: int, untilLevel: int.optional() }).optional(),
  addOn: z.strictObject({ atBreak: int, chips: int, price: int }).optional(),
};

const createBody = z.strictObject({ ...definitionFields, startsAt: instant.optional().describe('mtt only: epoch ms or ISO 8601.') });

const adminTournamentView = summaryView.extend({
  templateId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  processId: z.string().nullable().describe('The process whose actor holds the lease.'),
});

const adminDetailView = detailView.extend({
  templateId: z.string().nullable(),
  templateSlot: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  processId: z.string().nullable(),
  leaseUntil: z.iso.datetime().nullable(),
  snapshotVersion: z.number().int().nullable(),
  definition: z.looseObject({}).describe('The definition as stored.'),
});

const resultsView = z.object({
  tournamentId: z.string(),
  status: summaryView.shape.status,
  results: z.array(z.object({ place: int, playerId: z.string(), name: z.string(), entryNo: int, prize: int.nullable() })),
  prizesPaid: int,
});

const transferView = z.object({
  id: z.string(),
  key: z.string(),
  reason: z.string().describe('tournamentBuyIn, tournamentRefund, tournamentRebuy, tournamentAddOn, tournamentPrize, tournamentPurchasesRefund.'),
  createdAt: z.iso.datetime(),
  change: int.describe('What the transfer did to the prize pool.'),
  entries: z.array(z.object({ kind: z.string(), owner: z.string(), amount: int })),
  meta: z.record(z.string(), z.unknown()).nullable(),
});

const listQuery = pageQuery.extend({ status: statusFilter });

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

function adminFields(record: TournamentRecord) {
  return {
    templateId: record.templateId, createdAt: record.createdAt.toISOString(), startedAt: iso(record.startedAt),
    finishedAt: iso(record.finishedAt), processId: record.ownerProcess,
  };
}

/** 422 under the rule's own code, naming the field, for a definition the rules refuse; anything else passes through. */
export function definitionProblem(error: unknown): unknown {
  if (!(error instanceof InvalidDefinitionError)) return error;
  return new ApiProblem(422, error.rule, error.message, { extensions: { errors: [{ field: error.field, message: error.message }] } });
}

function transferOf(record: TransferRecord, tournamentId: string): z.output<typeof transferView> {
  const pool = ACCOUNTS.poolOf(tournamentId);
  const change = record.entries.filter((e) => e.kind === pool.kind && e.owner === pool.owner).reduce((sum, e) => sum + e.amount, 0);
  return { id: record.id, key: record.key, reason: record.reason, createdAt: record.createdAt.toISOString(), change, entries: record.entries, meta: record.meta };
}

/**
 * Tournaments for operators (`/api/admin/tournaments`): create one (its
 * definition checked by the rules), list and read them with their lease and
 * times, start, pause, resume or cancel one through its actor, and read its
 * results (places and prizes) and its prize pool's ledger.
 */
export function adminTournamentRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db, log } = deps;
  const tags = ['admin: tournaments'];

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'post', path: '/tournaments', summary: 'Create a tournament; it opens for registration at once', tags, auth: 'admin',
    body: createBody, response: summaryView, status: 201, errors: [422],
  }, async ({ body }) => {
    try {
      const created = await db.tournaments.create({ definition: body as TournamentDefinition });
      deps.tournamentCreated?.();
      return summaryOf(created);
    } catch (error) {
      throw definitionProblem(error);
    }
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/tournaments', summary: 'Tournaments, newest first (by status on request)', tags, auth: 'admin',
    query: listQuery, response: pageOf(adminTournamentView),
  }, async ({ query }) => {
    const { items, total } = await db.tournaments.list({ status: query.status, limit: query.limit, offset: query.offset });
    return page(items.map((record) => ({ ...summaryOf(record), ...adminFields(record) })), total, query);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/tournaments/:tournamentId', summary: 'A tournament: its detail, definition, lease and times', tags, auth: 'admin',
    params: tournamentParams, response: adminDetailView, errors: [404],
  }, async ({ params }) => {
    const record = await findTournament(deps, params.tournamentId);
    return {
      ...(await tournamentDetail(db, record, log)), ...adminFields(record), templateSlot: record.templateSlot,
      leaseUntil: iso(record.leaseUntil), snapshotVersion: record.snapshotVersion, definition: record.definition,
    };
  });

  const commands: [string, TournamentHostMethod, string][] = [
    ['start', 'start', 'Start now (with at least minEntrants)'],
    ['pause', 'pause', 'Pause the clock; tables stop after the hand in play'],
    ['resume', 'resume', 'Resume the clock and the tables'],
    ['cancel', 'cancel', 'Cancel: every entry is refunded'],
  ];
  for (const [path, method, summary] of commands) {
    defineRoute(router, deps, ADMIN_PREFIX, {
      method: 'post', path: `/tournaments/:tournamentId/${path}`, summary, tags, auth: 'admin',
      params: tournamentParams, response: summaryView, errors: [404, 409, 503],
    }, async ({ params }) => callActor(await findTournament(deps, params.tournamentId), method as 'start', [], adminAbsent, log));
  }

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/tournaments/:tournamentId/results', summary: 'Places and prizes decided so far, first place first', tags, auth: 'admin',
    params: tournamentParams, response: resultsView, errors: [404],
  }, async ({ params }) => {
    const record = await findTournament(deps, params.tournamentId);
    const placed = (await db.entries.list(record.id)).filter((entry) => entry.place !== null).sort((a, b) => a.place! - b.place!);
    return {
      tournamentId: record.id, status: record.status,
      results: placed.map((entry) => ({ place: entry.place!, playerId: entry.playerId, name: entry.name, entryNo: entry.entryNo, prize: entry.prize })),
      prizesPaid: placed.reduce((sum, entry) => sum + (entry.prize ?? 0), 0),
    };
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/tournaments/:tournamentId/ledger', summary: 'The prize pool\'s transfers, newest first', tags, auth: 'admin',
    params: tournamentParams, query: pageQuery, response: pageOf(transferView), errors: [404],
  }, async ({ params, query }) => {
    const record = await findTournament(deps, params.tournamentId);
    const pool = ACCOUNTS.poolOf(record.id);
    const [records, total] = await Promise.all([
      db.ledger.history(pool.kind, pool.owner, query.limit, query.offset),
      db.ledger.historyCount(pool.kind, pool.owner),
    ]);
    return page(records.map((transfer) => transferOf(transfer, record.id)), total, query);
  });

  return router;
}
