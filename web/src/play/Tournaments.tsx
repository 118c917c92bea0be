// The tournament list of the lobby, keyed on PROTOCOL.md's `Summary`. A
// server without tournaments answers 404 at `/api/tournaments`; the tab says
// so. (The tournament lobby, its room and table moves come with the server's
// tournaments.)
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, query, type Page } from '../shared/api.ts';
import { formatChips, formatDateTime, variantName } from '../shared/format.ts';
import { token } from './state.ts';

export type TournamentSummary = {
  tournamentId: string; name: string; kind: 'sng' | 'mtt'; variant: string;
  status: 'registering' | 'running' | 'finished' | 'cancelled';
  buyIn: number; fee: number; startingStack: number; tableSize: number;
  entrants: number; minEntrants: number; maxEntrants: number; startsAt?: string | null;
};

const STATUSES = ['registering', 'running', 'finished', 'cancelled'] as const;

export function Tournaments() {
  const [status, setStatus] = useState('registering,running');
  const [items, setItems] = useState<TournamentSummary[] | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    let live = true;
    setMessage('');
    api<Page<TournamentSummary>>(`/api/tournaments${query({ status })}`)
      .then((page) => live && setItems(page.items))
      .catch((error: unknown) => {
        if (!live) return;
        setItems([]);
        setMessage(error instanceof ApiError && error.status === 404 ? 'This server runs no tournaments yet.' : (error as Error).message);
      });
    return () => {
      live = false;
    };
  }, [status]);

  const register = async (tournament: TournamentSummary, action: 'register' | 'unregister'): Promise<void> => {
    try {
      await api(`/api/tournaments/${encodeURIComponent(tournament.tournamentId)}/${action}`, { method: 'POST', token: token() });
      setMessage(action === 'register' ? `You are registered for ${tournament.name}.` : `You are no longer registered for ${tournament.name}.`);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <section aria-label="Tournaments">
      <div class="filters" role="group" aria-label="Filter tournaments">
        <label>Status
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="registering,running">Open and running</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s[0].toUpperCase() + s.slice(1)}</option>)}
          </select>
        </label>
      </div>
      {message && <p class="muted" role="status">{message}</p>}
      {items === null && <p class="muted" role="status">Loading tournaments…</p>}
      <ul class="table-list" aria-label="Tournament list">
        {(items ?? []).map((t) => (
          <li key={t.tournamentId} class="table-row">
            <div class="table-main">
              <span class="table-name">{t.name}</span>
              <span class="table-game">{`${variantName(t.variant)} · ${t.kind === 'sng' ? 'Sit & Go' : 'Scheduled'}${t.startsAt ? ` · ${formatDateTime(t.startsAt)}` : ''}`}</span>
            </div>
            <div class="table-meta">
              <span>{`${t.entrants}/${t.maxEntrants}`}</span>
              <span>{`Buy-in ${formatChips(t.buyIn)} + ${formatChips(t.fee)}`}</span>
              <span class="status">{t.status}</span>
            </div>
            {t.status === 'registering' && (
              <span class="row-actions">
                <button type="button" onClick={() => void register(t, 'register')} aria-label={`Register for ${t.name}`}>Register</button>
                <button type="button" class="quiet" onClick={() => void register(t, 'unregister')} aria-label={`Unregister from ${t.name}`}>Unregister</button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
