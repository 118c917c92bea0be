import assert from 'node:assert/strict';
import {
  canSeatPlayer,
  canSetWillPost,
  canStandUp,
  createTable,
  seatPlayer,
  setSittingOut,
  setWillPost,
  standUp,
} from '../../../src/engine/table/seating.ts';
import { newcomer, table } from './helpers.ts';

const refused = (code: string) => ({ name: 'IllegalActionError', code });

describe('table seating', () => {
  it('when a table is created then every seat is empty and no position is set', () => {
    const t = createTable(6);
    assert.deepEqual(t, { maxSeats: 6, seats: [null, null, null, null, null, null], button: -1, smallBlindSeat: -1, bigBlindSeat: -1, handsPlayed: 0 });
    assert.deepEqual(JSON.parse(JSON.stringify(t)), t, 'a table is plain JSON-safe data');
  });

  it('when a table is asked for with too few, too many or fractional seats then it is refused', () => {
    for (const size of [1, 11, 2.5, Number.NaN]) assert.throws(() => createTable(size), refused('bad_table'));
  });

  it('when a player sits down then they are new, in play and not posting, and the old table is unchanged', () => {
    const before = createTable(6);
    const after = seatPlayer(before, 3, 'ann', 200);
    assert.deepEqual(after.seats[3], {
      playerId: 'ann', stack: 200, sittingOut: false, missedSmallBlind: false, missedBigBlind: false, isNew: true, willPost: false,
    });
    assert.equal(before.seats[3], null);
  });

  it('when a player asks for a seat that does not exist then it is refused with bad_seat', () => {
    const t = createTable(6);
    for (const seat of [-1, 6, 1.5]) {
      assert.throws(() => seatPlayer(t, seat, 'ann', 100), refused('bad_seat'));
      assert.equal(canSeatPlayer(t, seat, 'ann', 100), false);
    }
  });

  it('when a player asks for a taken seat or is already seated then it is refused', () => {
    const t = seatPlayer(createTable(6), 2, 'ann', 100);
    assert.throws(() => seatPlayer(t, 2, 'bob', 100), refused('seat_taken'));
    assert.throws(() => seatPlayer(t, 4, 'ann', 100), refused('already_seated'));
    assert.equal(canSeatPlayer(t, 4, 'bob', 100), true);
  });

  it('when a player sits down without chips or without an id then it is refused', () => {
    const t = createTable(6);
    for (const stack of [0, -5, 1.5]) assert.throws(() => seatPlayer(t, 0, 'ann', stack), refused('bad_stack'));
    assert.throws(() => seatPlayer(t, 0, '', 100), refused('bad_player'));
  });

  it('when a player stands up then the seat is empty and the button and blinds stay where they were', () => {
    const t = table(['ann', 'bob', 'cat'], { button: 0, small: 1, big: 2 });
    const after = standUp(t, 2);
    assert.equal(after.seats[2], null);
    assert.deepEqual([after.button, after.smallBlindSeat, after.bigBlindSeat], [0, 1, 2]);
  });

  it('when an empty or missing seat stands up then it is refused', () => {
    const t = table(['ann', null, 'cat']);
    assert.throws(() => standUp(t, 1), refused('seat_empty'));
    assert.throws(() => standUp(t, 3), refused('bad_seat'));
    assert.equal(canStandUp(t, 1), false);
  });

  it('when a player sits out and comes back then only the flag changes', () => {
    const t = table(['ann', 'bob', 'cat']);
    const away = setSittingOut(t, 1, true);
    assert.equal(away.seats[1]?.sittingOut, true);
    assert.deepEqual(setSittingOut(away, 1, false), t);
  });

  it('when an empty seat sits out then it is refused', () => {
    assert.throws(() => setSittingOut(table(['ann', null, 'cat']), 1, true), refused('seat_empty'));
  });

  it('when a new player chooses to post then the choice is recorded and can be taken back', () => {
    const t = table(['ann', newcomer('bob'), 'cat']);
    const posting = setWillPost(t, 1, true);
    assert.equal(posting.seats[1]?.willPost, true);
    assert.equal(setWillPost(posting, 1, false).seats[1]?.willPost, false);
  });

  it('when a player who owes nothing chooses to post then it is refused with nothing_owed', () => {
    const t = table(['ann', 'bob', 'cat']);
    assert.throws(() => setWillPost(t, 1, true), refused('nothing_owed'));
    assert.equal(canSetWillPost(t, 1, true), false);
    assert.equal(setWillPost(t, 1, false).seats[1]?.willPost, false);
  });
});
