// The lobby: live cash tables with filters and sorting, and the tournaments.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatChips, variantName } from '../shared/format.ts';
import { currentSearch, Link, navigate } from '../shared/router.tsx';
import { watchLobby, type LobbyState, type TableListing } from './lobby-listing.ts';
import { Tournaments } from './Tournaments.tsx';

type Sort = 'name' | 'stakes' | 'players';

function sortTables(tables: TableListing[], sort: Sort): TableListing[] {
  const sorted = [...tables];
  if (sort === 'name') sorted.sort((a, b) => a.name.localeCompare(b.name));
  if (sort === 'stakes') sorted.sort((a, b) => a.bigBlind - b.bigBlind || a.name.localeCompare(b.name));
  if (sort === 'players') sorted.sort((a, b) => b.seated - a.seated || a.name.localeCompare(b.name));
  return sorted;
}

function CashTables() {
  const [lobby, setLobby] = useState<LobbyState>({ status: 'connecting', tables: [] });
  const [variant, setVariant] = useState('');
  const [stakes, setStakes] = useState('');
  const [freeOnly, setFreeOnly] = useState(false);
  const [sort, setSort] = useState<Sort>('name');

  useEffect(() => {
    const watch = watchLobby();
    const off = watch.state.subscribe(setLobby);
    return () => {
      off();
      watch.stop();
    };
  }, []);

  const variants = useMemo(() => [...new Set(lobby.tables.map((t) => t.variant))].sort(), [lobby.tables]);
  const stakesOptions = useMemo(() => {
    const byLabel = new Map(lobby.tables.map((t) => [t.stakes, t.bigBlind]));
    return [...byLabel.entries()].sort((a, b) => a[1] - b[1]).map(([label]) => label);
  }, [lobby.tables]);
  const shown = sortTables(lobby.tables.filter((t) =>
    (!variant || t.variant === variant) && (!stakes || t.stakes === stakes) && (!freeOnly || t.seated < t.maxSeats)), sort);

  return (
    <section aria-labelledby="cash-heading">
      <h2 id="cash-heading" class="visually-hidden">Cash tables</h2>
      <div class="filters" role="group" aria-label="Filter tables">
        <label>Game
          <select value={variant} onChange={(e) => setVariant(e.currentTarget.value)}>
            <option value="">All games</option>
            {variants.map((code) => <option key={code} value={code}>{variantName(code)}</option>)}
          </select>
        </label>
        <label>Stakes
          <select value={stakes} onChange={(e) => setStakes(e.currentTarget.value)}>
            <option value="">All stakes</option>
            {stakesOptions.map((label) => <option key={label} value={label}>{label}</option>)}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" checked={freeOnly} onChange={(e) => setFreeOnly(e.currentTarget.checked)} />
          Seats free
        </label>
        <label>Sort by
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as Sort)}>
            <option value="name">Name</option>
            <option value="stakes">Stakes</option>
            <option value="players">Players</option>
          </select>
        </label>
      </div>
      {lobby.status === 'connecting' && <p class="muted" role="status">Finding tables…</p>}
      {lobby.status === 'lost' && <p class="warning" role="status">The lobby connection dropped; reconnecting…</p>}
      {lobby.status === 'live' && shown.length === 0 && <p class="muted">No table matches these filters.</p>}
      <ul class="table-list" aria-label="Tables">
        {shown.map((table) => (
          <li key={table.tableId} class="table-row">
            <div class="table-main">
              <span class="table-name">{table.name}</span>
              <span class="table-game">{`${variantName(table.variant)} · ${table.stakes}`}</span>
            </div>
            <div class="table-meta">
              <span class={table.seated >= table.maxSeats ? 'seats full' : 'seats'} aria-label={`${table.seated} of ${table.maxSeats} seats taken`}>
                {`${table.seated}/${table.maxSeats}`}
              </span>
              {table.waiting > 0 && <span class="waiting">{`${table.waiting} waiting`}</span>}
              <span class="buy-in">{`Buy-in ${formatChips(table.minBuyIn)}–${formatChips(table.maxBuyIn)}`}</span>
              {table.closing && <span class="closing">Closing</span>}
            </div>
            <Link class="button" href={`/table/${encodeURIComponent(table.tableId)}`} aria-label={`Join ${table.name}`}>
              {table.seated >= table.maxSeats ? 'Watch' : 'Join'}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Lobby() {
  // The tab is in the address (`/?tab=tournaments`), so a tournament page can link back to it.
  const tab = new URLSearchParams(currentSearch.value).get('tab') === 'tournaments' ? 'tournaments' : 'cash';
  const setTab = (next: 'cash' | 'tournaments'): void => navigate(next === 'cash' ? '/' : '/?tab=tournaments', true);
  return (
    <main class="lobby">
      <div class="lobby-head">
        <h1>Lobby</h1>
        <div role="tablist" aria-label="Games" class="tabs">
          <button type="button" role="tab" aria-selected={tab === 'cash'} class={tab === 'cash' ? 'tab active' : 'tab'} onClick={() => setTab('cash')}>Cash tables</button>
          <button type="button" role="tab" aria-selected={tab === 'tournaments'} class={tab === 'tournaments' ? 'tab active' : 'tab'} onClick={() => setTab('tournaments')}>Tournaments</button>
        </div>
      </div>
      {tab === 'cash' ? <CashTables /> : <Tournaments />}
    </main>
  );
}
