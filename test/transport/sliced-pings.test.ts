import assert from 'node:assert/strict';
import { SlicedPings, type PingedSocket } from '../../src/transport/spread-ping-transport.ts';

/** A socket that records pings and whether it was cut off; `answers` zeroes its count on each ping, as a pong would. */
function socket(answers = true): PingedSocket & { pings: number; terminated: boolean } {
  return {
    pingCount: 0, pings: 0, terminated: false,
    ping() {
      this.pings++;
      if (answers) this.pingCount = 0;
    },
    terminate() {
      this.terminated = true;
    },
  };
}

describe('transport: keep-alive pings in slices', () => {
  it('when a round of slices has ticked then every client was pinged exactly once, a slice at a time', () => {
    const clients = Array.from({ length: 10 }, () => socket());
    const rounds = new SlicedPings(5, 2);
    const perTick: number[] = [];
    for (let tick = 0; tick < 5; tick++) {
      const before = clients.reduce((sum, c) => sum + c.pings, 0);
      rounds.tick(clients);
      perTick.push(clients.reduce((sum, c) => sum + c.pings, 0) - before);
    }
    assert.deepEqual(perTick, [2, 2, 2, 2, 2]);
    assert.deepEqual(clients.map((c) => c.pings), Array(10).fill(1));
  });

  it('when a client misses as many pongs as retries allow then its next turn cuts it off, and answering clients stay', () => {
    const silent = socket(false);
    const answering = socket();
    const rounds = new SlicedPings(2, 2);
    // Dealt one slice each (silent 0, answering 1). Four ticks: two turns each.
    for (let tick = 0; tick < 4; tick++) rounds.tick([silent, answering]);
    assert.equal(silent.pings, 2);
    assert.equal(silent.terminated, false, 'two missed pongs: not yet');
    rounds.tick([silent, answering]);
    assert.equal(silent.terminated, true);
    assert.equal(silent.pings, 2, 'cut off, not pinged again');
    rounds.tick([silent, answering]);
    assert.equal(answering.terminated, false);
    assert.equal(answering.pings, 3);
  });

  it('when clients join between ticks then each keeps the slice it was dealt', () => {
    const rounds = new SlicedPings(3, 2);
    const first = socket();
    rounds.tick([first]); // slice 0: first is dealt 0 and pinged
    const second = socket();
    rounds.tick([first, second]); // slice 1: second is dealt 1 and pinged
    rounds.tick([first, second]); // slice 2: nobody
    assert.deepEqual([first.pings, second.pings], [1, 1]);
    rounds.tick([first, second]); // slice 0 again
    assert.deepEqual([first.pings, second.pings], [2, 1]);
  });
});
