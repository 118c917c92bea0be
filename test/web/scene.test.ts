import assert from 'node:assert/strict';
import { nextScene } from '../../web/src/shared/scene.ts';
import { seat, table } from './views.ts';

describe('web: the table page between patches (nextScene)', () => {
  const seats = [seat(0, 'Ann'), seat(1, 'Bob')];

  it('when a turn starts then its clock runs from now to the deadline, not on the time bank', () => {
    const scene = nextScene(null, table({ toAct: 1, actionDeadline: 30_000, seats }), 10_000);
    assert.deepEqual(scene.clock, { seat: 1, deadline: 30_000, startedAt: 10_000, timeBank: false });
  });

  it('when the same turn gets a later deadline then the time bank is running, from the old deadline on', () => {
    const first = nextScene(null, table({ toAct: 1, actionDeadline: 30_000, seats }), 10_000);
    const banked = nextScene(first, table({ toAct: 1, actionDeadline: 60_000, seats }), 30_050);
    assert.deepEqual(banked.clock, { seat: 1, deadline: 60_000, startedAt: 30_000, timeBank: true });
  });

  it('when the turn passes then the next player gets a fresh clock', () => {
    const first = nextScene(null, table({ toAct: 1, actionDeadline: 30_000, seats }), 10_000);
    const next = nextScene(first, table({ toAct: 0, actionDeadline: 45_000, seats }), 25_000);
    assert.deepEqual(next.clock, { seat: 0, deadline: 45_000, startedAt: 25_000, timeBank: false });
  });

  it('when the hand ends then the players who were still in keep their cards on the felt and the winners stay until the next deal', () => {
    const live = nextScene(null, table({ toAct: 1, pots: [{ amount: 20, eligible: [0, 1] }], seats: [seat(0, 'Ann', { stack: 90 }), seat(1, 'Bob', { stack: 90 })] }), 0);
    const over = nextScene(live, table({ toAct: -1, phase: 'showdown', pots: [], seats: [seat(0, 'Ann', { stack: 110 }), seat(1, 'Bob', { stack: 90 })] }), 1);
    assert.deepEqual([...over.contenders].sort(), [0, 1]);
    assert.deepEqual(over.winners, [{ seat: 0, name: 'Ann', amount: 20 }]);
    const still = nextScene(over, over.view, 2);
    assert.deepEqual(still.winners, over.winners);
    const dealt = nextScene(still, table({ handNumber: 2, seats }), 3);
    assert.equal(dealt.winners, null);
    assert.equal(dealt.log[0].text, 'Hand #2');
  });
});
