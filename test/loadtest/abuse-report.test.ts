import assert from 'node:assert/strict';
import { abusedTables, abuseRatio, compareWindows, formatAbuseLines, type LoadAbuse } from '../../loadtest/abuse-report.ts';
import { AbuseCounters } from '../../loadtest/abuse-stats.ts';
import { dueMessages } from '../../loadtest/abuser-group.ts';
import { percentiles } from '../../loadtest/stats.ts';

const range = (n: number, from = 1): number[] => Array.from({ length: n }, (_, i) => from + i);

function abuse(overrides: { answersByCode?: Record<string, number>; rate?: number } = {}): LoadAbuse {
  const counters = new AbuseCounters();
  counters.reset(0);
  for (let i = 0; i < 6; i++) counters.sentOne('unaffordableSit');
  for (let i = 0; i < 4; i++) counters.sentOne('unknownType');
  counters.notSent('offline', 3);
  for (const [code, n] of Object.entries(overrides.answersByCode ?? { insufficient_funds: 5, unknown_message: 4 })) for (let i = 0; i < n; i++) counters.answered(code);
  counters.disconnected(4002);
  counters.rejoined();
  const window = counters.window(2, 2_000);
  return {
    abusers: 2, ratePerSAsked: overrides.rate ?? 2, tables: 2, pinned: true,
    flood: { window, cpuPercent: 12.5 },
    honestAtTheirTables: percentiles([900, 1200]), honestElsewhere: percentiles([2, 3, 4]),
  };
}

describe('loadtest: the abuse report', () => {
  it('when there are more tables than abusers then each abuser gets a table of its own, spread over the list', () => {
    assert.deepEqual(abusedTables(range(60, 0), 6), [0, 10, 20, 30, 40, 50]);
    assert.deepEqual(abusedTables(['a', 'b', 'c'], 3), ['a', 'b', 'c']);
  });

  it('when there are more abusers than tables then every table gets one before any gets two', () => {
    const tables = abusedTables(['a', 'b', 'c'], 7);
    const counts = ['a', 'b', 'c'].map((id) => tables.filter((t) => t === id).length);
    assert.deepEqual(counts, [3, 2, 2]);
    assert.deepEqual(abusedTables([], 4), []);
  });

  it('when the p99 with abusers is three times the p99 without then the ratio is 3', () => {
    const without = range(100); // p99 99
    const withAbuse = range(100).map((ms) => ms * 3); // p99 297
    assert.deepEqual(abuseRatio(without, withAbuse), { p99WithoutMs: 99, p99WithMs: 297, ratio: 3 });
  });

  it('when the ratio is not a whole number then it is rounded to two decimals', () => {
    assert.equal(abuseRatio([30], [40]).ratio, 1.33);
  });

  it('when there is no baseline sample then there is no ratio', () => {
    assert.equal(abuseRatio([], [5, 6]).ratio, null);
    assert.equal(abuseRatio([5, 6], []).ratio, null);
  });

  it('when windows alternate then each kind is pooled, and the p99 with abusers is split between their tables and the others', () => {
    const quiet = { ms: range(50), tableIds: range(50).map(() => 'calm') };
    const compared = compareWindows([
      { abuse: true, ms: [...range(99), 5000], tableIds: [...range(99).map(() => 'calm'), 'flooded'] },
      { abuse: false, ...quiet },
      { abuse: false, ms: range(50, 51), tableIds: range(50).map(() => 'calm') },
      { abuse: true, ms: [...range(99), 7000], tableIds: [...range(99).map(() => 'calm'), 'flooded'] },
    ], new Set(['flooded']));
    assert.equal(compared.samplesWithout, 100);
    assert.equal(compared.samplesWith, 200);
    assert.equal(compared.p99WithoutMs, 99);
    assert.equal(compared.p99WithMs, 99); // two slow samples of 200 are the top 1%
    assert.equal(compared.ratio, 1);
    assert.equal(compared.p99WithAtAbusedTablesMs, 7000);
    assert.equal(compared.p99WithElsewhereMs, 99);
  });

  it('when the abusers are counted then the window gives their totals and rates', () => {
    const { window } = abuse().flood;
    assert.equal(window.seconds, 2);
    assert.equal(window.sent, 10);
    assert.equal(window.ratePerS, 5);
    assert.equal(window.ratePerAbuserPerS, 2.5);
    assert.deepEqual(window.sentByKind, { unaffordableSit: 6, unknownType: 4 });
    assert.deepEqual(window.unsent, { offline: 3 });
    assert.equal(window.answers, 9);
    assert.deepEqual(window.disconnectsByCode, { 4002: 1 });
    assert.equal(window.rejoins, 1);
  });

  it('when the counters are reset then a new flood starts from nothing', () => {
    const counters = new AbuseCounters();
    counters.reset(0);
    counters.sentOne('junkFrame');
    counters.answered('bad_message');
    counters.reset(1_000);
    const window = counters.window(1, 1_500);
    assert.equal(window.sent, 0);
    assert.equal(window.answers, 0);
    assert.equal(window.seconds, 0.5);
  });

  it('when the summary is written then it says what the abusers sent and got, and the honest bots\' latency at their tables and elsewhere', () => {
    const lines = formatAbuseLines(abuse());
    const text = lines.join('\n');
    assert.match(lines[0], /2 at 2 tables, asked 2 msg\/s each: 10 sent in 2 s \(5\/s, 2.5\/s each\)/);
    assert.match(text, /unaffordableSit ×6, unknownType ×4; not sent: offline ×3/);
    assert.match(text, /answers {8}9 \(insufficient_funds ×5, unknown_message ×4\)/);
    assert.match(text, /disconnects {4}1 \(close code 4002 ×1\); rejoins 1, failed joins 0/);
    assert.match(text, /their CPU {6}12.5% of a core \(pinned with the bots\)/);
    assert.match(text, /at the abusers' tables p50 900 ms, p99 1200 ms, max 1200 ms \(2 actions\)/);
    assert.match(text, /elsewhere p50 3 ms, p99 4 ms, max 4 ms \(3 actions\)/);
    assert.doesNotMatch(text, /warning/);
  });

  it('when the abusers\' buy-ins were all refused for a full table then the summary warns that the wallet was never asked', () => {
    const text = formatAbuseLines(abuse({ answersByCode: { table_full: 6 } })).join('\n');
    assert.match(text, /warning: the abusers' tables had no free seat/);
  });

  it('when the abusers sent well under the rate asked then the summary warns', () => {
    const text = formatAbuseLines(abuse({ rate: 500 })).join('\n');
    assert.match(text, /warning: the abusers sent well under the rate asked/);
  });
});

describe('loadtest: the abusers\' clock', () => {
  it('when a tick comes 10 ms after the last at 500 messages/s then 5 are due', () => {
    assert.deepEqual(dueMessages(0, 500, 10), { send: 5, owed: 0 });
  });

  it('when the rate leaves a fraction then it is carried to the next tick', () => {
    const first = dueMessages(0, 250, 10);
    assert.equal(first.send, 2);
    const second = dueMessages(first.owed, 250, 10);
    assert.equal(second.send, 3);
    assert.ok(Math.abs(second.owed) < 1e-9);
  });

  it('when a tick comes very late then it sends at most the catch-up share, not a burst', () => {
    assert.deepEqual(dueMessages(0, 500, 10_000), { send: 50, owed: 0 });
  });
});
