import assert from 'node:assert/strict';
import { seededRandom } from '../../../src/engine/random.ts';
import {
  PPM,
  defaultPayoutShares,
  defaultPlacesPaid,
  dividePool,
  payoutShares,
  payoutTable,
  prizePool,
  prizesByPlace,
} from '../../../src/tournaments/rules/payouts.ts';
import { mtt, refused } from './helpers.ts';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const nonIncreasing = (xs: readonly number[]): boolean => xs.every((x, i) => i === 0 || x <= xs[i - 1]);

describe('the default payout schedule', () => {
  it('when the field is small then it pays 1, 2, 3 and 4 places at the documented shares', () => {
    assert.deepEqual(defaultPayoutShares(2), [PPM]);
    assert.deepEqual(defaultPayoutShares(3), [PPM]);
    assert.deepEqual(defaultPayoutShares(6), [650_000, 350_000]);
    assert.deepEqual(defaultPayoutShares(9), [500_000, 300_000, 200_000]);
    assert.deepEqual(defaultPayoutShares(18), [400_000, 300_000, 200_000, 100_000]);
  });

  it('when 27 enter then five places are paid on a decreasing curve', () => {
    const shares = defaultPayoutShares(27);
    assert.equal(shares.length, 5);
    assert.equal(sum(shares), PPM);
    assert.ok(nonIncreasing(shares));
    assert.ok(shares[0] > 370_000 && shares[0] < 390_000, `first place ${shares[0]} ppm`);
  });

  it('when the field is large then about 15% of it is paid', () => {
    assert.equal(defaultPlacesPaid(100), 15);
    assert.equal(defaultPlacesPaid(1000), 150);
    assert.equal(defaultPlacesPaid(40), 6);
  });

  it('when any field up to 1500, and random ones up to 100,000, are paid then shares sum to a million, never increase, are positive and fit the field', () => {
    const random = seededRandom(3);
    const fields = [...Array.from({ length: 1499 }, (_, k) => k + 2), ...Array.from({ length: 20 }, () => 1500 + random(98_500))];
    for (const n of fields) {
      const shares = defaultPayoutShares(n);
      assert.equal(sum(shares), PPM, `field ${n}`);
      assert.ok(nonIncreasing(shares), `field ${n}`);
      assert.ok(shares.every((s) => s > 0) && shares.length < n, `field ${n}`);
    }
  });

  it('when the field grows then the places paid never shrink', () => {
    let last = 0;
    for (let n = 2; n <= 3000; n++) {
      const paid = defaultPlacesPaid(n);
      assert.ok(paid >= last, `field ${n}`);
      last = paid;
    }
  });

  it('when the largest field is paid then even the last place gets a share', () => {
    const shares = defaultPayoutShares(100_000);
    assert.equal(shares.length, 15_000);
    assert.ok(shares[shares.length - 1] >= 1);
  });
});

describe('dividePool', () => {
  it('when the pool does not divide evenly then the units left over go to the highest places', () => {
    // 1000 at 50/30/20 divides evenly; 1001 leaves one unit, which goes to first place.
    assert.deepEqual(dividePool(1000, [500_000, 300_000, 200_000]), [500, 300, 200]);
    assert.deepEqual(dividePool(1001, [500_000, 300_000, 200_000]), [501, 300, 200]);
    assert.deepEqual(dividePool(100, [333_400, 333_300, 333_300]), [34, 33, 33]);
    assert.deepEqual(dividePool(2, [333_400, 333_300, 333_300]), [1, 1, 0]);
  });

  it('when random pools are divided over random fields then the amounts sum to the pool and never increase', () => {
    const random = seededRandom(7);
    for (let k = 0; k < 2000; k++) {
      const entrants = 2 + random(3000);
      const pool = k % 3 === 0 ? random(50) : random(2 ** 31) * 1000 + random(1000);
      const amounts = dividePool(pool, defaultPayoutShares(entrants));
      assert.equal(sum(amounts), pool, `pool ${pool}, field ${entrants}`);
      assert.ok(nonIncreasing(amounts), `pool ${pool}, field ${entrants}`);
      assert.ok(amounts.every((a) => Number.isSafeInteger(a) && a >= 0));
    }
  });

  it('when the pool is near the largest exact integer then it still divides exactly', () => {
    const pool = Number.MAX_SAFE_INTEGER;
    assert.equal(sum(dividePool(pool, defaultPayoutShares(1000))), pool);
  });

  it('when the pool or shares are malformed then it is refused', () => {
    assert.throws(() => dividePool(-1, [PPM]), refused('bad_pool'));
    assert.throws(() => dividePool(10.5, [PPM]), refused('bad_pool'));
    assert.throws(() => dividePool(10, []), refused('bad_payouts'));
    assert.throws(() => dividePool(10, [0, PPM]), refused('bad_payouts'));
  });
});

describe('operator payouts and the prize pool', () => {
  it('when the operator sets one list then it pays every field size by it', () => {
    const def = mtt({ payouts: [60, 25, 15] });
    assert.deepEqual(payoutShares(def, 10), [600_000, 250_000, 150_000]);
    assert.deepEqual(payoutShares(def, 400), [600_000, 250_000, 150_000]);
  });

  it('when the operator sets tiers then the tier for the field size applies', () => {
    const def = mtt({
      payouts: [
        { fromEntrants: 10, percents: [70, 30] },
        { fromEntrants: 30, percents: [50, 30, 20] },
      ],
    });
    assert.deepEqual(payoutShares(def, 29), [700_000, 300_000]);
    assert.deepEqual(payoutShares(def, 30), [500_000, 300_000, 200_000]);
  });

  it('when there are no operator payouts then the default schedule applies', () => {
    assert.deepEqual(payoutShares(mtt(), 9), defaultPayoutShares(9));
  });

  it('when buy-ins, rebuys and add-ons are sold then the pool is their prices, fees left out', () => {
    const def = mtt({
      buyIn: 100,
      fee: 10,
      rebuy: { maxCount: 3, stackAtOrBelow: 10_000, chips: 10_000, price: 100 },
      addOn: { atBreak: 1, chips: 20_000, price: 50 },
      breakEvery: 2,
      breakSeconds: 300,
    });
    assert.equal(prizePool(def, { entries: 30, rebuys: 12, addOns: 20 }), 3000 + 1200 + 1000);
  });

  it('when rebuys are counted for a tournament without them then it is refused', () => {
    assert.throws(() => prizePool(mtt(), { entries: 30, rebuys: 1, addOns: 0 }), refused('bad_sales'));
  });

  it('when the payout table is made then its places run from 1 and its amounts sum to the pool', () => {
    const table = payoutTable(mtt(), 18, 1801);
    assert.deepEqual(table, [
      { place: 1, amount: 721 },
      { place: 2, amount: 540 },
      { place: 3, amount: 360 },
      { place: 4, amount: 180 },
    ]);
    assert.deepEqual(prizesByPlace([...table].reverse()), [721, 540, 360, 180]);
  });
});
