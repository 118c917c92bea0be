import { Router } from 'express';
import { z } from 'zod';
import { ENTRY_STATUS } from '../persistence/tournament-types.ts';
import { authOf } from './authenticate.ts';
import { methodNotAllowed } from './method-not-allowed.ts';
import { defineRoute, page, pageOf, pageQuery } from './openapi/route.ts';
import { summaryOf, summaryView } from './tournament-views.ts';
import type { ApiDeps } from './types.ts';

const int = z.number().int();

const myTournamentView = summaryView.extend({
  entry: z.object({
    entryNo: int.describe('1 for the first entry, 2 … for re-entries.'),
    status: z.enum(Object.values(ENTRY_STATUS)),
    place: int.nullable(),
    prize: int.nullable().describe('Wallet money paid for the place.'),
    buyIn: int,
    fee: int,
    rebuys: int,
    addOns: int,
    registeredAt: z.iso.datetime(),
  }),
});

/** `GET /api/me/tournaments`: the caller's entries with their tournaments, newest first, with places and prizes. */
export function meTournamentRoutes(deps: ApiDeps): Router {
  const router = Router();

  defineRoute(router, deps, '/api/me', {
    method: 'get', path: '/tournaments', summary: 'My tournament entries, newest first, with places and prizes', tags: ['me'], auth: 'player',
    query: pageQuery, response: pageOf(myTournamentView),
  }, async ({ req, query }) => {
    const { player } = authOf(req);
    const { items, total } = await deps.db.entries.forPlayer(player.id, query);
    return page(items.map(({ tournament, entry }) => ({
      ...summaryOf(tournament),
      entry: {
        entryNo: entry.entryNo, status: entry.status, place: entry.place, prize: entry.prize, buyIn: entry.buyIn, fee: entry.fee,
        rebuys: entry.rebuys, addOns: entry.addOns, registeredAt: entry.registeredAt.toISOString(),
      },
    })), total, query);
  });
  router.all('/tournaments', methodNotAllowed('GET'));

  return router;
}
