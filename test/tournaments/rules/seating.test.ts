import assert from 'node:assert/strict';
import { seededRandom } from '../../../src/engine/random.ts';
import { dealtInAtOnce } from '../../../src/tournaments/rules/positions.ts';
import { initialSeating, seatLateEntrant } from '../../../src/tournaments/rules/seating.ts';
import { refused, tableOf } from './helpers.ts';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `p${i}`);
const counts = (tables: { seats: (string | null)[] }[]): number[] => tables.map((t) => t.seats.filter(Boolean).length);

describe('initialSeating', () => {
  it('when 18 players start at nine-seat tables then two full tables, numbered 1 and 2, seat them all', () => {
    const tables = initialSeating(ids(18), 9, seededRandom(1));
    assert.deepEqual(tables.map((t) => t.table), [1, 2]);
    assert.deepEqual(counts(tables), [9, 9]);
    assert.deepEqual(tables.flatMap((t) => t.seats).filter(Boolean).sort(), ids(18).sort());
  });

  it('when 20 players start at nine-seat tables then three tables take 7, 7 and 6', () => {
    assert.deepEqual(counts(initialSeating(ids(20), 9, seededRandom(1))), [7, 7, 6]);
  });

  it('when any field is seated then it uses as few tables as hold it, within one player of each other, every player once', () => {
    const random = seededRandom(5);
    for (let k = 0; k < 300; k++) {
      const size = 2 + random(9);
      const n = 2 + random(200);
      const tables = initialSeating(ids(n), size, random);
      assert.equal(tables.length, Math.ceil(n / size));
      const c = counts(tables);
      assert.ok(Math.max(...c) - Math.min(...c) <= 1);
      assert.ok(tables.every((t) => t.seats.length === size));
      assert.equal(new Set(tables.flatMap((t) => t.seats).filter(Boolean)).size, n);
    }
  });

  it('when the random source differs then the draw differs, and the same source gives the same draw', () => {
    const a = initialSeating(ids(27), 9, seededRandom(1));
    assert.deepEqual(initialSeating(ids(27), 9, seededRandom(1)), a);
    assert.notDeepEqual(initialSeating(ids(27), 9, seededRandom(2)), a);
  });

  it('when a short table is seated then its empty seats are drawn too, not always the last ones', () => {
    const emptyAtEnd = Array.from({ length: 20 }, (_, seed) => initialSeating(ids(5), 9, seededRandom(seed))[0].seats)
      .every((seats) => seats.slice(5).every((s) => s === null));
    assert.equal(emptyAtEnd, false);
  });

  it('when fewer than two players, duplicates or a one-seat table are given then it is refused', () => {
    assert.throws(() => initialSeating(['a'], 9, seededRandom(1)), refused('not_enough_entrants'));
    assert.throws(() => initialSeating(['a', 'a'], 9, seededRandom(1)), refused('bad_entrants'));
    assert.throws(() => initialSeating(['a', 'b'], 1, seededRandom(1)), refused('bad_table_size'));
  });
});

describe('seatLateEntrant', () => {
  it('when tables differ then the late entrant sits at the table with the fewest players', () => {
    const tables = [
      tableOf(1, ['a', 'b', 'c', null, null, null]),
      tableOf(2, ['d', 'e', null, null, null, null]),
    ];
    for (let seed = 0; seed < 10; seed++) {
      const choice = seatLateEntrant(tables, seededRandom(seed))!;
      assert.equal(choice.table, 2);
      assert.equal(tables[1].seats[choice.seat], null);
    }
  });

  it('when some seats would sit out a hand between the button and the small blind then the late entrant never draws them', () => {
    // Next hand: button on 4, small blind on 6 — seat 5 waits a hand; seat 1 plays at once.
    const t = tableOf(1, ['a', null, 'c', 'd', 'e', null, 'g', 'h', 'i'], { button: 3, small: 4, big: 6 });
    assert.equal(dealtInAtOnce(t, 5), false);
    for (let seed = 0; seed < 20; seed++) assert.equal(seatLateEntrant([t], seededRandom(seed))!.seat, 1);
  });

  it('when every table is full then there is no seat: a new table must be opened', () => {
    assert.equal(seatLateEntrant([tableOf(1, ['a', 'b']), tableOf(2, ['c', 'd'])], seededRandom(1)), null);
  });
});
