import assert from 'node:assert/strict';
import { TokenBucket } from '../../src/transport/token-bucket.ts';

/** How many of `count` takes at time `now` the bucket allows. */
function takes(bucket: TokenBucket, count: number, now: number): number {
  let allowed = 0;
  for (let i = 0; i < count; i++) if (bucket.take(now)) allowed++;
  return allowed;
}

describe('transport: token bucket', () => {
  it('when a full bucket is asked all at once then it allows exactly its burst', () => {
    const bucket = new TokenBucket({ rate: 10, burst: 5 }, 0);

    assert.equal(takes(bucket, 8, 0), 5);
  });

  it('when time passes then it refills at its rate, never above its burst', () => {
    const bucket = new TokenBucket({ rate: 10, burst: 5 }, 0);
    takes(bucket, 5, 0);

    assert.equal(takes(bucket, 10, 300), 3, '300 ms at 10 a second');
    assert.equal(takes(bucket, 10, 60_300), 5, 'a minute later it holds its burst, not 600');
  });

  it('when it is charged past empty then it runs into debt, and the debt is paid back by time before anything is allowed', () => {
    const bucket = new TokenBucket({ rate: 10, burst: 2 }, 0);

    assert.deepEqual([1, 2, 3, 4].map(() => bucket.charge(0)), [1, 0, -1, -2]);
    assert.equal(bucket.take(200), false, 'after 200 ms it is back at 0, with no whole token');
    assert.equal(bucket.take(300), true);
  });

  it('when the clock steps back then nothing is refilled', () => {
    const bucket = new TokenBucket({ rate: 10, burst: 1 }, 1_000);
    bucket.take(1_000);

    assert.equal(bucket.take(500), false);
    assert.equal(bucket.take(1_050), false, 'the step back did not move the refill start');
    assert.equal(bucket.take(1_100), true);
  });
});
