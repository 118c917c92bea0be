// Insights: the live feed (Server-Sent Events from every process), the
// stored list, acknowledging, and running the rules now.
import { useEffect, useState } from 'preact/hooks';
import { FELT_URL, type Page } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { adminApi, adminToken } from './state.ts';

type Insight = {
  id: string; kind: string; severity: 'info' | 'warning' | 'critical'; subject: Record<string, unknown>;
  summary: string; recommendation: string; evidence: Record<string, unknown>; createdAt: string;
  acknowledgedAt: string | null; acknowledgedBy: string | null;
};

type FeedState = 'connecting' | 'live' | 'retrying';

export function Insights() {
  const [items, setItems] = useState<Insight[]>([]);
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [feed, setFeed] = useState<FeedState>('connecting');
  const [message, setMessage] = useState('');
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void adminApi<Page<Insight>>(`/api/admin/insights?limit=100&unacknowledged=${onlyOpen}`).then((page) => setItems(page.items), (e: Error) => setMessage(e.message));
  }, [onlyOpen, version]);

  useEffect(() => {
    // EventSource cannot send headers: the feed takes the token in the query (the server moves it into the header).
    const source = new EventSource(`${FELT_URL}/api/admin/insights/feed?token=${encodeURIComponent(adminToken())}`);
    source.addEventListener('ready', () => setFeed('live'));
    source.addEventListener('insight', (event) => {
      const insight = JSON.parse((event as MessageEvent<string>).data) as Insight;
      setItems((list) => [insight, ...list.filter((i) => i.id !== insight.id)]);
    });
    source.onerror = () => setFeed('retrying');
    return () => source.close();
  }, []);

  const acknowledge = async (insight: Insight): Promise<void> => {
    try {
      await adminApi(`/api/admin/insights/${encodeURIComponent(insight.id)}/acknowledge`, { method: 'POST' });
      setVersion((v) => v + 1);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  const runNow = async (): Promise<void> => {
    try {
      const result = await adminApi<{ found: number; stored: Insight[]; handsRead: number }>('/api/admin/insights/run', { method: 'POST' });
      setMessage(`The rules read ${result.handsRead} hands and found ${result.found} insight(s), ${result.stored.length} new.`);
      setVersion((v) => v + 1);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <main>
      <div class="section-head">
        <h1>Insights</h1>
        <div class="form-actions">
          <span class={`feed ${feed}`} role="status">{feed === 'live' ? 'Live feed on' : feed === 'connecting' ? 'Connecting to the feed…' : 'Feed lost, retrying…'}</span>
          <label class="check"><input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.currentTarget.checked)} />Only unacknowledged</label>
          <button type="button" onClick={() => void runNow()}>Run rules now</button>
        </div>
      </div>
      {message && <p class="notice" role="status">{message}</p>}
      {items.length === 0 && <p class="muted">Nothing needs attention.</p>}
      <ul class="insights" aria-label="Insights">
        {items.map((insight) => (
          <li key={insight.id} class={`insight ${insight.severity}`}>
            <div class="insight-head">
              <span class={`tag ${insight.severity === 'info' ? '' : 'bad'}`}>{insight.severity}</span>
              <span class="insight-kind">{insight.kind}</span>
              <span class="muted">{formatDateTime(insight.createdAt)}</span>
            </div>
            <p class="insight-summary">{insight.summary}</p>
            <p class="muted">{insight.recommendation}</p>
            <details><summary>Evidence</summary><pre>{JSON.stringify(insight.evidence, null, 2)}</pre></details>
            {insight.acknowledgedAt
              ? <p class="muted">{`Acknowledged ${formatDateTime(insight.acknowledgedAt)}`}</p>
              : <button type="button" onClick={() => void acknowledge(insight)} aria-label={`Acknowledge: ${insight.summary}`}>Acknowledge</button>}
          </li>
        ))}
      </ul>
    </main>
  );
}
