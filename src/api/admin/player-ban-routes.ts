import { Router } from 'express';
import { z } from 'zod';
import type { PlayerRecord } from '../../persistence/types.ts';
import { authOf } from '../authenticate.ts';
import { defineRoute } from '../openapi/route.ts';
import { ApiProblem } from '../problem.ts';
import type { ApiDeps } from '../types.ts';
import { ADMIN_PREFIX } from './index.ts';

const playerParams = z.object({ playerId: z.string().min(1).max(64) });

const bannedPlayerView = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  isAdmin: z.boolean(),
  bannedAt: z.iso.datetime().nullable(),
});

const banView = z.object({
  player: bannedPlayerView,
  expelled: z.array(z.object({ tableId: z.string(), seated: z.boolean(), waiting: z.boolean(), disconnected: z.number().int() }))
    .describe('Tables where the player sat (stood up after the hand, chips back to the wallet), waited or watched.'),
  unreachable: z.array(z.string()).describe('Tables that did not answer; ban again to retry them.'),
});

function playerView(player: PlayerRecord): z.output<typeof bannedPlayerView> {
  return { id: player.id, name: player.name, username: player.username, isAdmin: player.isAdmin, bannedAt: player.bannedAt?.toISOString() ?? null };
}

/**
 * Bans (`POST /api/admin/players/:playerId/ban`) and unbans (`…/unban`).
 * A ban refuses the player's token at once on HTTP and when joining rooms,
 * stands them up at every table after the hand in play (chips back to the
 * wallet), takes them off waiting lists and disconnects them. Both are
 * idempotent: banning again keeps the first ban's time and retries the
 * tables (useful when one was unreachable). Admins cannot be banned (409
 * `cannot_ban_admin`), so no admin can lock themselves or another out.
 */
export function playerBanRoutes(deps: ApiDeps): Router {
  const router = Router();
  const tags = ['admin: players'];

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'post', path: '/players/:playerId/ban', summary: 'Ban a player: stood up after the hand, refused from then on', tags, auth: 'admin',
    params: playerParams, response: banView, errors: [404, 409],
  }, async ({ params, req }) => {
    const player = await deps.db.players.findById(params.playerId);
    if (!player) throw new ApiProblem(404, 'not_found', `There is no player ${params.playerId}.`);
    if (player.id === authOf(req).player.id) throw new ApiProblem(409, 'cannot_ban_self', 'You cannot ban yourself.');
    if (player.isAdmin) throw new ApiProblem(409, 'cannot_ban_admin', `${player.name} is an admin; admins cannot be banned.`);
    const banned = (await deps.db.players.setBanned(player.id, true)) as PlayerRecord;
    const { expelled, unreachable } = deps.tables ? await deps.tables.expelEverywhere(player.id) : { expelled: [], unreachable: [] };
    return { player: playerView(banned), expelled, unreachable };
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'post', path: '/players/:playerId/unban', summary: 'Lift a player\'s ban', tags, auth: 'admin',
    params: playerParams, response: bannedPlayerView, errors: [404],
  }, async ({ params }) => {
    const player = await deps.db.players.setBanned(params.playerId, false);
    if (!player) throw new ApiProblem(404, 'not_found', `There is no player ${params.playerId}.`);
    return playerView(player);
  });

  return router;
}
