import type { HandState } from '../engine/hand/state.ts';
import type { HandRepository } from '../persistence/types.ts';
import { PlayerStatsTally, type PlayerStatsReport } from './player-stats.ts';

/** Hands read per query: each carries its whole operation log, so pages stay modest. */
export const STATS_PAGE_SIZE = 500;

/**
 * The most hands one report reads. A busy player's statistics cover their
 * latest hands only, so one request never walks an unbounded history;
 * `sample.complete` says whether this cut anything off. Reading dominates
 * (about 0.3 ms a hand on PostgreSQL, 0.7 ms on PGlite; the arithmetic is
 * negligible), so this keeps a report within a couple of seconds.
 */
export const STATS_HAND_LIMIT = 5_000;

export type PlayerStatsAnswer = PlayerStatsReport & {
  sample: { hands: number; limit: number; complete: boolean };
};

/**
 * A player's statistics over their stored hands, newest first, read a page
 * at a time. Hands that end after the call starts are left out, so pages
 * do not shift under the reader while the player keeps playing.
 */
export async function loadPlayerStats(
  hands: Pick<HandRepository, 'list'>,
  playerId: string,
  options: { now?: Date; limit?: number; pageSize?: number } = {},
): Promise<PlayerStatsAnswer> {
  const limit = options.limit ?? STATS_HAND_LIMIT;
  const pageSize = options.pageSize ?? STATS_PAGE_SIZE;
  const to = options.now ?? new Date();
  const tally = new PlayerStatsTally();
  // A hand written late with an older end time shifts later pages by one: never count it twice.
  const seen = new Set<string>();
  let offset = 0;
  let complete = false;
  for (let want = Math.min(pageSize, limit); want > 0; want = Math.min(pageSize, limit - tally.hands)) {
    const page = await hands.list({ playerId, to, limit: want, offset });
    for (const record of page) {
      const player = record.playerIds.indexOf(playerId);
      if (player < 0 || seen.has(record.id)) continue;
      seen.add(record.id);
      tally.add(record.variant, record.state as HandState, player);
    }
    offset += page.length;
    if (page.length < want) {
      complete = true;
      break;
    }
  }
  if (!complete) complete = (await hands.list({ playerId, to, limit: 1, offset })).length === 0;
  return { ...tally.report(), sample: { hands: tally.hands, limit, complete } };
}
