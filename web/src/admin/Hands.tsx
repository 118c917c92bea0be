// Completed hands: search, look at one (players, stacks, boards, its PHH
// text), and download it as a PHH file.
import { useEffect, useState } from 'preact/hooks';
import { query, request, type Page } from '../shared/api.ts';
import { Cards } from '../shared/Card.tsx';
import { formatChips, formatDateTime, formatSigned, variantName } from '../shared/format.ts';
import { navigate } from '../shared/router.tsx';
import { adminApi, adminToken, download } from './state.ts';

type HandRow = { id: string; tableId: string; handNumber: number; variant: string; startedAt: string; endedAt: string; playerIds: string[]; rake: number };
type HandPlayer = { id: string; name: string | null; seat: number | null; startingStack: number; finishingStack: number; winnings: number };
type HandDetail = HandRow & { players: HandPlayer[]; boards: string[][]; pots: { amount: number; eligible: number[]; rake: number }[] };

type Filters = { tableId: string; playerId: string; variant: string; from: string; to: string };
const NO_FILTERS: Filters = { tableId: '', playerId: '', variant: '', from: '', to: '' };

/** A `datetime-local` value as ISO 8601 (the API's `from` and `to`). */
function isoOf(local: string): string {
  return local ? new Date(local).toISOString() : '';
}

function HandView({ handId }: { handId: string }) {
  const [hand, setHand] = useState<HandDetail | null>(null);
  const [phh, setPhh] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    void adminApi<HandDetail>(`/api/admin/hands/${encodeURIComponent(handId)}`).then(setHand, (e: Error) => setError(e.message));
    void request(`/api/admin/hands/${encodeURIComponent(handId)}/phh`, { token: adminToken() }).then((r) => r.text()).then(setPhh, () => undefined);
  }, [handId]);
  if (error) return <section class="panel"><p class="error" role="alert">{error}</p></section>;
  if (!hand) return <section class="panel"><p class="muted" role="status">Loading the hand…</p></section>;
  return (
    <section class="panel hand-view" aria-label={`Hand #${hand.handNumber}`}>
      <div class="section-head">
        <h2>{`Hand #${hand.handNumber} · ${variantName(hand.variant)}`}</h2>
        <button type="button" onClick={() => void download(`/api/admin/hands/${encodeURIComponent(hand.id)}/phh`, `felt-${hand.tableId}-${hand.handNumber}.phh`)}>Download PHH</button>
      </div>
      <p class="muted">{`${formatDateTime(hand.startedAt)} – ${formatDateTime(hand.endedAt)} · rake ${formatChips(hand.rake)}`}</p>
      {hand.boards.map((board, i) => <Cards key={i} cards={board} label={hand.boards.length > 1 ? `Board ${i + 1}` : 'Board'} />)}
      <table class="data" aria-label="Players of the hand">
        <thead><tr><th scope="col">Player</th><th scope="col">Seat</th><th scope="col" class="num">Start</th><th scope="col" class="num">Finish</th><th scope="col" class="num">Net</th></tr></thead>
        <tbody>
          {hand.players.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name ?? p.id}</th>
              <td>{p.seat === null ? '—' : p.seat + 1}</td>
              <td class="num">{formatChips(p.startingStack)}</td>
              <td class="num">{formatChips(p.finishingStack)}</td>
              <td class={`num ${p.finishingStack >= p.startingStack ? 'gain' : 'loss'}`}>{formatSigned(p.finishingStack - p.startingStack)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {phh && <details open><summary>Hand history (PHH)</summary><pre class="phh">{phh}</pre></details>}
    </section>
  );
}

export function Hands({ selected }: { selected: string | null }) {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<HandRow> | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setError('');
    void adminApi<Page<HandRow>>(`/api/admin/hands${query({ ...filters, from: isoOf(filters.from), to: isoOf(filters.to), limit: 25, offset })}`)
      .then(setPage, (e: Error) => setError(e.message));
  }, [filters, offset]);
  const input = (key: keyof Filters, label: string) => (
    <label>{label}<input value={draft[key]} onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })} /></label>
  );
  const when = (key: 'from' | 'to', label: string) => (
    <label>{label}<input type="datetime-local" value={draft[key]} onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })} /></label>
  );
  return (
    <main>
      <h1>Hands</h1>
      <form class="inline-form" role="search" onSubmit={(e) => { e.preventDefault(); setOffset(0); setFilters(draft); }}>
        {input('tableId', 'Table id')}
        {input('playerId', 'Player id')}
        <label>Game
          <select value={draft.variant} onChange={(e) => setDraft({ ...draft, variant: e.currentTarget.value })}>
            <option value="">All games</option>
            {['NT', 'FT', 'NS', 'PO', 'FO/8'].map((code) => <option key={code} value={code}>{variantName(code)}</option>)}
          </select>
        </label>
        {when('from', 'From')}
        {when('to', 'To')}
        <button type="submit">Search</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {selected && <HandView key={selected} handId={selected} />}
      <table class="data" aria-label="Hands">
        <thead><tr><th scope="col">Ended</th><th scope="col">Table</th><th scope="col">Hand</th><th scope="col">Game</th><th scope="col">Players</th><th scope="col" class="num">Rake</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {(page?.items ?? []).map((h) => (
            <tr key={h.id} class={h.id === selected ? 'selected' : ''}>
              <td>{formatDateTime(h.endedAt)}</td>
              <td class="mono">{h.tableId}</td>
              <td>{`#${h.handNumber}`}</td>
              <td>{variantName(h.variant)}</td>
              <td>{h.playerIds.length}</td>
              <td class="num">{formatChips(h.rake)}</td>
              <td><button type="button" onClick={() => navigate(`/admin/hands/${encodeURIComponent(h.id)}`)} aria-label={`View hand #${h.handNumber}`}>View</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && page.total > 25 && (
        <nav class="pager" aria-label="Pages">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 25))}>Newer</button>
          <span>{`${offset + 1}–${Math.min(offset + 25, page.total)} of ${page.total}`}</span>
          <button type="button" disabled={offset + 25 >= page.total} onClick={() => setOffset(offset + 25)}>Older</button>
        </nav>
      )}
    </main>
  );
}
