import assert from 'node:assert/strict';
import { parseBuckets, windowLatency } from '../../loadtest/server-metrics.ts';

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
