import assert from 'node:assert/strict';
import { Scheduler } from '../../loadtest/scheduler.ts';

function settled(count: () => number, expected: number): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => void (count() >= expected ? resolve() : setTimeout(check, 5));
    check();
  });
}

describe('loadtest scheduler', () => {
  it('when tasks are scheduled out of order then they run in order of their due times', async () => {
    const scheduler = new Scheduler();
    const ran: string[] = [];
    scheduler.after(30, () => ran.push('c'));
    scheduler.after(10, () => ran.push('a'));
    scheduler.after(0, () => ran.push('now'));
    scheduler.after(20, () => ran.push('b'));
    scheduler.after(20, () => ran.push('b2'));
    await settled(() => ran.length, 5);
    assert.deepEqual(ran, ['now', 'a', 'b', 'b2', 'c']);
  });

  it('when one task throws then the others still run', async () => {
    const scheduler = new Scheduler();
    const ran: number[] = [];
    const error = console.error;
    console.error = () => undefined;
    try {
      scheduler.after(5, () => {
        throw new Error('boom');
      });
      scheduler.after(5, () => ran.push(1));
      scheduler.after(10, () => ran.push(2));
      await settled(() => ran.length, 2);
    } finally {
      console.error = error;
    }
    assert.deepEqual(ran, [1, 2]);
  });

  it('when stopped then nothing pending runs', async () => {
    const scheduler = new Scheduler();
    const ran: number[] = [];
    scheduler.after(5, () => ran.push(1));
    scheduler.after(0, () => ran.push(0));
    scheduler.stop();
    scheduler.after(1, () => ran.push(2));
    const witness = new Scheduler();
    let done = 0;
    witness.after(30, () => done++);
    await settled(() => done, 1);
    assert.deepEqual(ran, []);
  });
});
