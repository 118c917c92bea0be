import assert from 'node:assert/strict';
import { MessageBudget, type BudgetVerdict } from '../../rooms/message-budget.ts';

/** The verdicts on `count` messages of one client, all at time `now`. */
function send(budget: MessageBudget, client: object, count: number, now = 0): BudgetVerdict[] {
  return Array.from({ length: count }, () => budget.admit(client, now));
}

function tally(verdicts: BudgetVerdict[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const verdict of verdicts) counts[verdict] = (counts[verdict] ?? 0) + 1;
  return counts;
}

describe('rooms: message budget', () => {
  it('when a client sends its burst at once then every message passes', () => {
    const budget = new MessageBudget({ rate: 10, burst: 20 });

    assert.deepEqual(tally(send(budget, {}, 20)), { pass: 20 });
  });

  it('when a client keeps sending past its burst then the first excess is a warning, the rest are dropped, and it is cut at twice the burst over', () => {
    const budget = new MessageBudget({ rate: 10, burst: 20 });
    const verdicts = send(budget, {}, 100);

    assert.deepEqual(verdicts.slice(0, 21), [...Array(20).fill('pass'), 'warn']);
    assert.equal(verdicts.indexOf('cut'), 20 + 2 * 20 - 1, 'the 40th message over the budget cuts it');
    assert.deepEqual(tally(verdicts), { pass: 20, warn: 1, drop: 100 - 22, cut: 1 });
  });

  it('when a client over its budget slows down then it is let through again once it has paid its debt, and warned afresh next time', () => {
    const budget = new MessageBudget({ rate: 10, burst: 5 });
    const client = {};
    send(budget, client, 8, 0);

    assert.equal(budget.admit(client, 300), 'drop', 'at 300 ms its debt of 3 is paid, but the message takes the token it needs');
    assert.equal(budget.admit(client, 500), 'pass');
    assert.deepEqual(send(budget, client, 2, 500), ['warn', 'drop']);
  });

  it('when one client floods then another client of the same room keeps its whole budget', () => {
    const budget = new MessageBudget({ rate: 10, burst: 3 });
    send(budget, {}, 50);

    assert.deepEqual(send(budget, {}, 3), ['pass', 'pass', 'pass']);
  });

  it('when a client sends at its rate then none of its messages is ever dropped', () => {
    const budget = new MessageBudget({ rate: 10, burst: 2 });
    const client = {};
    const verdicts = Array.from({ length: 200 }, (_, i) => budget.admit(client, i * 100));

    assert.deepEqual(tally(verdicts), { pass: 200 });
  });
});
