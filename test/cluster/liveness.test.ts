import assert from 'node:assert/strict';
import { LocalPresence } from '@colyseus/core';
import { Heartbeat, isProcessAlive } from '../../src/cluster/liveness.ts';

describe('cluster: liveness', () => {
  it('when a process is subscribed and beating then it is alive, and when either sign is missing then it is not', async () => {
    const presence = new LocalPresence();
    const heartbeat = new Heartbeat(presence, 'p1', 3_000);
    assert.equal(await isProcessAlive(presence, 'p1'), false);

    // Subscribed but never beating: a process frozen before it could beat, or one whose heartbeat ran out.
    const listener = (): void => {};
    await presence.subscribe('p:p1', listener);
    assert.equal(await isProcessAlive(presence, 'p1'), false);

    await heartbeat.start(() => {});
    assert.equal(await isProcessAlive(presence, 'p1'), true);
    assert.equal(await isProcessAlive(presence, 'p2'), false, 'another process is not alive by this one beating');

    // Beating but unsubscribed: a killed process, whose connection Redis has dropped.
    await presence.unsubscribe('p:p1', listener);
    assert.equal(await isProcessAlive(presence, 'p1'), false);

    await presence.subscribe('p:p1', listener);
    await heartbeat.stop();
    assert.equal(await isProcessAlive(presence, 'p1'), false);
    presence.shutdown();
  });
});
