import assert from 'node:assert/strict';
import { createMetrics, type FeltMetrics } from '../../src/observability/metrics.ts';
import { TableObserver } from '../../src/observability/table-observer.ts';
import { parseSamples, valueOf } from './scrape.ts';

describe('observability: TableObserver', () => {
  let metrics: FeltMetrics;
  let now: number;
  let observer: TableObserver;

  beforeEach(() => {
    metrics = createMetrics({ defaultMetrics: false });
    now = 1_000;
    observer = new TableObserver(metrics, () => now);
  });

  async function samples() {
    return parseSamples(await metrics.registry.metrics());
  }

  it('when an action is applied, projected and patched then its latency runs from receipt to that patch', async () => {
    const receivedAt = observer.messageReceived();
    now += 12;
    observer.actApplied('call', receivedAt);
    now += 3;
    assert.equal(observer.stateProjected(), true, 'a projected action is worth a patch');
    now += 15;
    observer.patchSent();

    const s = await samples();
    assert.equal(valueOf(s, 'felt_action_to_patch_seconds_count'), 1);
    assert.ok(Math.abs(valueOf(s, 'felt_action_to_patch_seconds_sum') - 0.03) < 1e-9);
    assert.equal(valueOf(s, 'felt_actions_total', { action: 'call' }), 1);
  });

  it('when a patch goes out before the action reaches the wire state then only a later patch counts it', async () => {
    const receivedAt = observer.messageReceived();
    observer.actApplied('check', receivedAt);
    now += 20;
    observer.patchSent();
    assert.equal(valueOf(await samples(), 'felt_action_to_patch_seconds_count'), 0, 'that patch did not carry it');

    observer.stateProjected();
    now += 30;
    observer.patchSent();
    observer.patchSent();

    const s = await samples();
    assert.equal(valueOf(s, 'felt_action_to_patch_seconds_count'), 1, 'observed once, by the first patch after projection');
    assert.ok(Math.abs(valueOf(s, 'felt_action_to_patch_seconds_sum') - 0.05) < 1e-9);
  });

  it('when the state is projected with no action applied then no early patch is asked for', () => {
    assert.equal(observer.stateProjected(), false);
  });

  it('when several actions share one patch then each is observed from its own receipt', async () => {
    const first = observer.messageReceived();
    now += 10;
    const second = observer.messageReceived();
    observer.actApplied('bet', first);
    observer.actApplied('fold', second);
    observer.stateProjected();
    now += 5;
    observer.patchSent();

    const s = await samples();
    assert.equal(valueOf(s, 'felt_action_to_patch_seconds_count'), 2);
    assert.ok(Math.abs(valueOf(s, 'felt_action_to_patch_seconds_sum') - 0.02) < 1e-9, '15 ms + 5 ms');
    assert.equal(valueOf(s, 'felt_actions_total', { action: 'bet' }), 1);
    assert.equal(valueOf(s, 'felt_actions_total', { action: 'fold' }), 1);
  });

  it('when hands complete then they are counted by variant', async () => {
    observer.handCompleted('NT');
    observer.handCompleted('NT');
    observer.handCompleted('PO');

    const s = await samples();
    assert.equal(valueOf(s, 'felt_hands_total', { variant: 'NT' }), 2);
    assert.equal(valueOf(s, 'felt_hands_total', { variant: 'PO' }), 1);
  });
});
