import assert from 'node:assert/strict';
import { canPause, verifyCancel, verifyPause, verifyResume, verifyStart } from '../../../src/tournaments/rules/lifecycle.ts';
import { mtt, refused } from './helpers.ts';

const def = mtt({ minEntrants: 10 });

describe('lifecycle', () => {
  it('when a registering tournament has its minimum then the operator may start it early', () => {
    assert.doesNotThrow(() => verifyStart(def, { status: 'registering', entries: 10, paused: false }));
  });

  it('when the tournament is short of entrants, running, finished or cancelled then a start is refused', () => {
    assert.throws(() => verifyStart(def, { status: 'registering', entries: 9, paused: false }), refused('not_enough_entrants'));
    assert.throws(() => verifyStart(def, { status: 'running', entries: 10, paused: false }), refused('already_running'));
    assert.throws(() => verifyStart(def, { status: 'finished', entries: 10, paused: false }), refused('tournament_finished'));
    assert.throws(() => verifyStart(def, { status: 'cancelled', entries: 10, paused: false }), refused('tournament_cancelled'));
  });

  it('when running then it may be paused once and resumed once', () => {
    assert.equal(canPause({ status: 'running', entries: 10, paused: false }), true);
    assert.throws(() => verifyPause({ status: 'running', entries: 10, paused: true }), refused('already_paused'));
    assert.doesNotThrow(() => verifyResume({ status: 'running', entries: 10, paused: true }));
    assert.throws(() => verifyResume({ status: 'running', entries: 10, paused: false }), refused('not_paused'));
    assert.throws(() => verifyPause({ status: 'registering', entries: 10, paused: false }), refused('tournament_not_running'));
  });

  it('when finished or cancelled then a cancellation is refused, and otherwise allowed', () => {
    assert.throws(() => verifyCancel({ status: 'finished', entries: 10, paused: false }), refused('tournament_finished'));
    assert.throws(() => verifyCancel({ status: 'cancelled', entries: 10, paused: false }), refused('tournament_cancelled'));
    assert.doesNotThrow(() => verifyCancel({ status: 'running', entries: 10, paused: true }));
    assert.doesNotThrow(() => verifyCancel({ status: 'registering', entries: 0, paused: false }));
  });
});
