import assert from 'node:assert/strict';
import { Readiness, type OwnershipView, type ReadinessOptions } from '../../src/cluster/readiness.ts';

/** An ownership the test sets by hand: which tables it holds, which have rooms, which wait for an owner. */
function fakeOwnership() {
  const state = {
    started: false,
    stopped: false,
    held: [] as string[],
    withoutRoom: [] as string[],
    unclaimed: [] as string[],
    unclaimedAsked: 0,
  };
  const view: OwnershipView = {
    get tables() {
      return state.held;
    },
    get claiming() {
      return { started: state.started, stopped: state.stopped };
    },
    tablesWithoutRoom: () => state.withoutRoom,
    unclaimedShare: async () => {
      state.unclaimedAsked += 1;
      return state.unclaimed;
    },
  };
  return { state, view };
}

function readiness(ownership: OwnershipView, overrides: Partial<ReadinessOptions> = {}): Readiness {
  return new Readiness({ ownership, database: async () => true, presence: async () => 'answered', ...overrides });
}

const checks = (report: { missing: { check: string }[] }) => report.missing.map((gap) => gap.check);

describe('cluster: readiness', () => {
  it('when the first claim of orphans has not been made then it is not ready (firstClaim)', async () => {
    const { view } = fakeOwnership();

    const report = await readiness(view).check();

    assert.equal(report.ready, false);
    assert.deepEqual(checks(report), ['firstClaim']);
  });

  it('when the first claim is made and nothing waits then it is ready, counting the tables held', async () => {
    const { state, view } = fakeOwnership();
    state.started = true;
    state.held = ['t-1', 't-2'];

    const report = await readiness(view).check();

    assert.deepEqual(report, { ready: true, missing: [], tables: 2 });
  });

  it('when tables it may claim are held by a dead process\'s lease then it is not ready, naming them, until they are claimed', async () => {
    const { state, view } = fakeOwnership();
    const gate = readiness(view);
    state.started = true;
    state.unclaimed = ['t-1', 't-2'];

    const waiting = await gate.check();
    state.unclaimed = [];
    state.held = ['t-1', 't-2'];
    const after = await gate.check();

    assert.deepEqual(checks(waiting), ['unclaimedTables']);
    assert.deepEqual(waiting.missing[0].tables, ['t-1', 't-2']);
    assert.match(waiting.missing[0].message, /2 open tables/);
    assert.equal(after.ready, true);
  });

  it('when it has been ready once then a peer\'s orphaned tables do not take it out of service', async () => {
    const { state, view } = fakeOwnership();
    const gate = readiness(view);
    state.started = true;
    assert.equal((await gate.check()).ready, true);
    const askedBefore = state.unclaimedAsked;

    state.unclaimed = ['t-9'];
    const report = await gate.check();

    assert.equal(report.ready, true);
    assert.equal(state.unclaimedAsked, askedBefore, 'start-up conditions are not read again');
  });

  it('when a table it holds has no room here then it is not ready, before and after start-up (rooms)', async () => {
    const { state, view } = fakeOwnership();
    const gate = readiness(view);
    state.started = true;
    state.held = ['t-1'];
    assert.equal((await gate.check()).ready, true);

    state.withoutRoom = ['t-1'];
    const report = await gate.check();

    assert.deepEqual(checks(report), ['rooms']);
    assert.deepEqual(report.missing[0].tables, ['t-1']);
  });

  it('when many tables wait then the report lists twenty of them and counts them all', async () => {
    const { state, view } = fakeOwnership();
    state.started = true;
    state.unclaimed = Array.from({ length: 250 }, (_, i) => `t-${i}`);

    const report = await readiness(view).check();

    assert.equal(report.missing[0].tables?.length, 20);
    assert.match(report.missing[0].message, /250 open tables/);
  });

  it('when the database does not answer then it is not ready (database), and start-up is not judged without it', async () => {
    const { state, view } = fakeOwnership();
    state.started = true;
    state.unclaimed = ['t-1'];

    const report = await readiness(view, { database: async () => false }).check();

    assert.deepEqual(checks(report), ['database']);
    assert.equal(state.unclaimedAsked, 0);
  });

  it('when the database hangs then it counts as not answering after the timeout', async () => {
    const { state, view } = fakeOwnership();
    state.started = true;

    const report = await readiness(view, { database: () => new Promise<boolean>(() => {}), timeoutMs: 20 }).check();

    assert.deepEqual(checks(report), ['database']);
    assert.match(report.missing[0].message, /within 20 ms/);
  });

  it('when presence fails then it is not ready (presence)', async () => {
    const { state, view } = fakeOwnership();
    state.started = true;

    const report = await readiness(view, { presence: async () => Promise.reject(new Error('Connection is closed.')) }).check();

    assert.deepEqual(checks(report), ['presence']);
  });

  it('when the process is shutting down then it is not ready (shuttingDown), even after start-up', async () => {
    const { state, view } = fakeOwnership();
    const gate = readiness(view);
    state.started = true;
    assert.equal((await gate.check()).ready, true);

    state.stopped = true;
    const report = await gate.check();

    assert.deepEqual(checks(report), ['shuttingDown']);
  });

  it('when the process becomes ready then whenReady resolves true', async () => {
    const { state, view } = fakeOwnership();
    const gate = readiness(view);
    const answer = gate.whenReady();

    state.started = true;

    assert.equal(await answer, true);
  });

  it('when it is stopped before it is ready then whenReady resolves false', async () => {
    const { view } = fakeOwnership();
    const gate = readiness(view);
    const answer = gate.whenReady();

    gate.stop();

    assert.equal(await answer, false);
  });
});
