import assert from 'node:assert/strict';
import { CodedError } from '../src/coded-error.ts';
import { IllegalActionError } from '../src/engine/errors.ts';
import { PersistenceError } from '../src/persistence/types.ts';
import { Rejection } from '../rooms/rejection.ts';

describe('coded errors', () => {
  it('when a layer throws its own error then it carries its code, its sentence and its class name, and is a CodedError', () => {
    for (const [error, name] of [
      [new IllegalActionError('not_your_turn', 'It is not your turn.'), 'IllegalActionError'],
      [new PersistenceError('lease_lost', 'Another process holds the lease.'), 'PersistenceError'],
      [new Rejection('insufficient_funds', 'Your wallet does not hold that many chips.'), 'Rejection'],
    ] as const) {
      assert.ok(error instanceof CodedError);
      assert.equal(error.name, name);
      assert.match(error.code, /^[a-z_]+$/);
      assert.ok(error.message.endsWith('.'));
    }
  });

  it('when an error wraps a cause then the cause is kept', () => {
    const cause = new Error('socket closed');
    assert.equal(new PersistenceError('db_down', 'The database does not answer.', { cause }).cause, cause);
  });
});
