import assert from 'node:assert/strict';
import { applyPlan, planNextHand } from '../../../src/engine/table/lineup.ts';
import type { TableState } from '../../../src/engine/table/state.ts';
import { seededRandom, type RandomSource } from '../../../src/engine/random.ts';
import { isBalanced, planBalance, type BalancePlan } from '../../../src/tournaments/rules/balancing.ts';
import {
  SeatingMode,
  handsUntilBigBlind,
  nextBigBlindSeat,
  seatedCount,
  worstEmptySeat,
  type TournamentTable,
} from '../../../src/tournaments/rules/positions.ts';
import { initialSeating } from '../../../src/tournaments/rules/seating.ts';
import { refused, tableOf } from './helpers.ts';

const STAKES = { smallBlind: 1, bigBlind: 2, ante: 0 };

const players = (prefix: string, n: number, size = 9): (string | null)[] =>
  Array.from({ length: size }, (_, i) => (i < n ? `${prefix}${i}` : null));
const without = (seats: (string | null)[], ...empty: number[]): (string | null)[] => seats.map((s, i) => (empty.includes(i) ? null : s));

function toState(t: TournamentTable): TableState {
  return {
    maxSeats: t.seats.length,
    seats: t.seats.map((s) =>
      s ? { playerId: s.playerId, stack: s.stack, sittingOut: false, missedSmallBlind: false, missedBigBlind: false, isNew: false, willPost: false } : null,
    ),
    button: t.button,
    smallBlindSeat: t.smallBlindSeat,
    bigBlindSeat: t.bigBlindSeat,
    handsPlayed: t.bigBlindSeat < 0 ? 0 : 1,
  };
}

/** Deals one hand at a tournament table with the cash table's rotation: the positions move. Returns its big blind's player. */
function dealHand(t: TournamentTable): string {
  const plan = planNextHand(toState(t), STAKES)!;
  const next = applyPlan(toState(t), plan);
  t.button = next.button;
  t.smallBlindSeat = next.smallBlindSeat;
  t.bigBlindSeat = next.bigBlindSeat;
  return plan.playerIds[plan.seats.indexOf(plan.bigBlindSeat)];
}

/** Applies a plan to the tables (in place), checking each move lands on an empty seat; broken tables must be empty and go. */
function apply(tables: TournamentTable[], plan: BalancePlan): TournamentTable[] {
  for (const m of plan.moves) {
    const from = tables.find((t) => t.table === m.fromTable)!;
    const to = tables.find((t) => t.table === m.toTable)!;
    const seat = from.seats.findIndex((s) => s?.playerId === m.playerId);
    assert.ok(seat >= 0, `${m.playerId} sits at table ${m.fromTable}`);
    assert.equal(to.seats[m.toSeat], null, `seat ${m.toSeat} of table ${m.toTable} is free`);
    to.seats[m.toSeat] = from.seats[seat];
    from.seats[seat] = null;
  }
  for (const n of plan.breakTables) assert.equal(seatedCount(tables.find((t) => t.table === n)!), 0, `broken table ${n} is empty`);
  return tables.filter((t) => !plan.breakTables.includes(t.table));
}

const ids = (tables: TournamentTable[]): string[] => tables.flatMap((t) => t.seats.flatMap((s) => (s ? [s.playerId] : []))).sort();

describe('planBalance: balancing', () => {
  it('when a table has two more players than another then the player due the big blind next moves to the worst seat of the short table', () => {
    const long = tableOf(1, players('a', 9), { button: 0, small: 1, big: 2 });
    // The short table's players in seats 3 and 7 went out: seat 3 lies before its next big blind (seat 4).
    const short = tableOf(2, without(players('b', 9), 3, 7), { button: 0, small: 1, big: 2 });
    const plan = planBalance([long, short]);
    assert.deepEqual(plan, { breakTables: [], moves: [{ playerId: 'a3', fromTable: 1, toTable: 2, toSeat: 3 }] });
  });

  it('when the moved player arrives then they post the big blind in the new table\'s next hand: not twice in a row, none skipped', () => {
    const long = tableOf(1, players('a', 9), { button: 0, small: 1, big: 2 });
    const short = tableOf(2, without(players('b', 9), 3, 7), { button: 0, small: 1, big: 2 });
    const bigBlindBefore = dealHand({ ...long, seats: [...long.seats] });
    assert.equal(bigBlindBefore, 'a3', 'a3 was due the big blind at the old table');
    const tables = apply([long, short], planBalance([long, short]));
    const arrived = tables.find((t) => t.table === 2)!;
    assert.equal(dealHand(arrived), 'a3');
    // The old table's next big blind is the next player, who was due it the hand after: nobody skips it.
    assert.equal(dealHand(tables.find((t) => t.table === 1)!), 'a4');
  });

  it('when tables are within one player then nothing moves', () => {
    const plan = planBalance([
      tableOf(1, players('a', 9), { button: 0, small: 1, big: 2 }),
      tableOf(2, players('b', 8), { button: 0, small: 1, big: 2 }),
      tableOf(3, players('c', 8), { button: 0, small: 1, big: 2 }),
    ]);
    assert.deepEqual(plan, { breakTables: [], moves: [] });
  });

  it('when the long table has a hand in play then no player moves from it, even though the tables are out of balance', () => {
    const plan = planBalance([
      tableOf(1, players('a', 9), { button: 0, small: 1, big: 2 }, true),
      tableOf(2, players('b', 7), { button: 0, small: 1, big: 2 }),
    ]);
    assert.deepEqual(plan.moves, []);
  });

  it('when one long table is in play and another is between hands then the one between hands gives the player', () => {
    const plan = planBalance([
      tableOf(1, players('a', 9), { button: 0, small: 1, big: 2 }, true),
      tableOf(2, players('b', 9), { button: 4, small: 5, big: 6 }),
      tableOf(3, players('c', 7), { button: 0, small: 1, big: 2 }),
    ]);
    assert.deepEqual(plan.moves.map((m) => [m.playerId, m.fromTable, m.toTable]), [['b7', 2, 3]]);
  });

  it('when the short table has a hand in play then players still move to it, to be dealt in from its next hand', () => {
    const plan = planBalance([
      tableOf(1, players('a', 9), { button: 0, small: 1, big: 2 }),
      tableOf(2, players('b', 7), { button: 0, small: 1, big: 2 }, true),
    ]);
    assert.deepEqual(plan.moves.map((m) => [m.playerId, m.toTable, m.toSeat]), [['a3', 2, 7]]);
  });

  it('when one table is three short then two players move, each the one due the big blind next when they go', () => {
    const plan = planBalance([
      tableOf(1, players('a', 9), { button: 0, small: 1, big: 2 }),
      tableOf(2, players('b', 9), { button: 0, small: 1, big: 2 }),
      tableOf(3, players('c', 6), { button: 0, small: 1, big: 2 }),
    ]);
    // Tables 9, 9, 6: the higher-numbered long table (broken first) gives first, then the other.
    assert.deepEqual(plan.moves.map((m) => [m.playerId, m.fromTable, m.toTable]), [
      ['b3', 2, 3],
      ['a3', 1, 3],
    ]);
  });
});

describe('planBalance: breaking tables', () => {
  it('when the other tables can seat a table\'s players then the highest-numbered table is broken, its players spread evenly', () => {
    const tables = [
      tableOf(1, players('a', 6), { button: 0, small: 1, big: 2 }),
      tableOf(2, players('b', 6), { button: 0, small: 1, big: 2 }),
      tableOf(3, players('c', 6), { button: 0, small: 1, big: 2 }),
    ];
    const plan = planBalance(tables);
    assert.deepEqual(plan.breakTables, [3]);
    assert.equal(plan.moves.length, 6);
    assert.ok(plan.moves.every((m) => m.fromTable === 3));
    const after = apply(tables, plan);
    assert.deepEqual(after.map(seatedCount), [9, 9]);
  });

  it('when a table breaks then its players leave in big-blind order, the one due it next to the worst seat', () => {
    const breaking = tableOf(3, players('c', 4), { button: 0, small: 1, big: 2 });
    const plan = planBalance([
      tableOf(1, players('a', 7), { button: 0, small: 1, big: 2 }),
      tableOf(2, players('b', 7), { button: 0, small: 1, big: 2 }),
      breaking,
    ]);
    // c3 was due the big blind next at table 3, then c0, c1, c2 (who just posted it).
    assert.deepEqual(plan.moves.map((m) => m.playerId), ['c3', 'c0', 'c1', 'c2']);
    // Tables 1 and 2 are equally short: table 1, broken last, takes the first player.
    assert.deepEqual(plan.moves[0], { playerId: 'c3', fromTable: 3, toTable: 1, toSeat: 7 });
    assert.deepEqual(plan.moves[1].toTable, 2);
  });

  it('when the table due to break has a hand in play then nothing breaks or moves until its hand is over', () => {
    const tables = [
      tableOf(1, players('a', 9), { button: 0, small: 1, big: 2 }),
      tableOf(2, players('b', 5), { button: 0, small: 1, big: 2 }),
      tableOf(3, players('c', 4), { button: 0, small: 1, big: 2 }, true),
    ];
    assert.deepEqual(planBalance(tables), { breakTables: [], moves: [] });
    tables[2].handInPlay = false;
    const plan = planBalance(tables);
    assert.deepEqual(plan.breakTables, [3]);
    assert.deepEqual(apply(tables, plan).map(seatedCount), [9, 9]);
  });

  it('when a breaking order is given then tables are broken in that order', () => {
    const plan = planBalance(
      [
        tableOf(1, players('a', 6), { button: 0, small: 1, big: 2 }),
        tableOf(2, players('b', 6), { button: 0, small: 1, big: 2 }),
        tableOf(3, players('c', 6), { button: 0, small: 1, big: 2 }),
      ],
      { breakingOrder: [1, 3, 2] },
    );
    assert.deepEqual(plan.breakTables, [1]);
  });

  it('when a table is empty then it is broken before any other', () => {
    const plan = planBalance([
      tableOf(1, players('a', 0), { button: 0, small: 1, big: 2 }),
      tableOf(2, players('b', 5), { button: 0, small: 1, big: 2 }),
      tableOf(3, players('c', 5), { button: 0, small: 1, big: 2 }),
    ]);
    assert.deepEqual(plan, { breakTables: [1], moves: [] });
  });

  it('when the players left fit one table then every other table is broken into the final table', () => {
    const tables = [
      tableOf(1, players('a', 3), { button: 0, small: 1, big: 2 }),
      tableOf(2, players('b', 3), { button: 0, small: 1, big: 2 }),
      tableOf(3, players('c', 3), { button: 0, small: 1, big: 2 }),
    ];
    const plan = planBalance(tables);
    assert.deepEqual(plan.breakTables, [3, 2]);
    const after = apply(tables, plan);
    assert.deepEqual(after.map((t) => [t.table, seatedCount(t)]), [[1, 9]]);
  });

  it('when two players are left at two tables then they meet heads-up at one table', () => {
    const tables = [
      tableOf(1, players('a', 1), { button: 0, small: 0, big: 0 }),
      tableOf(2, players('b', 1), { button: 0, small: 0, big: 0 }),
    ];
    const after = apply(tables, planBalance(tables));
    assert.deepEqual(ids(after), ['a0', 'b0']);
    assert.equal(after.length, 1);
  });
});

describe('planBalance: stud', () => {
  it('when stud tables are balanced then the seat that opened last is filled by the player in that seat number', () => {
    const long = tableOf(1, players('a', 8, 8));
    const short = { ...tableOf(2, without(players('b', 8, 8), 2, 5)), vacated: [5, 2] };
    short.seats[7] = null;
    short.vacated = [7, 5, 2];
    const plan = planBalance([long, short], { mode: SeatingMode.position });
    assert.deepEqual(plan.moves, [{ playerId: 'a2', fromTable: 1, toTable: 2, toSeat: 2 }]);
  });
});

describe('planBalance: refusals', () => {
  it('when a player sits at two tables, tables differ in size or a player has no chips then it is refused', () => {
    const a = tableOf(1, players('a', 3));
    assert.throws(() => planBalance([a, tableOf(2, players('a', 3))]), refused('bad_tables'));
    assert.throws(() => planBalance([a, tableOf(2, players('b', 3, 6))]), refused('bad_tables'));
    const broke = tableOf(2, players('b', 3));
    broke.seats[0] = { playerId: 'b0', stack: 0 };
    assert.throws(() => planBalance([a, broke]), refused('bad_tables'));
    assert.throws(() => planBalance([]), refused('bad_tables'));
  });

  it('when the input is balanced then it is not changed', () => {
    const tables = [tableOf(1, players('a', 9)), tableOf(2, players('b', 5))];
    const copy = structuredClone(tables);
    planBalance(tables);
    assert.deepEqual(tables, copy);
  });
});

describe('planBalance: random tournaments', () => {
  function randomTournament(random: RandomSource): TournamentTable[] {
    const size = 2 + random(9);
    const entrants = 2 + random(100);
    return initialSeating(
      Array.from({ length: entrants }, (_, i) => `p${i}`),
      size,
      random,
    ).map((t) => ({
      table: t.table,
      seats: t.seats.map((id) => (id ? { playerId: id, stack: 1000 } : null)),
      button: -1,
      smallBlindSeat: -1,
      bigBlindSeat: -1,
      handInPlay: false,
    }));
  }

  /** Checks each balancing move takes the player due the big blind next, to a seat that posts it soonest. */
  function checkMoves(tables: TournamentTable[], plan: BalancePlan): void {
    const work = structuredClone(tables);
    const broken = new Set(plan.breakTables);
    for (const m of plan.moves) {
      const from = work.find((t) => t.table === m.fromTable)!;
      const to = work.find((t) => t.table === m.toTable)!;
      assert.equal(from.handInPlay, false, 'no player moves from a table with a hand in play');
      assert.ok(!broken.has(m.toTable), 'no player moves to a table being broken');
      const seat = from.seats.findIndex((s) => s?.playerId === m.playerId);
      if (!broken.has(m.fromTable)) {
        assert.equal(seat, nextBigBlindSeat(from), `${m.playerId} was due the big blind next`);
      }
      assert.equal(m.toSeat, worstEmptySeat(to));
      const soonest = Math.min(...to.seats.flatMap((s, i) => (s ? [] : [handsUntilBigBlind(to, i)])));
      assert.equal(handsUntilBigBlind(to, m.toSeat), soonest);
      to.seats[m.toSeat] = from.seats[seat];
      from.seats[seat] = null;
    }
  }

  it('when random hands knock out random players then every move follows the rules and, between hands everywhere, tables are within one', () => {
    const random = seededRandom(2024);
    for (let game = 0; game < 60; game++) {
      let tables = randomTournament(random);
      const size = tables[0].seats.length;
      const everyone = ids(tables);
      let out: string[] = [];
      while (everyone.length - out.length > 1) {
        const dealing = tables.filter((t) => seatedCount(t) >= 2);
        assert.ok(dealing.length > 0, 'some table can deal');
        const t = dealing[random(dealing.length)];
        dealHand(t);
        // Up to three of its players go out, at least one player staying in the tournament.
        const seated = t.seats.flatMap((s, i) => (s ? [i] : []));
        const busts = Math.min(random(4), seated.length - 1);
        for (const seat of seated.slice(0, busts)) {
          out = [...out, t.seats[seat]!.playerId];
          t.seats[seat] = null;
        }
        for (const other of tables) other.handInPlay = other !== t && random(2) === 0 && seatedCount(other) >= 2;
        const plan = planBalance(tables);
        checkMoves(tables, plan);
        for (const n of plan.breakTables) assert.equal(tables.find((x) => x.table === n)!.handInPlay, false);
        tables = apply(tables, plan);
        assert.deepEqual(ids(tables), everyone.filter((p) => !out.includes(p)).sort(), 'nobody lost or duplicated');

        // Were every table between hands now, the tables would settle within one, as few as hold everyone.
        let settled: TournamentTable[] = structuredClone(tables).map((x) => ({ ...x, handInPlay: false }));
        settled = apply(settled, planBalance(settled));
        const remaining = everyone.length - out.length;
        assert.ok(isBalanced(settled), `game ${game}: ${settled.map(seatedCount).join(', ')}`);
        assert.equal(settled.length, Math.ceil(remaining / size));
        assert.deepEqual(planBalance(settled).moves, [], 'settled tables stay put');
      }
      for (const t of tables) t.handInPlay = false;
      tables = apply(tables, planBalance(tables));
      assert.equal(tables.length, 1, 'the winner sits at one table');
    }
  });
});
