import assert from 'node:assert/strict';
import { collectDefaultMetrics, Registry, type Histogram } from 'prom-client';
import { parseBuckets, parsePauses, windowLatency, windowPauses } from '../../loadtest/server-metrics.ts';

const exposition = (counts: number[]) => [
  '# HELP felt_action_to_patch_seconds From receiving an act message to sending the state patch that carries its result.',
  '# TYPE felt_action_to_patch_seconds histogram',
  `felt_action_to_patch_seconds_bucket{le="0.001"} ${counts[0]}`,
  `felt_action_to_patch_seconds_bucket{le="0.01"} ${counts[1]}`,
  `felt_action_to_patch_seconds_bucket{le="0.1"} ${counts[2]}`,
  `felt_action_to_patch_seconds_bucket{le="+Inf"} ${counts[3]}`,
  `felt_action_to_patch_seconds_sum 1.5`,
  `felt_action_to_patch_seconds_count ${counts[3]}`,
  'felt_rooms 3',
].join('\n');

describe('loadtest: the server-side latency from /metrics', () => {
  it('when two readings are taken then only the actions between them count, and p50 and p99 are the bounds they fall under', () => {
    const start = parseBuckets(exposition([50, 60, 60, 60]));
    const end = parseBuckets(exposition([150, 258, 259, 260]));

    assert.deepEqual(windowLatency(start, end), { count: 200, p50AtMostMs: 1, p99AtMostMs: 10 });
  });

  it('when some actions took longer than the last bound then p99 is unbounded', () => {
    assert.deepEqual(windowLatency(parseBuckets(exposition([0, 0, 0, 0])), parseBuckets(exposition([90, 95, 97, 100]))), { count: 100, p50AtMostMs: 1, p99AtMostMs: Infinity });
  });

  it('when no action was counted or the text has no such histogram then there is no figure', () => {
    const same = parseBuckets(exposition([5, 6, 7, 8]));
    assert.equal(windowLatency(same, same), null);
    assert.equal(windowLatency(parseBuckets('felt_rooms 3'), parseBuckets('felt_rooms 4')), null);
  });
});

describe("loadtest: the server's pauses from /metrics", () => {
  /** A registry with Node's default metrics, as the server's, and its GC histogram to observe collections by hand. */
  function nodeMetrics(): { registry: Registry; gc: Histogram<'kind'> } {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    return { registry, gc: registry.getSingleMetric('nodejs_gc_duration_seconds') as Histogram<'kind'> };
  }

  it('when major collections happen between two readings then only theirs count, with those over 100 ms', async () => {
    const { registry, gc } = nodeMetrics();
    gc.observe({ kind: 'major' }, 0.05);
    gc.observe({ kind: 'major' }, 0.25);
    gc.observe({ kind: 'minor' }, 0.5);
    const start = parsePauses(await registry.metrics());
    gc.observe({ kind: 'major' }, 0.3);
    gc.observe({ kind: 'major' }, 0.02);
    gc.observe({ kind: 'minor' }, 0.4);
    const end = parsePauses(await registry.metrics());

    assert.ok(start && end);
    const pauses = windowPauses(start, end);
    assert.deepEqual({ ...pauses, loopLagMaxMs: undefined }, { majorGcs: 2, majorGcMs: 320, majorGcsOver100Ms: 1, loopLagMaxMs: undefined });
    assert.ok(pauses.loopLagMaxMs !== null && pauses.loopLagMaxMs >= 0, 'the event-loop delay is read');
  });

  it('when the page has no collection histogram then there is no reading', () => {
    assert.equal(parsePauses('felt_rooms 3'), null);
  });
});
