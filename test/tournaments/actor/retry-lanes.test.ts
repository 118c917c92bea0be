import assert from 'node:assert/strict';
import { RetryLanes } from '../../../src/tournaments/actor/retry-lanes.ts';

describe('tournaments: retry lanes', () => {
  const quiet = () => new RetryLanes({ firstMs: 1, maxMs: 4, onFailure: () => {} });

  it('when a step fails then it is tried again until it succeeds, and the steps after it on its lane wait for it', async () => {
    const lanes = quiet();
    const done: string[] = [];
    let tries = 0;
    lanes.push('t1', 'open', async () => {
      if (++tries < 4) throw new Error('down');
      done.push('open');
    });
    lanes.push('t1', 'seat', async () => void done.push('seat'));

    await lanes.idle();

    assert.equal(tries, 4);
    assert.deepEqual(done, ['open', 'seat']);
    assert.equal(lanes.size, 0);
  });

  it('when one lane is stuck then another lane goes on', async () => {
    const lanes = quiet();
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => { release = resolve; });
    const done: string[] = [];
    lanes.push('t1', 'deal', () => stuck.then(() => void done.push('t1')));
    lanes.push('money', 'pay', async () => void done.push('money'));

    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(done, ['money']);
    release();
    await lanes.idle();
    assert.deepEqual(done, ['money', 't1']);
  });

  it('when the lanes are stopped then a failing step is given up and nothing new is queued', async () => {
    const failures: number[] = [];
    const lanes = new RetryLanes({ firstMs: 5, maxMs: 5, onFailure: (_lane, _what, _error, attempt) => failures.push(attempt) });
    lanes.push('t1', 'deal', async () => {
      throw new Error('down');
    });
    await new Promise((resolve) => setTimeout(resolve, 12));
    lanes.stop();
    await lanes.idle();
    const ran: string[] = [];
    lanes.push('t1', 'late', async () => void ran.push('late'));

    assert.ok(failures.length >= 1);
    assert.deepEqual(ran, []);
    assert.equal(lanes.size, 0);
  });
});
