import { RANK_KEYS } from './keys.ts';

/**
 * Strength by rank-key sum for hands of one size, compressed by row
 * displacement: `values[r + offsets[r >>> ROW_SHIFT]]` for a rank sum `r`.
 * The sums of seven ranks spread over 7.8 million values but only 49,205
 * occur, so a direct table would be 15 MB of mostly holes; this one is about
 * 350 KB, stays in cache and measured faster.
 */
export type RankTable = { readonly values: Uint16Array; readonly offsets: Int32Array };

/** Rows of 2^ROW_SHIFT sums; the hot paths inline the literal 8. */
export const ROW_SHIFT = 8;

const ROW_SIZE = 1 << ROW_SHIFT;
const COLUMN_MASK = ROW_SIZE - 1;

/**
 * Enumerates every rank multiset of `cardCount` cards (at most four per rank,
 * ranks from `lowestRank` up) and stores `score(counts)` under its key sum.
 * Throws if two multisets share a sum, which would make the table lie.
 */
export function buildRankTable(
  cardCount: number,
  lowestRank: number,
  score: (counts: ArrayLike<number>) => number,
): RankTable {
  // key * 2^16 + strength stays below 2^40, exact in a double: one native
  // sort then orders the entries by key with their strengths attached.
  const entries: number[] = [];
  forEachRankMultiset(cardCount, lowestRank, (counts, key) => entries.push(key * 65536 + score(counts)));
  const sorted = Float64Array.from(entries).sort();
  const keys = new Int32Array(sorted.length);
  const values = new Uint16Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    keys[i] = Math.floor(sorted[i] / 65536);
    values[i] = sorted[i] % 65536;
    if (i > 0 && keys[i] === keys[i - 1]) throw new Error('Two rank multisets share a key sum; the rank keys are wrong.');
  }
  return compress(keys, values);
}

/**
 * Calls `each(counts, key)` for every rank multiset of `cardCount` cards (at
 * most four of a rank, ranks from `lowestRank` up): `counts[rank]` is how many
 * cards of each rank it holds (one array, reused from call to call) and `key`
 * its rank-key sum.
 */
export function forEachRankMultiset(cardCount: number, lowestRank: number, each: (counts: ArrayLike<number>, key: number) => void): void {
  const counts = new Int8Array(13);
  const visit = (rank: number, left: number, key: number): void => {
    if (left === 0) {
      each(counts, key);
      return;
    }
    if (rank > 12) return;
    for (let n = Math.min(4, left); n >= 0; n--) {
      counts[rank] = n;
      visit(rank + 1, left - n, key + n * RANK_KEYS[rank]);
    }
    counts[rank] = 0;
  };
  visit(lowestRank, cardCount, 0);
}

/** Row displacement of sorted, distinct keys. */
function compress(keys: Int32Array, values: Uint16Array): RankTable {
  const rowCount = (keys[keys.length - 1] >>> ROW_SHIFT) + 1;
  const rowStart = new Int32Array(rowCount + 1);
  for (let i = 0; i < keys.length; i++) rowStart[(keys[i] >>> ROW_SHIFT) + 1]++;
  for (let row = 0; row < rowCount; row++) rowStart[row + 1] += rowStart[row];

  // Fullest rows first (a counting sort): they are the hardest to fit once
  // the table fills up.
  const rowsByLength: number[][] = Array.from({ length: ROW_SIZE + 1 }, () => []);
  for (let row = 0; row < rowCount; row++) rowsByLength[rowStart[row + 1] - rowStart[row]].push(row);

  // First fit, except that a row never looks below where the row before it
  // went. Rescanning the dense front for every row made plain first fit take
  // a tenth of a second; this takes milliseconds for a table about 40% larger.
  let used = new Uint8Array(keys.length * 2 + 2 * ROW_SIZE);
  const offsets = new Int32Array(rowCount);
  let size = 0;
  let cursor = 0;
  for (let length = ROW_SIZE; length > 0; length--) {
    for (const row of rowsByLength[length]) {
      const columns = keys.subarray(rowStart[row], rowStart[row + 1]);
      // The search never passes `size`, beyond which every slot is free.
      if (size + ROW_SIZE > used.length) {
        const grown = new Uint8Array(used.length * 2);
        grown.set(used);
        used = grown;
      }
      const base = firstFit(used, columns, cursor);
      cursor = base + (columns[0] & COLUMN_MASK);
      for (let c = 0; c < columns.length; c++) used[base + (columns[c] & COLUMN_MASK)] = 1;
      size = Math.max(size, base + (columns[columns.length - 1] & COLUMN_MASK) + 1);
      offsets[row] = base - row * ROW_SIZE;
    }
  }

  const table = new Uint16Array(size);
  for (let i = 0; i < keys.length; i++) table[keys[i] + offsets[keys[i] >>> ROW_SHIFT]] = values[i];
  return { values: table, offsets };
}

/** The lowest base at which every key of the row lands on a free slot, its first key at `from` or later. */
function firstFit(used: Uint8Array, row: Int32Array, from: number): number {
  const first = row[0] & COLUMN_MASK;
  for (let at = from; ; at++) {
    if (used[at]) continue;
    const base = at - first;
    let c = 1;
    while (c < row.length && !used[base + (row[c] & COLUMN_MASK)]) c++;
    if (c === row.length) return base;
  }
}
