import assert from 'node:assert/strict';
import { seededRandom } from '../../../src/engine/random.ts';
import { placeEliminations, placeWinner, standings, type Bust } from '../../../src/tournaments/rules/placing.ts';
import { refused } from './helpers.ts';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
// Ten places paid of 100 players would be long; four places paid will do.
const PRIZES = [500, 300, 150, 50];

describe('placeEliminations', () => {
  it('when one player goes out then they take the lowest place still open', () => {
    assert.deepEqual(placeEliminations([{ playerId: 'a', startingStack: 900 }], 7, PRIZES), [{ playerId: 'a', place: 7, prize: 0 }]);
    assert.deepEqual(placeEliminations([{ playerId: 'a', startingStack: 900 }], 4, PRIZES), [{ playerId: 'a', place: 4, prize: 50 }]);
  });

  it('when two go out in one hand then the one who started it with more chips places higher', () => {
    const busts: Bust[] = [
      { playerId: 'small', startingStack: 300 },
      { playerId: 'big', startingStack: 2000 },
    ];
    assert.deepEqual(placeEliminations(busts, 5, PRIZES), [
      { playerId: 'big', place: 4, prize: 50 },
      { playerId: 'small', place: 5, prize: 0 },
    ]);
  });

  it('when two with equal stacks go out on the bubble then they share the last paid place\'s prize', () => {
    const busts: Bust[] = [
      { playerId: 'a', startingStack: 800 },
      { playerId: 'b', startingStack: 800 },
    ];
    assert.deepEqual(placeEliminations(busts, 5, PRIZES), [
      { playerId: 'a', place: 4, prize: 25 },
      { playerId: 'b', place: 4, prize: 25 },
    ]);
  });

  it('when equal stacks share prizes that do not divide evenly then the first given takes the unit left over', () => {
    // Places 2 and 3 pay 300 + 151 = 451: 226 and 225.
    const busts: Bust[] = [
      { playerId: 'x', startingStack: 100 },
      { playerId: 'y', startingStack: 100 },
    ];
    assert.deepEqual(placeEliminations(busts, 3, [1000, 300, 151]), [
      { playerId: 'x', place: 2, prize: 226 },
      { playerId: 'y', place: 2, prize: 225 },
    ]);
  });

  it('when three go out, two of them tied, then the larger stack places first and the tied pair share the next two places', () => {
    const busts: Bust[] = [
      { playerId: 't1', startingStack: 400 },
      { playerId: 'top', startingStack: 900 },
      { playerId: 't2', startingStack: 400 },
    ];
    assert.deepEqual(placeEliminations(busts, 5, PRIZES), [
      { playerId: 'top', place: 3, prize: 150 },
      { playerId: 't1', place: 4, prize: 25 },
      { playerId: 't2', place: 4, prize: 25 },
    ]);
  });

  it('when whole tournaments are played out with random simultaneous eliminations then every prize is handed out exactly once', () => {
    const random = seededRandom(11);
    for (let game = 0; game < 300; game++) {
      const field = 2 + random(40);
      const prizes = Array.from({ length: Math.min(field, 1 + random(8)) }, () => random(1000)).sort((a, b) => b - a);
      let players = Array.from({ length: field }, (_, i) => `p${i}`);
      let paid = 0;
      const places: number[] = [];
      while (players.length > 1) {
        const out = 1 + random(Math.min(4, players.length - 1));
        const busts = players.slice(0, out).map((playerId) => ({ playerId, startingStack: 1 + random(3) }));
        const placed = placeEliminations(busts, players.length, prizes);
        paid += sum(placed.map((p) => p.prize));
        places.push(...placed.map((p) => p.place));
        assert.ok(placed.every((p) => p.place > players.length - out && p.place <= players.length));
        players = players.slice(out);
      }
      paid += placeWinner(players[0], prizes).prize;
      assert.equal(paid, sum(prizes), `game ${game}`);
      assert.equal(places.length, field - 1);
    }
  });

  it('when nobody would be left, a player is out twice or a stack is empty then it is refused', () => {
    const a = { playerId: 'a', startingStack: 10 };
    const b = { playerId: 'b', startingStack: 10 };
    assert.throws(() => placeEliminations([a, b], 2, PRIZES), refused('bad_eliminations'));
    assert.throws(() => placeEliminations([a, a], 5, PRIZES), refused('bad_eliminations'));
    assert.throws(() => placeEliminations([{ playerId: 'c', startingStack: 0 }], 5, PRIZES), refused('bad_eliminations'));
    assert.deepEqual(placeEliminations([], 5, PRIZES), []);
  });
});

describe('placeWinner and standings', () => {
  it('when the last player is left then they take first place and its prize', () => {
    assert.deepEqual(placeWinner('w', PRIZES), { playerId: 'w', place: 1, prize: 500 });
  });

  it('when standings are drawn then players in come first by stack, then players out by place, prizes only when paid', () => {
    const table = standings(
      [
        { playerId: 'short', stack: 500 },
        { playerId: 'chip leader', stack: 9000 },
      ],
      [
        { playerId: 'fifth', place: 5, prize: 0 },
        { playerId: 'third', place: 3, prize: 150 },
        { playerId: 'fourth', place: 4, prize: 50 },
      ],
    );
    assert.deepEqual(table, [
      { playerId: 'chip leader', stack: 9000 },
      { playerId: 'short', stack: 500 },
      { playerId: 'third', stack: 0, place: 3, prize: 150 },
      { playerId: 'fourth', stack: 0, place: 4, prize: 50 },
      { playerId: 'fifth', stack: 0, place: 5 },
    ]);
  });
});
