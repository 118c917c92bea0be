import { Router } from 'express';
import { z } from 'zod';
import { loadPlayerStats } from '../stats/load-player-stats.ts';
import { authOf } from './authenticate.ts';
import { defineRoute } from './openapi/route.ts';
import type { ApiDeps } from './types.ts';

const rate = z.number().nullable();

const statsView = z.object({
  hands: z.number().int(),
  vpip: rate.describe('Share of hands where the player called or raised preflop (forced bets do not count).'),
  pfr: rate.describe('Share of hands where the player raised preflop.'),
  aggressionFactor: rate.describe('(Bets + raises) / calls on every street; null with no calls.'),
  wentToShowdown: rate.describe('Of the hands where the player saw the flop (the second street), the share taken to showdown.'),
  wonAtShowdown: rate.describe('Of the hands taken to showdown, the share where the player won chips.'),
  netWinnings: z.number().int().describe('Chips won minus chips put in, after rake.'),
  counts: z.object({
    hands: z.number().int(),
    vpipHands: z.number().int(),
    pfrHands: z.number().int(),
    betsAndRaises: z.number().int(),
    calls: z.number().int(),
    sawSecondStreet: z.number().int(),
    showdowns: z.number().int(),
    wonAtShowdown: z.number().int(),
    netWinnings: z.number().int(),
  }),
});

const statsAnswer = z.object({
  overall: statsView,
  byVariant: z.record(z.string(), statsView).describe('Keyed by variant code.'),
  sample: z.object({
    hands: z.number().int(),
    limit: z.number().int().describe('The most recent hands a report covers.'),
    complete: z.boolean().describe('False when the player has more hands than `limit` and only the latest count.'),
  }),
});

/** `GET /api/me/stats`: the caller's statistics overall and per variant (see `PlayerStats`). */
export function meStatsRoutes(deps: ApiDeps): Router {
  const router = Router();

  defineRoute(router, deps, '/api/me', {
    method: 'get', path: '/stats', summary: 'My statistics: VPIP, PFR, aggression, showdowns, winnings', tags: ['me'], auth: 'player',
    response: statsAnswer,
  }, async ({ req }) => loadPlayerStats(deps.db.hands, authOf(req).player.id));

  return router;
}
