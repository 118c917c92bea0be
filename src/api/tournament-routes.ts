import { Router } from 'express';
import { z } from 'zod';
import type { TournamentRecord } from '../persistence/tournament-types.ts';
import { authOf } from './authenticate.ts';
import { defineRoute, page, pageOf, pageQuery } from './openapi/route.ts';
import { ApiProblem } from './problem.ts';
import { callActor, playAbsent, registrationAbsent, tournamentDetail } from './tournament-actor.ts';
import { detailView, statusFilter, summaryOf, summaryView, tournamentParams } from './tournament-views.ts';
import type { ApiDeps } from './types.ts';

const MOUNTED_AT = '/api';

const listQuery = pageQuery.extend({ status: statusFilter });

const playerAnswer = z.looseObject({ tournamentId: z.string(), playerId: z.string() });

export function unknownTournament(tournamentId: string): ApiProblem {
  return new ApiProblem(404, 'not_found', `There is no tournament ${tournamentId}.`);
}

export async function findTournament(deps: Pick<ApiDeps, 'db'>, tournamentId: string): Promise<TournamentRecord> {
  const record = await deps.db.tournaments.get(tournamentId);
  if (!record) throw unknownTournament(tournamentId);
  return record;
}

/**
 * Tournaments for players (PROTOCOL.md, "Tournaments"): the listing and one
 * tournament's detail for anyone; registering, unregistering, rebuys and
 * add-ons for a signed-in player, each a command to the tournament's actor
 * (its refusals are 409s under the rules' codes; with no actor running it,
 * 409 `registration_closed` once it is over, else 503 `tournament_unavailable`).
 */
export function tournamentRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db, log } = deps;
  const tags = ['tournaments'];

  defineRoute(router, deps, MOUNTED_AT, {
    method: 'get', path: '/tournaments', summary: 'Tournaments, newest first (by status on request)', tags, auth: 'none',
    query: listQuery, response: pageOf(summaryView),
  }, async ({ query }) => {
    const { items, total } = await db.tournaments.list({ status: query.status, limit: query.limit, offset: query.offset });
    return page(items.map(summaryOf), total, query);
  });

  defineRoute(router, deps, MOUNTED_AT, {
    method: 'get', path: '/tournaments/:tournamentId', summary: 'A tournament: its summary, level, pool, payouts, standings and tables', tags, auth: 'none',
    params: tournamentParams, response: detailView, errors: [404],
  }, async ({ params }) => tournamentDetail(db, await findTournament(deps, params.tournamentId), log));

  defineRoute(router, deps, MOUNTED_AT, {
    method: 'post', path: '/tournaments/:tournamentId/register', summary: 'Register: buy-in and fee leave the wallet', tags, auth: 'player',
    params: tournamentParams, response: playerAnswer, status: 201, errors: [404, 409, 422, 503],
  }, async ({ params, req }) => {
    const { player } = authOf(req);
    const record = await findTournament(deps, params.tournamentId);
    return callActor(record, 'register', [player.id, player.name], registrationAbsent, log);
  });

  defineRoute(router, deps, MOUNTED_AT, {
    method: 'post', path: '/tournaments/:tournamentId/unregister', summary: 'Unregister before the start: buy-in and fee refunded', tags, auth: 'player',
    params: tournamentParams, response: playerAnswer, errors: [404, 409, 503],
  }, async ({ params, req }) => {
    const { player } = authOf(req);
    return callActor(await findTournament(deps, params.tournamentId), 'unregister', [player.id], registrationAbsent, log);
  });

  defineRoute(router, deps, MOUNTED_AT, {
    method: 'post', path: '/tournaments/:tournamentId/rebuy', summary: 'Rebuy, where the tournament allows it', tags, auth: 'player',
    params: tournamentParams, response: playerAnswer, errors: [404, 409, 503],
  }, async ({ params, req }) => {
    const { player } = authOf(req);
    return callActor(await findTournament(deps, params.tournamentId), 'rebuy', [player.id], playAbsent, log);
  });

  defineRoute(router, deps, MOUNTED_AT, {
    method: 'post', path: '/tournaments/:tournamentId/addon', summary: 'Take the add-on, during its break', tags, auth: 'player',
    params: tournamentParams, response: playerAnswer, errors: [404, 409, 503],
  }, async ({ params, req }) => {
    const { player } = authOf(req);
    return callActor(await findTournament(deps, params.tournamentId), 'addOn', [player.id], playAbsent, log);
  });

  return router;
}
