import assert from 'node:assert/strict';
import io from '@pm2/io';
import { quietPm2Io } from '../../src/observability/pm2-io.ts';

type Internals = { getConfig(): { catchExceptions?: boolean; profiling?: unknown; metrics?: Record<string, boolean> }; transport?: { autoExitHandle?: { _destroyed?: boolean } } };

describe('observability: @pm2/io, which Colyseus loads', () => {
  it('when it is quieted then it catches no exceptions, runs none of its own metrics and lists no handles every 3 s', async () => {
    const pmx = io as unknown as Internals;
    io.init(); // as Colyseus finds it: every default on, the handle listing running
    assert.equal(pmx.getConfig().catchExceptions, true);
    assert.equal(pmx.transport?.autoExitHandle?._destroyed, false);

    await quietPm2Io();

    const config = pmx.getConfig();
    assert.equal(config.catchExceptions, false);
    assert.equal(config.profiling, false);
    assert.deepEqual(Object.entries(config.metrics ?? {}).filter(([, on]) => on), []);
    // A cleared interval is destroyed (Node's Timeout): no more `process._getActiveHandles()`.
    assert.equal(pmx.transport?.autoExitHandle?._destroyed, true);
    // It still takes the metrics Colyseus registers for `pm2 monit`.
    assert.equal(typeof io.metric({ name: 'felt-test-gauge' })?.set, 'function');
  });
});
