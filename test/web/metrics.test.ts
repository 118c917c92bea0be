import assert from 'node:assert/strict';
import { parseMetrics } from '../../web/src/admin/metrics.ts';

describe('web: the dashboard reading /metrics (parseMetrics)', () => {
  it('when a metric has several label sets then the dashboard reads their sum, and comments and bad lines are skipped', () => {
    const text = [
      '# HELP felt_hands_total Hands completed.',
      '# TYPE felt_hands_total counter',
      'felt_hands_total{variant="NT"} 12',
      'felt_hands_total{variant="PO"} 3',
      'felt_rooms 5',
      'felt_connections NaN',
      'not a metric line',
      '',
    ].join('\n');
    const metrics = parseMetrics(text);
    assert.equal(metrics.get('felt_hands_total'), 15);
    assert.equal(metrics.get('felt_rooms'), 5);
    assert.equal(metrics.has('felt_connections'), false);
    assert.equal(metrics.size, 2);
  });
});
