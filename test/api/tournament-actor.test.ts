import assert from 'node:assert/strict';
import { refusalProblem } from '../../src/api/tournament-actor.ts';
import { IllegalActionError } from '../../src/engine/errors.ts';
import { PersistenceError } from '../../src/persistence/types.ts';
import { answerRefusals, isRefusal, refusal, refusalCode } from '../../src/tournaments/tournament-host.ts';

describe('api: tournament actor answers', () => {
  it('when a command throws a rule\'s or a repository\'s coded error then it is answered as a refusal with that code and sentence', async () => {
    const rule = await answerRefusals(() => { throw new IllegalActionError('tournament_full', 'The tournament is full (6 entries).'); });
    const money = await answerRefusals(async () => { throw new PersistenceError('insufficient_funds', 'Account player/p holds 5 chips.'); });
    const done = await answerRefusals(async () => ({ tournamentId: 't', playerId: 'p' }));

    assert.deepEqual(rule, refusal('tournament_full', 'The tournament is full (6 entries).'));
    assert.deepEqual(money, { refused: { code: 'insufficient_funds', message: 'Account player/p holds 5 chips.' } });
    assert.deepEqual([isRefusal(rule), isRefusal(done), isRefusal(null), isRefusal({ refused: 'x' })], [true, false, false, false]);
  });

  it('when a command fails for a reason that is no rule then the error is thrown on, not answered', async () => {
    const sqlState = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    const transport = Object.assign(new Error('remote room timed out'), { code: 4212 });

    await assert.rejects(answerRefusals(async () => { throw sqlState; }), (error: unknown) => error === sqlState);
    await assert.rejects(answerRefusals(async () => { throw new TypeError('x is undefined'); }), TypeError);
    assert.deepEqual([refusalCode(sqlState), refusalCode(transport), refusalCode({ code: 'not_registered' })], [null, null, 'not_registered']);
  });

  it('when a refusal is answered over HTTP then input the rules call malformed is a 422 and any other refusal a 409, under its code', () => {
    const conflict = refusalProblem('registration_closed', 'Registration is closed: the tournament is running.');
    const malformed = refusalProblem('bad_payouts', 'Payouts: list at least one percentage.');

    assert.deepEqual([conflict.status, conflict.code, conflict.message], [409, 'registration_closed', 'Registration is closed: the tournament is running.']);
    assert.deepEqual([malformed.status, malformed.code], [422, 'bad_payouts']);
    assert.equal(refusalProblem('invalid_count', 'x').status, 422);
  });
});
