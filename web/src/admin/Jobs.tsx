// Background job runs (one per job and minute in the cluster): how long they took, which failed.
import { useEffect, useState } from 'preact/hooks';
import { query, type Page } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { Chart } from './Chart.tsx';
import { adminApi } from './state.ts';

type Run = { jobName: string; slot: string; processId: string; status: string; startedAt: string; finishedAt: string | null; durationMs: number | null; error: string | null };

const COLORS = ['#e2b34b', '#5fd08a', '#6aa7ff', '#ff7a70', '#c58cff', '#9fb0a5'];

export function Jobs() {
  const [jobName, setJobName] = useState('');
  const [status, setStatus] = useState('');
  const [runs, setRuns] = useState<Run[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    void adminApi<Page<Run>>(`/api/admin/jobs/runs${query({ jobName, status, limit: 200 })}`).then((page) => setRuns(page.items), (e: Error) => setError(e.message));
  }, [jobName, status]);
  const names = [...new Set(runs.map((r) => r.jobName))].sort();
  const chronological = [...runs].reverse();
  const times = chronological.map((r) => Date.parse(r.startedAt) / 1000);
  return (
    <main>
      <h1>Job runs</h1>
      <div class="filters">
        <label>Job
          <select value={jobName} onChange={(e) => setJobName(e.currentTarget.value)}>
            <option value="">Every job</option>
            {names.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label>Status
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">Any</option>
            <option value="ok">Succeeded</option>
            <option value="failed">Failed</option>
            <option value="running">Running</option>
          </select>
        </label>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <Chart title="Run time (ms) by job" series={names.map((n, i) => ({ label: n, color: COLORS[i % COLORS.length] }))}
        data={[times, ...names.map((n) => chronological.map((r) => (r.jobName === n ? r.durationMs : null)))]} />
      <table class="data" aria-label="Job runs">
        <thead><tr><th scope="col">Job</th><th scope="col">Slot</th><th scope="col">Process</th><th scope="col">Status</th><th scope="col" class="num">ms</th><th scope="col">Error</th></tr></thead>
        <tbody>
          {runs.map((r) => (
            <tr key={`${r.jobName}${r.slot}`} class={r.status === 'failed' ? 'failed' : ''}>
              <th scope="row">{r.jobName}</th><td>{formatDateTime(r.slot)}</td><td class="mono">{r.processId}</td>
              <td>{r.status}</td><td class="num">{r.durationMs ?? '—'}</td><td>{r.error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
