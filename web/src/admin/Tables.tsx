// Live tables of every process: open one from a template, close one, and
// watch any of them as it plays, every hole card face down.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Page } from '../shared/api.ts';
import { Felt } from '../shared/Felt.tsx';
import { liveFeltModel } from '../shared/felt-model.ts';
import { formatChips, variantName } from '../shared/format.ts';
import { Link, navigate } from '../shared/router.tsx';
import { TableConnection } from '../shared/table-connection.ts';
import { useTableScene } from '../shared/use-table-scene.ts';
import { adminApi, adminToken, sdk } from './state.ts';
import type { Template } from './Templates.tsx';

export type AdminTable = {
  tableId: string; name: string; templateId: string | null; variant: string; stakes: string; seated: number; maxSeats: number;
  waiting: number; clients: number; status: 'open' | 'closing'; processId: string | null;
};

const REFRESH_MS = 3_000;

function WatchTable({ tableId }: { tableId: string }) {
  const connection = useMemo(() => new TableConnection(sdk, tableId, adminToken()), [tableId]);
  const scene = useTableScene(connection);
  const model = useMemo(() => scene && liveFeltModel(scene.view, { playerId: null, contenders: scene.contenders, winners: scene.winners, clock: scene.clock }), [scene]);
  return (
    <section class="panel watch" aria-label={`Watching ${scene?.view.name ?? tableId}`}>
      <div class="section-head">
        <h2>{scene ? `${scene.view.name} · hand #${scene.view.handNumber}` : 'Joining the table…'}</h2>
        <Link href="/admin/tables" class="button quiet">Stop watching</Link>
      </div>
      {connection.status.value !== 'live' && <p class="warning" role="status">{connection.problem.value || connection.status.value}</p>}
      {model && <Felt model={model} flights={scene!.flights} />}
      {scene && (
        <ol class="hand-log compact" aria-label="What happened">
          {scene.log.slice(0, 8).map((entry) => <li key={entry.id} class={`log-${entry.kind}`}>{entry.text}</li>)}
        </ol>
      )}
    </section>
  );
}

function OpenTable({ onOpened }: { onOpened: (name: string) => void }) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  useEffect(() => void adminApi<Page<Template>>('/api/admin/templates?limit=200').then((page) => {
    setTemplates(page.items);
    setTemplateId((current) => current || page.items[0]?.id || '');
  }, (e: Error) => setError(e.message)), []);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setError('');
    try {
      const opened = await adminApi<{ name: string }>('/api/admin/tables', { method: 'POST', body: name.trim() ? { templateId, name: name.trim() } : { templateId } });
      setName('');
      onOpened(opened.name);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <form class="panel inline-form" onSubmit={submit} aria-label="Open a table">
      <label>Template
        <select value={templateId} onChange={(e) => setTemplateId(e.currentTarget.value)} required>
          {templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </label>
      <label>Table name (optional)
        <input value={name} maxLength={64} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary" disabled={!templateId}>Open table</button>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}

export function Tables({ watching }: { watching: string | null }) {
  const [tables, setTables] = useState<AdminTable[] | null>(null);
  const [message, setMessage] = useState('');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    void adminApi<Page<AdminTable>>('/api/admin/tables?limit=200').then((page) => live && setTables(page.items), (e: Error) => setMessage(e.message));
    const timer = setTimeout(() => setTick((t) => t + 1), REFRESH_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tick]);

  const close = async (table: AdminTable): Promise<void> => {
    try {
      await adminApi(`/api/admin/tables/${encodeURIComponent(table.tableId)}/close`, { method: 'POST' });
      setMessage(`${table.name} is closing: the hand in play finishes, then every stack goes back to its wallet.`);
      setTick((t) => t + 1);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <main>
      <h1>Tables</h1>
      <OpenTable onOpened={(name) => { setMessage(`Opened ${name}.`); setTick((t) => t + 1); }} />
      {message && <p class="notice" role="status">{message}</p>}
      {watching && <WatchTable key={watching} tableId={watching} />}
      <table class="data" aria-label="Live tables">
        <thead><tr><th scope="col">Table</th><th scope="col">Game</th><th scope="col">Seated</th><th scope="col">Connections</th><th scope="col">Process</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {(tables ?? []).map((t) => (
            <tr key={t.tableId}>
              <th scope="row">{t.name}</th>
              <td>{`${variantName(t.variant)} ${t.stakes}`}</td>
              <td>{`${t.seated}/${t.maxSeats}${t.waiting ? ` (+${t.waiting} waiting)` : ''}`}</td>
              <td>{formatChips(t.clients)}</td>
              <td class="mono">{t.processId ?? '—'}</td>
              <td>{t.status}</td>
              <td class="row-actions">
                <button type="button" onClick={() => navigate(`/admin/tables/${encodeURIComponent(t.tableId)}`)} aria-label={`Watch ${t.name}`}>Watch</button>
                {t.status === 'open' && <button type="button" class="danger" onClick={() => void close(t)} aria-label={`Close ${t.name}`}>Close</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
