import assert from 'node:assert/strict';
import { Simulation, checkResults } from './simulation.ts';
import { scheduled, sitAndGo } from './definitions.ts';

const T0 = 1_700_000_000_000;

/** A scheduled tournament with everything on: late registration and re-entry, rebuys, breaks and an add-on. */
function loaded(startsAt: number) {
  return scheduled(startsAt, {
    lateRegistrationLevels: 2,
    reEntries: 1,
    rebuy: { maxCount: 2, stackAtOrBelow: 10_000, chips: 10_000, price: 100 },
    breakEvery: 2,
    breakSeconds: 300,
    addOn: { atBreak: 1, chips: 15_000, price: 100 },
  });
}

describe('simulated tournaments', () => {
  describe('sit-and-gos', () => {
    for (const [players, tableSize] of [[6, 6], [9, 9], [18, 9]]) {
      it(`when ${players} players play a sit-and-go at ${tableSize}-seat tables through crashes then it ends with one winner and every place and prize once`, () => {
        for (const seed of [1, 2, 3, 4, 5, 6]) {
          const sim = new Simulation({ definition: sitAndGo(players, tableSize), players, seed, crashChance: 0.02 });
          const result = sim.run();
          checkResults(sim);
          assert.equal(result.tournament.state.entrants, players);
          if (players === 18) assert.ok(result.moves > 0, 'the two tables are balanced, then merged');
        }
      });
    }

    it('when 18 players reach the bubble at two tables then hand-for-hand rounds deal one hand a table and the bubble is placed together', () => {
      let rounds = 0;
      for (const seed of [1, 2, 3]) {
        // Nine places paid: the bubble comes with ten players in, at two tables.
        const def = sitAndGo(18, 9, { payouts: [20, 16, 13, 11, 10, 9, 8, 7, 6] });
        const sim = new Simulation({ definition: def, players: 18, seed, crashChance: 0.01, singleBusts: true });
        const result = sim.run();
        checkResults(sim);
        rounds += result.handForHandRounds;
      }
      assert.ok(rounds > 0, 'hand-for-hand rounds were played');
    });

    it('when a stud sit-and-go of 16 plays at 8-seat tables then seats are given by position and it ends as any other', () => {
      const sim = new Simulation({ definition: sitAndGo(16, 8, { variant: 'F7S', levels: [{ smallBlind: 10, bigBlind: 20, ante: 5, seconds: 600 }, { smallBlind: 20, bigBlind: 40, ante: 10, seconds: 600 }] }), players: 16, seed: 7 });
      sim.run();
      checkResults(sim);
    });
  });

  describe('scheduled tournaments', () => {
    it('when 30 register and late entrants, re-entries, rebuys and add-ons come in then all their chips are counted and it ends cleanly', () => {
      const totals = { lateEntries: 0, reEntries: 0, rebuys: 0, addOns: 0, breaks: 0, crashes: 0 };
      for (const seed of [1, 2, 3]) {
        const sim = new Simulation({ definition: loaded(T0 + 60_000), players: 30, seed, crashChance: 0.005, pauseAtStep: 200 });
        const result = sim.run();
        checkResults(sim);
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result[key];
      }
      for (const [key, count] of Object.entries(totals)) assert.ok(count > 0, `some ${key}`);
    });

    it('when 100 register then tables break down to a final table and the field passes the bubble', () => {
      const sim = new Simulation({ definition: loaded(T0 + 60_000), players: 100, seed: 11, crashChance: 0.004, pauseAtStep: 400, singleBusts: true });
      const result = sim.run();
      checkResults(sim);
      assert.ok(result.moves > 20);
      assert.equal(result.handForHandStarts, 1, 'the bubble is played hand for hand');
      assert.equal(result.dealsWhilePaused, 0);
    });

    it('when 1,000 register then 112 tables play down to one winner with every chip and place accounted for', () => {
      const def = loaded(T0 + 60_000);
      const sim = new Simulation({ definition: def, players: 1000, seed: 5, crashChance: 0.001, bustChance: 0.7, singleBusts: true, lateChance: 0.02 });
      const result = sim.run();
      checkResults(sim);
      assert.equal(Math.max(...[...sim.fakes.keys()].map((id) => Number(id.split('-t')[1]))) >= 112, true);
      assert.ok(result.crashes > 0 && result.lateEntries > 0 && result.rebuys > 0);
      assert.equal(result.handForHandStarts, 1);
    });
  });
});
