import { buildRankTable } from './rank-table.ts';
import { scoreRankCounts, scoreSuitedRanks } from './strength.ts';

/**
 * The standard game's lookup tables, built once at module load (a few tens of
 * milliseconds) so the evaluators never check whether they exist.
 */

const scoreStandard = (counts: ArrayLike<number>): number => scoreRankCounts(counts, false);

export const RANKS_5 = buildRankTable(5, 0, scoreStandard);
export const RANKS_6 = buildRankTable(6, 0, scoreStandard);
export const RANKS_7 = buildRankTable(7, 0, scoreStandard);

/** Best flush or straight flush by the rank bits of one suit's cards. */
export const FLUSH_RANKS = new Uint16Array(1 << 13);
for (let bits = 0; bits < FLUSH_RANKS.length; bits++) FLUSH_RANKS[bits] = scoreSuitedRanks(bits, false);
