import { Router } from 'express';
import { z } from 'zod';
import type { PlayerWithBalance } from '../../persistence/types.ts';
import { defineRoute, page, pageOf, pageQuery } from '../openapi/route.ts';
import { ApiProblem } from '../problem.ts';
import type { ApiDeps } from '../types.ts';
import { ADMIN_PREFIX } from './index.ts';

/** A player as admins see them: the account and the wallet's balance (never the password hash). */
export const adminPlayerView = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string().nullable().describe('Null for guests.'),
  isAdmin: z.boolean(),
  bannedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  balance: z.number().int().describe('Chips in the wallet (not on tables).'),
});

export const playerParams = z.object({ playerId: z.string().min(1).max(64) });

const listQuery = pageQuery.extend({
  q: z.string().trim().max(64).optional().describe('Part of a name or username, any case.'),
});

export function adminPlayer(player: PlayerWithBalance): z.output<typeof adminPlayerView> {
  return {
    id: player.id,
    name: player.name,
    username: player.username,
    isAdmin: player.isAdmin,
    bannedAt: player.bannedAt?.toISOString() ?? null,
    createdAt: player.createdAt.toISOString(),
    balance: player.balance,
  };
}

export function unknownPlayer(playerId: string): ApiProblem {
  return new ApiProblem(404, 'not_found', `There is no player ${playerId}.`);
}

/** `GET /api/admin/players` (search, newest first) and `GET /api/admin/players/:playerId`, each with the wallet's balance. */
export function playerListRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db } = deps;
  const tags = ['admin: players'];

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/players', summary: 'List and search players, newest first', tags, auth: 'admin',
    query: listQuery, response: pageOf(adminPlayerView),
  }, async ({ query }) => {
    const { players, total } = await db.players.search({ query: query.q || undefined, limit: query.limit, offset: query.offset });
    return page(players.map(adminPlayer), total, query);
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/players/:playerId', summary: 'Read a player and their wallet balance', tags, auth: 'admin',
    params: playerParams, response: adminPlayerView, errors: [404],
  }, async ({ params }) => {
    const player = await db.players.findById(params.playerId);
    if (!player) throw unknownPlayer(params.playerId);
    return adminPlayer({ ...player, balance: await db.ledger.balance('player', player.id) });
  });

  return router;
}
