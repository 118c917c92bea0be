import { formatAbuseLines } from './abuse-report.ts';
import type { LoadReport } from './load.ts';

/** A histogram bound as text: the largest bucket has no upper bound. */
const atMost = (ms: number): string => (Number.isFinite(ms) ? `≤ ${ms} ms` : 'above the largest bucket');

/** The load test's result as a short text summary, one figure per line. */
export function formatSummary(report: LoadReport): string {
  const { latency, server, bots } = report;
  const errors = Object.entries(report.errorCodes).map(([code, n]) => `${code} ×${n}`).join(', ');
  const lines = [
    `Felt load test — ${report.url} (${report.database}), ${report.seconds} s measured after ${report.setupSeconds} s of setup`,
    `  connections      ${report.connections} (${report.seated}/${report.botsAsked} bots seated at ${report.tables} tables; ${report.tablesAsked} asked)`,
    `  think time       ${report.thinkMs} ms${report.pauseMs !== null ? `, pause between hands ${report.pauseMs} ms` : ''}`,
    `  hands/s          ${report.handsPerSecond} (${report.hands} hands)`,
    `  actions/s        ${report.actionsPerSecond} (${report.actions} actions${report.hands > 0 ? `, ${(report.actions / report.hands).toFixed(1)} per hand` : ''})`,
    `  action→patch     p50 ${latency.p50} ms, p95 ${latency.p95} ms, p99 ${latency.p99} ms, max ${latency.max} ms`
      + (report.actionsUnfinished > 0 ? ` (${report.actionsUnfinished} still waiting at the end, counted at their wait so far)` : ''),
    report.serverLatency
      ? `    in the server  p50 ${atMost(report.serverLatency.p50AtMostMs)}, p99 ${atMost(report.serverLatency.p99AtMostMs)} (${report.serverLatency.count} actions, its /metrics histogram)`
      : '    in the server  unknown (its /metrics could not be read)',
    ...(report.serverPauses ? [`    its pauses     event-loop delay max ${report.serverPauses.loopLagMaxMs ?? '?'} ms; ${report.serverPauses.majorGcs} major GCs, ${report.serverPauses.majorGcMs} ms in all, ${report.serverPauses.majorGcsOver100Ms} over 100 ms`] : []),
    `  errors           ${report.errors}${errors ? ` (${errors})` : ''}; seat races ${report.seatRetries}, rebuys ${report.rebuys}`,
    server
      ? `  server           CPU ${server.cpuPercent}% of a core, RSS ${server.rssMb} MB, peak ${server.peakRssMb} MB${report.pinned.server ? ' (pinned)' : ''}`
      : '  server           CPU and memory unknown (not spawned; pass --server-pid to read them)',
    `  bots (this proc) CPU ${bots.cpuPercent}% of a core, RSS ${bots.rssMb} MB, event-loop delay p99 ${bots.eventLoopDelayP99Ms} ms${report.pinned.bots ? ' (pinned)' : ''}`,
    ...(report.postgres ? [`  postgres         CPU ${report.postgres.cpuPercent}% of a core (every postgres process on this machine)`] : []),
    `  machine          ${Object.entries(report.coreBusyPercent).map(([cpu, busy]) => `cpu${cpu} ${busy}% busy`).join(', ') || 'per-core load unknown'} (every process)`,
    ...(report.abuse ? formatAbuseLines(report.abuse) : []),
  ];
  const serverCore = report.serverCpus !== null ? report.coreBusyPercent[report.serverCpus] : undefined;
  if (server && serverCore !== undefined && serverCore - server.cpuPercent > 25) {
    lines.push('  warning: other processes used much of the server\'s core; latencies are inflated by them');
  }
  if (bots.cpuPercent > 90) lines.push('  warning: the bots saturate their core; latencies include their own queueing');
  return lines.join('\n');
}
