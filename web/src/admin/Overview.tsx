// The live overview: what this process's /metrics says now, the cluster's
// processes and their tables, and the minute snapshots of the analytics job.
import { useEffect, useRef, useState } from 'preact/hooks';
import { FELT_URL, type Page } from '../shared/api.ts';
import { formatChips } from '../shared/format.ts';
import { Chart } from './Chart.tsx';
import { parseMetrics } from './metrics.ts';
import { adminApi } from './state.ts';
import type { AdminTable } from './Tables.tsx';

type Snapshot = { takenAt: string; openTables: number; seatedPlayers: number; watchers: number; hands: number; rake: number; connections: Record<string, number> };
type LiveSample = { at: number; hands: number; connections: number; rooms: number };

const POLL_MS = 3_000;
const LIVE_SAMPLES = 72;

function useLiveMetrics(): LiveSample[] {
  const [samples, setSamples] = useState<LiveSample[]>([]);
  useEffect(() => {
    let live = true;
    const read = async (): Promise<void> => {
      try {
        const text = await (await fetch(`${FELT_URL}/metrics`)).text();
        const metrics = parseMetrics(text);
        if (!live) return;
        setSamples((list) => [...list, {
          at: Date.now() / 1000, hands: metrics.get('felt_hands_total') ?? 0,
          connections: metrics.get('felt_connections') ?? 0, rooms: metrics.get('felt_rooms') ?? 0,
        }].slice(-LIVE_SAMPLES));
      } catch {
        // The next poll tries again.
      }
    };
    void read();
    const timer = setInterval(() => void read(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return samples;
}

function usePolled<T>(path: string, ms: number): T | null {
  const [value, setValue] = useState<T | null>(null);
  const pathRef = useRef(path);
  pathRef.current = path;
  useEffect(() => {
    let live = true;
    const read = (): void => void adminApi<T>(pathRef.current).then((v) => live && setValue(v), () => undefined);
    read();
    const timer = setInterval(read, ms);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [path, ms]);
  return value;
}

export function Overview() {
  const samples = useLiveMetrics();
  const tables = usePolled<Page<AdminTable>>('/api/admin/tables?limit=200', POLL_MS);
  const snapshots = usePolled<Page<Snapshot>>('/api/admin/analytics/snapshots?limit=180', 60_000);

  const handsPerMinute = samples.map((s, i) => (i === 0 ? null : Math.max(0, Math.round(((s.hands - samples[i - 1].hands) / Math.max(1, s.at - samples[i - 1].at)) * 60))));
  const processes = new Map<string, { tables: number; seated: number }>();
  for (const table of tables?.items ?? []) {
    const id = table.processId ?? 'unowned';
    const entry = processes.get(id) ?? { tables: 0, seated: 0 };
    entry.tables++;
    entry.seated += table.seated;
    processes.set(id, entry);
  }
  const names = [...processes.keys()].sort();
  const history = [...(snapshots?.items ?? [])].reverse();
  const at = history.map((s) => Date.parse(s.takenAt) / 1000);
  const seatedNow = (tables?.items ?? []).reduce((sum, t) => sum + t.seated, 0);
  // The live charts span what has been sampled so far, up to the window they keep.
  const now = Date.now() / 1000;
  const liveRange: [number, number] = [Math.min(samples[0]?.at ?? now, now - (2 * POLL_MS) / 1000), now];
  const rakeHour = history.filter((s) => Date.parse(s.takenAt) > Date.now() - 3_600_000).reduce((sum, s) => sum + s.rake, 0);

  return (
    <main class="overview">
      <h1>Overview</h1>
      <dl class="kpis">
        <div><dt>Processes</dt><dd>{names.length}</dd></div>
        <div><dt>Tables</dt><dd>{tables ? tables.total : '…'}</dd></div>
        <div><dt>Players seated</dt><dd>{formatChips(seatedNow)}</dd></div>
        <div><dt>Rake, last hour</dt><dd>{formatChips(rakeHour)}</dd></div>
      </dl>
      <div class="charts">
        <Chart title="Hands per minute (this process, live)" series={[{ label: 'Hands/min', color: '#e2b34b' }]} xRange={liveRange}
          data={[samples.map((s) => s.at), handsPerMinute]} />
        <Chart title="Connections and tables (this process, live)" series={[{ label: 'Connections', color: '#5fd08a' }, { label: 'Tables', color: '#6aa7ff' }]} xRange={liveRange}
          data={[samples.map((s) => s.at), samples.map((s) => s.connections), samples.map((s) => s.rooms)]} />
        <Chart title="Tables by process" categories={names} series={[{ label: 'Tables', color: '#6aa7ff' }]}
          data={[names.map((_, i) => i), names.map((n) => processes.get(n)?.tables ?? 0)]} />
        <Chart title="Players seated by process" categories={names} series={[{ label: 'Seated', color: '#5fd08a' }]}
          data={[names.map((_, i) => i), names.map((n) => processes.get(n)?.seated ?? 0)]} />
        <Chart title="Players and tables (minute snapshots)" series={[{ label: 'Seated', color: '#5fd08a' }, { label: 'Watching', color: '#9fb0a5' }, { label: 'Tables', color: '#6aa7ff' }]}
          data={[at, history.map((s) => s.seatedPlayers), history.map((s) => s.watchers), history.map((s) => s.openTables)]} />
        <Chart title="Hands and rake per minute (minute snapshots)" series={[{ label: 'Hands', color: '#e2b34b' }, { label: 'Rake', color: '#ff7a70' }]}
          data={[at, history.map((s) => s.hands), history.map((s) => s.rake)]} />
      </div>
      {history.length === 0 && <p class="hint">The analytics job takes a snapshot every minute; the last two charts fill as it runs.</p>}
    </main>
  );
}
