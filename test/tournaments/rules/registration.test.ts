import assert from 'node:assert/strict';
import {
  canRebuy,
  canRegister,
  isReEntry,
  registrationOpen,
  scheduledStart,
  sitAndGoReady,
  verifyAddOn,
  verifyRebuy,
  verifyRegister,
  verifyUnregister,
  type PlayerEntry,
  type RegistrationState,
} from '../../../src/tournaments/rules/registration.ts';
import { mtt, refused, sng } from './helpers.ts';

const player = (playerId: string, overrides: Partial<PlayerEntry> = {}): PlayerEntry => ({
  playerId,
  entries: 1,
  rebuys: 0,
  addOn: false,
  stack: 10_000,
  out: false,
  ...overrides,
});

const registering = (players: PlayerEntry[] = []): RegistrationState => ({
  status: 'registering',
  entries: players.reduce((n, p) => n + p.entries, 0),
  players,
});

const running = (level: number, players: PlayerEntry[] = [], clock: { onBreak?: boolean; breakNumber?: number } = {}): RegistrationState => ({
  status: 'running',
  entries: players.reduce((n, p) => n + p.entries, 0),
  players,
  clock: { level, onBreak: clock.onBreak ?? false, breakNumber: clock.breakNumber ?? 0 },
});

describe('registering', () => {
  it('when a tournament is registering and has room then a new player may register', () => {
    assert.doesNotThrow(() => verifyRegister(mtt(), registering([player('a')]), 'b'));
  });

  it('when the player is registered already then the second registration is refused', () => {
    assert.throws(() => verifyRegister(mtt(), registering([player('a')]), 'a'), refused('already_registered'));
  });

  it('when the field is full then registration is refused', () => {
    const def = sng({ maxEntrants: 2, minEntrants: 2 });
    assert.throws(() => verifyRegister(def, registering([player('a'), player('b')]), 'c'), refused('tournament_full'));
  });

  it('when the tournament is finished or cancelled then registration is closed', () => {
    assert.throws(() => verifyRegister(mtt(), { ...registering(), status: 'finished' }, 'a'), refused('registration_closed'));
    assert.throws(() => verifyRegister(mtt(), { ...registering(), status: 'cancelled' }, 'a'), refused('registration_closed'));
  });

  it('when a sit-and-go has started then registration is closed', () => {
    assert.throws(() => verifyRegister(sng(), running(1, [player('a')]), 'b'), refused('registration_closed'));
  });

  it('when late registration runs to level 2 then a player may register in level 2 and on the break after it, not in level 3', () => {
    const def = mtt({ lateRegistrationLevels: 2, breakEvery: 2, breakSeconds: 300 });
    assert.equal(canRegister(def, running(2, [player('a')]), 'b'), true);
    assert.equal(canRegister(def, running(2, [player('a')], { onBreak: true, breakNumber: 1 }), 'b'), true);
    assert.throws(() => verifyRegister(def, running(3, [player('a')]), 'b'), refused('registration_closed'));
  });

  it('when a tournament without late registration has started then registration is closed', () => {
    assert.equal(registrationOpen(mtt(), running(1)), false);
    assert.throws(() => verifyRegister(mtt(), running(1), 'b'), refused('registration_closed'));
  });

  it('when a player who is out registers during late registration then it is a re-entry, up to the limit', () => {
    const def = mtt({ lateRegistrationLevels: 3, reEntries: 1 });
    const once = running(2, [player('a', { out: true, stack: 0 })]);
    assert.doesNotThrow(() => verifyRegister(def, once, 'a'));
    assert.equal(isReEntry(once, 'a'), true);
    const twice = running(2, [player('a', { out: true, stack: 0, entries: 2 })]);
    assert.throws(() => verifyRegister(def, twice, 'a'), refused('re_entry_not_allowed'));
  });

  it('when a player who is out registers again in a tournament without re-entry then it is refused', () => {
    const def = mtt({ lateRegistrationLevels: 3 });
    assert.throws(() => verifyRegister(def, running(1, [player('a', { out: true })]), 'a'), refused('re_entry_not_allowed'));
  });
});

describe('unregistering', () => {
  it('when registered before the start then the player may unregister', () => {
    assert.doesNotThrow(() => verifyUnregister(registering([player('a')]), 'a'));
  });

  it('when not registered then unregistering is refused', () => {
    assert.throws(() => verifyUnregister(registering([player('a')]), 'b'), refused('not_registered'));
  });

  it('when the tournament has started then unregistering is refused', () => {
    assert.throws(() => verifyUnregister(running(1, [player('a')]), 'a'), refused('registration_closed'));
  });
});

describe('rebuys', () => {
  const rebuy = { maxCount: 2, stackAtOrBelow: 5000, chips: 10_000, price: 100, untilLevel: 2 };

  it('when a player still in is at or below the limit in the rebuy period then they may rebuy', () => {
    assert.equal(canRebuy(mtt({ rebuy }), running(1, [player('a', { stack: 5000 })]), 'a'), true);
    assert.equal(canRebuy(mtt({ rebuy }), running(2, [player('a', { stack: 0 })]), 'a'), true);
  });

  it('when the tournament has no rebuys then a rebuy is refused', () => {
    assert.throws(() => verifyRebuy(mtt(), running(1, [player('a', { stack: 100 })]), 'a'), refused('rebuy_not_allowed'));
  });

  it('when the stack is above the limit then a rebuy is refused', () => {
    assert.throws(() => verifyRebuy(mtt({ rebuy }), running(1, [player('a', { stack: 5001 })]), 'a'), refused('stack_too_large'));
  });

  it('when the player has used every rebuy then another is refused', () => {
    assert.throws(
      () => verifyRebuy(mtt({ rebuy }), running(1, [player('a', { stack: 0, rebuys: 2 })]), 'a'),
      refused('rebuy_limit_reached'),
    );
  });

  it('when the rebuy period is over then a rebuy is refused', () => {
    assert.throws(() => verifyRebuy(mtt({ rebuy }), running(3, [player('a', { stack: 0 })]), 'a'), refused('rebuy_period_over'));
  });

  it('when no rebuy end is set then rebuys end with late registration', () => {
    const def = mtt({ rebuy: { ...rebuy, untilLevel: undefined }, lateRegistrationLevels: 1 });
    assert.equal(canRebuy(def, running(1, [player('a', { stack: 0 })]), 'a'), true);
    assert.throws(() => verifyRebuy(def, running(2, [player('a', { stack: 0 })]), 'a'), refused('rebuy_period_over'));
  });

  it('when the player is out, unknown, or the tournament not running then a rebuy is refused', () => {
    assert.throws(() => verifyRebuy(mtt({ rebuy }), running(1, [player('a', { out: true, stack: 0 })]), 'a'), refused('player_eliminated'));
    assert.throws(() => verifyRebuy(mtt({ rebuy }), running(1, []), 'a'), refused('not_registered'));
    assert.throws(() => verifyRebuy(mtt({ rebuy }), registering([player('a')]), 'a'), refused('tournament_not_running'));
  });
});

describe('add-ons', () => {
  const def = mtt({ addOn: { atBreak: 1, chips: 20_000, price: 50 }, breakEvery: 2, breakSeconds: 300 });

  it('when it is the add-on break then a player still in may take it once', () => {
    const state = running(2, [player('a')], { onBreak: true, breakNumber: 1 });
    assert.doesNotThrow(() => verifyAddOn(def, state, 'a'));
    const taken = running(2, [player('a', { addOn: true })], { onBreak: true, breakNumber: 1 });
    assert.throws(() => verifyAddOn(def, taken, 'a'), refused('addon_already_taken'));
  });

  it('when it is not the add-on break then the add-on is refused', () => {
    assert.throws(() => verifyAddOn(def, running(2, [player('a')]), 'a'), refused('addon_not_available'));
    assert.throws(() => verifyAddOn(def, running(3, [player('a')], { onBreak: true, breakNumber: 2 }), 'a'), refused('addon_not_available'));
  });

  it('when the tournament has no add-on then it is refused', () => {
    assert.throws(() => verifyAddOn(mtt(), running(2, [player('a')], { onBreak: true, breakNumber: 1 }), 'a'), refused('addon_not_allowed'));
  });
});

describe('starting', () => {
  it('when a sit-and-go reaches its maximum then it starts, and not one player before', () => {
    const def = sng({ minEntrants: 3, maxEntrants: 3 });
    assert.equal(sitAndGoReady(def, registering([player('a'), player('b')])), false);
    assert.equal(sitAndGoReady(def, registering([player('a'), player('b'), player('c')])), true);
    assert.equal(sitAndGoReady(mtt(), registering(Array.from({ length: 500 }, (_, i) => player(`p${i}`)))), false);
  });

  it('when a scheduled tournament reaches its start time then it starts with enough entrants and is cancelled without', () => {
    const def = mtt({ minEntrants: 2, startsAt: 5000 });
    assert.equal(scheduledStart(def, registering([player('a'), player('b')]), 4999), 'wait');
    assert.equal(scheduledStart(def, registering([player('a'), player('b')]), 5000), 'start');
    assert.equal(scheduledStart(def, registering([player('a')]), 5000), 'cancel');
    assert.equal(scheduledStart(def, running(1, [player('a'), player('b')]), 9000), 'wait');
  });
});
