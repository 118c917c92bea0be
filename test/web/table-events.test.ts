import assert from 'node:assert/strict';
import { describeChange } from '../../web/src/shared/table-events.ts';
import { seat, table } from './views.ts';

describe('web: what just happened at a table (describeChange)', () => {
  it('when the seat to act raises then the log says who raised to how much', () => {
    const before = table({ toAct: 1, seats: [seat(0, 'Ann', { bet: 2, stack: 98 }), seat(1, 'Bob', { stack: 100 })] });
    const after = table({ toAct: 0, seats: [seat(0, 'Ann', { bet: 2, stack: 98 }), seat(1, 'Bob', { bet: 6, stack: 94, lastAction: 'raise' })] });
    const change = describeChange(before, after);
    assert.deepEqual(change.lines, [{ kind: 'action', text: 'Bob raises to 6' }]);
    assert.deepEqual(change.flights, []);
    assert.equal(change.winners, null);
  });

  it('when a call closes the street then the call is logged, the flop is named and the bets fly to the pot', () => {
    const before = table({ toAct: 0, seats: [seat(0, 'Ann', { bet: 2, stack: 98 }), seat(1, 'Bob', { bet: 6, stack: 94, lastAction: 'raise' })] });
    const after = table({
      toAct: 1, phase: 'flop', board: ['As', 'Kd', '7c'], pots: [{ amount: 12, eligible: [0, 1] }],
      seats: [seat(0, 'Ann', { stack: 94, lastAction: 'call' }), seat(1, 'Bob', { stack: 94, lastAction: 'raise' })],
    });
    const change = describeChange(before, after);
    assert.deepEqual(change.lines.map((line) => line.text), ['Ann calls 4', 'Flop: Ace of spades, King of diamonds, Seven of clubs']);
    assert.deepEqual(change.flights, [{ kind: 'toPot', seat: 0, amount: 2 }, { kind: 'toPot', seat: 1, amount: 6 }]);
  });

  it('when the hand ends then whoever took chips from the pot is the winner, and the chips fly to them', () => {
    const before = table({ toAct: 1, phase: 'river', pots: [{ amount: 40, eligible: [0, 1] }], seats: [seat(0, 'Ann', { stack: 80, bet: 10 }), seat(1, 'Bob', { stack: 90 })] });
    const after = table({ toAct: -1, phase: 'showdown', pots: [], seats: [seat(0, 'Ann', { stack: 120 }), seat(1, 'Bob', { stack: 90, lastAction: 'fold' })] });
    const change = describeChange(before, after);
    assert.deepEqual(change.winners, [{ seat: 0, name: 'Ann', amount: 40 }]);
    assert.ok(change.flights.some((flight) => flight.kind === 'toSeat' && flight.seat === 0 && flight.amount === 40));
    assert.ok(change.lines.some((line) => line.kind === 'win' && line.text === 'Ann wins 40'));
    assert.ok(change.lines.some((line) => line.text === 'Bob folds'));
  });

  it('when a new hand is dealt then it is logged, and no winner is carried over', () => {
    const before = table({ handNumber: 4, phase: 'showdown', pots: [], seats: [seat(0, 'Ann'), seat(1, 'Bob')] });
    const after = table({ handNumber: 5, phase: 'preflop', seats: [seat(0, 'Ann', { bet: 1, stack: 99 }), seat(1, 'Bob', { bet: 2, stack: 98 })] });
    const change = describeChange(before, after);
    assert.deepEqual(change.lines, [{ kind: 'hand', text: 'Hand #5' }]);
    assert.equal(change.winners, null);
  });

  it('when hole cards are shown then the log names them once, not on every later patch', () => {
    const shown = seat(1, 'Bob', { shownCards: ['Ah', 'Qh'] });
    const before = table({ phase: 'showdown', seats: [seat(0, 'Ann'), seat(1, 'Bob')] });
    const first = table({ phase: 'showdown', seats: [seat(0, 'Ann'), shown] });
    assert.deepEqual(describeChange(before, first).lines, [{ kind: 'show', text: 'Bob shows Ace of hearts, Queen of hearts' }]);
    assert.deepEqual(describeChange(first, table({ phase: 'showdown', seats: [seat(0, 'Ann'), shown] })).lines, []);
  });
});
