import assert from 'node:assert/strict';
import { AbuseCounters } from '../../loadtest/abuse-stats.ts';
import type { LoadReport } from '../../loadtest/load.ts';
import { percentiles } from '../../loadtest/stats.ts';
import { formatSummary } from '../../loadtest/summary.ts';

function report(overrides: Partial<LoadReport> = {}): LoadReport {
  return {
    seconds: 30, connections: 51, seated: 50, tables: 10, hands: 12, handsPerSecond: 0.4, actions: 100, actionsPerSecond: 3.3,
    latency: percentiles([1, 2, 3]), actionsUnfinished: 0, serverLatency: null, serverPauses: null,
    errors: 0, errorCodes: {}, seatRetries: 0, rebuys: 0,
    server: { cpuPercent: 20, rssMb: 300, peakRssMb: 310 }, bots: { cpuPercent: 3, rssMb: 150, eventLoopDelayP99Ms: 11 },
    coreBusyPercent: { 0: 25, 1: 10 }, postgres: null,
    url: 'http://127.0.0.1:1', database: 'postgresql', thinkMs: 2000, pauseMs: null, botsAsked: 50, tablesAsked: 10,
    pinned: { server: true, bots: true }, serverCpus: '0', setupSeconds: 5, abuse: null,
    ...overrides,
  };
}

describe('loadtest summary', () => {
  it('when there are no abusers then the summary has no abuser lines', () => {
    const text = formatSummary(report());
    assert.doesNotMatch(text, /abusers/);
    assert.doesNotMatch(text, /still waiting/);
  });

  it('when actions were still waiting at the end then the latency line says how many and how they were counted', () => {
    const text = formatSummary(report({ actionsUnfinished: 4 }));
    assert.match(text, /action→patch {5}p50 2 ms, p95 3 ms, p99 3 ms, max 3 ms \(4 still waiting at the end, counted at their wait so far\)/);
  });

  it('when abusers flooded then the summary adds what they sent and got after the machine line', () => {
    const counters = new AbuseCounters();
    counters.reset(0);
    counters.sentOne('unaffordableSit');
    counters.answered('insufficient_funds');
    const abuse = {
      abusers: 1, ratePerSAsked: 1, tables: 1, pinned: false, flood: { window: counters.window(1, 1_000), cpuPercent: 2 },
      honestAtTheirTables: percentiles([5_000]), honestElsewhere: percentiles([2]),
    };
    const lines = formatSummary(report({ abuse })).split('\n');
    const machine = lines.findIndex((line) => line.startsWith('  machine'));
    assert.match(lines[machine + 1], /^ {2}abusers {10}1 at 1 tables, asked 1 msg\/s each: 1 sent in 1 s/);
    assert.ok(lines.some((line) => /answers {8}1 \(insufficient_funds ×1\)/.test(line)));
    assert.ok(lines.some((line) => /at the abusers' tables p50 5000 ms/.test(line)));
  });
});
