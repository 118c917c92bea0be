// Your history: your statistics and your hands, newest first, each with a replay.
import { useEffect, useState } from 'preact/hooks';
import { api, query, type Page } from '../../shared/api.ts';
import { Cards } from '../../shared/Card.tsx';
import { formatChips, formatDateTime, formatPercent, formatSigned, variantName } from '../../shared/format.ts';
import { Link } from '../../shared/router.tsx';
import { token } from '../state.ts';
import type { HandSummary } from './replay.ts';

type StatLine = {
  hands: number; vpip: number | null; pfr: number | null; aggressionFactor: number | null;
  wentToShowdown: number | null; wonAtShowdown: number | null; netWinnings: number;
};
type Stats = { overall: StatLine; byVariant: Record<string, StatLine>; sample: { hands: number; limit: number; complete: boolean } };

const PAGE_SIZE = 20;

function StatsPanel() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api<Stats>('/api/me/stats', { token: token() }).then(setStats, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p class="error" role="alert">{error}</p>;
  if (!stats) return <p class="muted" role="status">Loading your statistics…</p>;
  const o = stats.overall;
  const tiles: [string, string, string][] = [
    ['Hands', formatChips(o.hands), 'Hands you were dealt into'],
    ['Net', formatSigned(o.netWinnings), 'Chips won minus chips put in, after rake'],
    ['VPIP', formatPercent(o.vpip), 'Hands where you put money in voluntarily before the flop'],
    ['PFR', formatPercent(o.pfr), 'Hands where you raised before the flop'],
    ['AF', o.aggressionFactor === null ? '—' : o.aggressionFactor.toFixed(1), 'Aggression: bets and raises per call'],
    ['WTSD', formatPercent(o.wentToShowdown), 'Of the hands where you saw the flop, the share you took to showdown'],
    ['W$SD', formatPercent(o.wonAtShowdown), 'Of your showdowns, the share you won'],
  ];
  return (
    <section aria-labelledby="stats-heading">
      <h2 id="stats-heading">Your stats</h2>
      <dl class="stat-tiles">
        {tiles.map(([label, value, title]) => (
          <div key={label} class="stat-tile" title={title}>
            <dt>{label}</dt>
            <dd class={label === 'Net' ? (o.netWinnings >= 0 ? 'gain' : 'loss') : ''}>{value}</dd>
          </div>
        ))}
      </dl>
      {Object.keys(stats.byVariant).length > 1 && (
        <table class="data">
          <caption>By game</caption>
          <thead><tr><th scope="col">Game</th><th scope="col">Hands</th><th scope="col">VPIP</th><th scope="col">PFR</th><th scope="col">Net</th></tr></thead>
          <tbody>
            {Object.entries(stats.byVariant).map(([code, line]) => (
              <tr key={code}><th scope="row">{variantName(code)}</th><td>{line.hands}</td><td>{formatPercent(line.vpip)}</td><td>{formatPercent(line.pfr)}</td><td>{formatSigned(line.netWinnings)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {!stats.sample.complete && <p class="hint">{`Figures cover your latest ${stats.sample.limit} hands.`}</p>}
    </section>
  );
}

function HandList() {
  const [page, setPage] = useState<Page<HandSummary> | null>(null);
  const [offset, setOffset] = useState(0);
  const [variant, setVariant] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    setError('');
    api<Page<HandSummary>>(`/api/me/hands${query({ limit: PAGE_SIZE, offset, variant })}`, { token: token() }).then(setPage, (e: Error) => setError(e.message));
  }, [offset, variant]);
  return (
    <section aria-labelledby="hands-heading">
      <div class="section-head">
        <h2 id="hands-heading">Your hands</h2>
        <label>Game
          <select value={variant} onChange={(e) => { setVariant(e.currentTarget.value); setOffset(0); }}>
            <option value="">All games</option>
            {['NT', 'FT', 'NS', 'PO', 'FO/8'].map((code) => <option key={code} value={code}>{variantName(code)}</option>)}
          </select>
        </label>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {page && page.items.length === 0 && <p class="muted">No hands yet: sit at a table from the lobby.</p>}
      <ul class="hand-list" aria-label="Hands">
        {page?.items.map((hand) => (
          <li key={hand.handId} class="hand-row">
            <span class="hand-when">{formatDateTime(hand.endedAt)}</span>
            <span class="hand-game">{`${variantName(hand.variant)} · hand #${hand.handNumber}`}</span>
            <Cards cards={hand.holeCards} small label="Your cards" />
            <Cards cards={hand.board} small label="Board" />
            <span class={hand.net >= 0 ? 'gain' : 'loss'}>{formatSigned(hand.net)}</span>
            <Link class="button quiet" href={`/history/${encodeURIComponent(hand.handId)}`} aria-label={`Replay hand #${hand.handNumber}`}>Replay</Link>
          </li>
        ))}
      </ul>
      {page && page.total > PAGE_SIZE && (
        <nav class="pager" aria-label="Pages">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>Newer</button>
          <span>{`${offset + 1}–${Math.min(offset + PAGE_SIZE, page.total)} of ${page.total}`}</span>
          <button type="button" disabled={offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>Older</button>
        </nav>
      )}
    </section>
  );
}

export function History() {
  return (
    <main class="history">
      <h1>Your history</h1>
      <StatsPanel />
      <HandList />
    </main>
  );
}
