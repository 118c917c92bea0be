import assert from 'node:assert/strict';
import { buildFlushSuitTable, SUIT_KEYS } from '../../../src/engine/eval/keys.ts';
import { buildRankTable } from '../../../src/engine/eval/rank-table.ts';

describe('evaluator tables', () => {
  it('when rank tables are built for every hand size then no two rank multisets share a key', () => {
    for (const lowestRank of [0, 4]) {
      for (const size of [5, 6, 7]) assert.doesNotThrow(() => buildRankTable(size, lowestRank, () => 1));
    }
  });

  it('when a table is built then every multiset reads back its own score', () => {
    // Score each multiset by its own rank counts so a misplaced entry shows.
    const score = (counts: ArrayLike<number>): number => {
      let packed = 0;
      for (let r = 0; r < 13; r++) packed = packed * 3 + Math.min(counts[r], 2);
      return packed % 65521;
    };
    const table = buildRankTable(5, 0, score);
    const keys = [0, 1, 5, 22, 98, 453, 2031, 8698, 22854, 83661, 262349, 636345, 1479181];
    let checked = 0;
    const counts = new Int8Array(13);
    const visit = (rank: number, left: number, key: number): void => {
      if (left === 0) {
        assert.equal(table.values[key + table.offsets[key >>> 8]], score(counts));
        checked++;
        return;
      }
      if (rank > 12) return;
      for (let n = Math.min(4, left); n >= 0; n--) {
        counts[rank] = n;
        visit(rank + 1, left - n, key + n * keys[rank]);
      }
      counts[rank] = 0;
    };
    visit(0, 5, 0);
    assert.equal(checked, 6175);
  });

  it('when suits are counted for 5, 6 and 7 cards then the flush suit is the one with five or more', () => {
    for (const size of [5, 6, 7]) {
      const table = buildFlushSuitTable(size);
      for (let c = 0; c <= size; c++)
        for (let d = 0; c + d <= size; d++)
          for (let h = 0; c + d + h <= size; h++) {
            const s = size - c - d - h;
            const sum = d * SUIT_KEYS[1] + h * SUIT_KEYS[2] + s * SUIT_KEYS[3];
            assert.equal(table[sum], [c, d, h, s].findIndex((n) => n >= 5));
          }
    }
  });
});
