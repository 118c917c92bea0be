import assert from 'node:assert/strict';
import {
  SeatingMode,
  bigBlindOrder,
  dealtInAtOnce,
  handsUntilBigBlind,
  nextBigBlindSeat,
  seatingModeOf,
  worstEmptySeat,
} from '../../../src/tournaments/rules/positions.ts';
import { refused, tableOf } from './helpers.ts';

const full = (prefix: string, n: number): (string | null)[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const without = (seats: (string | null)[], ...empty: number[]): (string | null)[] => seats.map((s, i) => (empty.includes(i) ? null : s));

describe('positions: the big blind rotation of a tournament table', () => {
  it('when the last hand had the big blind on seat 2 then seat 3 posts it next, and the order runs clockwise from there', () => {
    const t = tableOf(1, full('p', 6), { button: 0, small: 1, big: 2 });
    assert.equal(nextBigBlindSeat(t), 3);
    assert.deepEqual(bigBlindOrder(t), [3, 4, 5, 0, 1, 2]);
  });

  it('when a table has dealt no hand then the third player from seat 0 posts the first big blind', () => {
    assert.equal(nextBigBlindSeat(tableOf(1, [null, 'a', 'b', null, 'c', 'd'])), 4);
  });

  it('when a seat lies between the last big blind and the next one then a player put there posts the big blind next hand', () => {
    // Seat 5's player went out in the last hand: the big blind would pass from 4 to 6.
    const t = tableOf(1, without(full('p', 9), 5, 8), { button: 2, small: 3, big: 4 });
    assert.equal(handsUntilBigBlind(t, 5), 1);
    assert.equal(worstEmptySeat(t), 5);
  });

  it('when no seat lies before the next big blind then the worst seat is the one the big blind reaches first', () => {
    const t = tableOf(1, without(full('p', 9), 1, 7), { button: 2, small: 3, big: 4 });
    assert.equal(handsUntilBigBlind(t, 7), 3);
    assert.equal(worstEmptySeat(t), 7);
  });

  it('when the last big blind\'s seat is empty then it is the small blind, and another free seat is worse', () => {
    const t = tableOf(1, without(full('p', 9), 4, 0), { button: 2, small: 3, big: 4 });
    assert.ok(handsUntilBigBlind(t, 4) > handsUntilBigBlind(t, 0));
    assert.equal(worstEmptySeat(t), 0);
    assert.equal(worstEmptySeat(tableOf(1, without(full('p', 9), 4), { button: 2, small: 3, big: 4 })), 4);
  });

  it('when two seats lie before the next big blind then the first one clockwise is the worst', () => {
    const t = tableOf(1, without(full('p', 9), 5, 6), { button: 2, small: 3, big: 4 });
    assert.equal(worstEmptySeat(t), 5);
  });

  it('when a table is full then there is no worst seat', () => {
    assert.equal(worstEmptySeat(tableOf(1, full('p', 6), { button: 0, small: 1, big: 2 })), -1);
  });

  it('when a seat lies between the next button and small blind then a player put there waits a hand; elsewhere, blinds and button included, they play at once', () => {
    // The big blind (seat 6) passed an empty seat 5: next hand the button is on 4 and the small blind on 6.
    const t = tableOf(1, without(full('p', 9), 5, 1), { button: 3, small: 4, big: 6 });
    assert.equal(dealtInAtOnce(t, 5), false);
    assert.equal(dealtInAtOnce(t, 1), true);
    const noGap = tableOf(1, without(full('p', 9), 3), { button: 2, small: 3, big: 4 });
    assert.equal(dealtInAtOnce(noGap, 3), true, 'the next button seat');
  });

  it('when a table has dealt no hand, or plays stud, then a new player is always dealt in', () => {
    assert.equal(dealtInAtOnce(tableOf(1, [null, 'a', 'b']), 0), true);
    const t = tableOf(1, without(full('p', 9), 5), { button: 3, small: 4, big: 6 });
    assert.equal(dealtInAtOnce(t, 5, SeatingMode.position), true);
  });

  it('when stud seats a player then the seat that opened last is filled', () => {
    const t = { ...tableOf(1, without(full('p', 8), 2, 6)), vacated: [6, 2] };
    assert.equal(worstEmptySeat(t, SeatingMode.position), 2);
    assert.equal(worstEmptySeat({ ...t, vacated: [] }, SeatingMode.position), 2);
    assert.equal(worstEmptySeat({ ...t, vacated: [2, 6] }, SeatingMode.position), 6);
  });

  it('when the variant is stud then seats are chosen by position, otherwise by the big blind', () => {
    assert.equal(seatingModeOf('F7S'), SeatingMode.position);
    assert.equal(seatingModeOf('FR'), SeatingMode.position);
    assert.equal(seatingModeOf('NT'), SeatingMode.bigBlind);
    assert.equal(seatingModeOf('F2L3D'), SeatingMode.bigBlind);
  });

  it('when asked about a seat that is taken then it is refused', () => {
    const t = tableOf(1, full('p', 6), { button: 0, small: 1, big: 2 });
    assert.throws(() => handsUntilBigBlind(t, 2), refused('bad_seat'));
    assert.throws(() => dealtInAtOnce(t, 9), refused('bad_seat'));
  });
});
