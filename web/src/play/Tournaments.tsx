// The tournament lobby's list (PROTOCOL.md, `GET /api/tournaments`), by
// status, each leading to its page (clock, payouts, standings, registration).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, query, type Page } from '../shared/api.ts';
import { formatChips, formatDateTime, variantName } from '../shared/format.ts';
import { Link } from '../shared/router.tsx';
import { startsAtMs, type TournamentSummary } from '../shared/tournament-model.ts';

export type { TournamentSummary } from '../shared/tournament-model.ts';

const STATUSES = ['registering', 'running', 'finished', 'cancelled'] as const;
const REFRESH_MS = 10_000;

export function Tournaments() {
  const [status, setStatus] = useState('registering,running');
  const [items, setItems] = useState<TournamentSummary[] | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    let live = true;
    setItems(null);
    const load = (): void => {
      api<Page<TournamentSummary>>(`/api/tournaments${query({ status, limit: 100 })}`)
        .then((page) => {
          if (!live) return;
          setItems(page.items);
          setMessage('');
        })
        .catch((error: unknown) => {
          if (!live) return;
          setItems((before) => before ?? []);
          setMessage(error instanceof ApiError && error.status === 404 ? 'This server runs no tournaments yet.' : (error as Error).message);
        });
    };
    load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [status]);

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
      {items !== null && items.length === 0 && !message && <p class="muted">No tournament matches this filter.</p>}
      <ul class="table-list" aria-label="Tournament list">
        {(items ?? []).map((t) => {
          const starts = startsAtMs(t);
          return (
            <li key={t.tournamentId} class="table-row">
              <div class="table-main">
                <span class="table-name">{t.name}</span>
                <span class="table-game">{`${variantName(t.variant)} · ${t.kind === 'sng' ? 'Sit & Go' : 'Scheduled'}${starts !== null ? ` · ${formatDateTime(new Date(starts).toISOString())}` : ''}`}</span>
              </div>
              <div class="table-meta">
                <span class="seats" aria-label={`${t.entrants} of ${t.maxEntrants} entrants`}>{`${t.entrants}/${t.maxEntrants}`}</span>
                <span>{`Buy-in ${formatChips(t.buyIn)} + ${formatChips(t.fee)}`}</span>
                <span class={`t-status ${t.status}`}>{t.status}</span>
              </div>
              <Link class="button" href={`/tournament/${encodeURIComponent(t.tournamentId)}`} aria-label={`Open ${t.name}`}>
                {t.status === 'registering' ? 'Register' : 'View'}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
