// Players: search, a wallet credit or debit with a reason, the ledger, ban and unban.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, query, type FieldErrors, type Page } from '../shared/api.ts';
import { Field } from '../shared/Field.tsx';
import { formatChips, formatDateTime, formatSigned } from '../shared/format.ts';
import { navigate } from '../shared/router.tsx';
import { adminApi } from './state.ts';

type Player = { id: string; name: string; username: string | null; isAdmin: boolean; bannedAt: string | null; createdAt: string; balance: number };
type Transfer = { id: string; key: string; reason: string; note: string | null; adminId: string | null; createdAt: string; change: number };

function WalletForm({ player, onDone }: { player: Player; onDone: (message: string) => void }) {
  const [amount, setAmount] = useState('');
  const [direction, setDirection] = useState<'credit' | 'debit'>('credit');
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState('');
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setFields({});
    setError('');
    try {
      // One key per submitted form: a retry of the same request moves nothing twice.
      const key = `dashboard-${crypto.randomUUID()}`;
      const result = await adminApi<{ balance: number }>(`/api/admin/players/${encodeURIComponent(player.id)}/wallet`, {
        body: { amount: Number(amount), direction, reason, key },
      });
      setAmount('');
      setReason('');
      onDone(`${direction === 'credit' ? 'Credited' : 'Debited'} ${formatChips(Number(amount))}: the wallet holds ${formatChips(result.balance)}.`);
    } catch (caught) {
      const failure = caught instanceof ApiError ? caught : new ApiError(0, 'unknown', String(caught));
      setFields(failure.fields);
      setError(failure.message);
    }
  };
  return (
    <form class="form wallet-form" onSubmit={submit} aria-label="Wallet" noValidate>
      <h3>Wallet</h3>
      <div class="form-grid">
        <Field label="Amount" error={fields.amount}>{(p) => <input {...p} type="number" min={1} value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />}</Field>
        <Field label="Direction" error={fields.direction}>
          {(p) => (
            <select {...p} value={direction} onChange={(e) => setDirection(e.currentTarget.value as 'credit' | 'debit')}>
              <option value="credit">Credit (add chips)</option>
              <option value="debit">Debit (take chips)</option>
            </select>
          )}
        </Field>
        <Field label="Reason" error={fields.reason}>{(p) => <input {...p} value={reason} maxLength={200} onInput={(e) => setReason(e.currentTarget.value)} />}</Field>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="form-actions"><button type="submit" class="primary">{direction === 'credit' ? 'Credit wallet' : 'Debit wallet'}</button></div>
    </form>
  );
}

function PlayerDetail({ playerId, onChanged }: { playerId: string; onChanged: () => void }) {
  const [player, setPlayer] = useState<Player | null>(null);
  const [ledger, setLedger] = useState<Transfer[]>([]);
  const [message, setMessage] = useState('');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void adminApi<Player>(`/api/admin/players/${encodeURIComponent(playerId)}`).then(setPlayer, (e: Error) => setMessage(e.message));
    void adminApi<Page<Transfer>>(`/api/admin/players/${encodeURIComponent(playerId)}/ledger?limit=20`).then((page) => setLedger(page.items), () => undefined);
  }, [playerId, version]);
  if (!player) return <section class="panel"><p class="muted" role="status">{message || 'Loading the player…'}</p></section>;

  const ban = async (action: 'ban' | 'unban'): Promise<void> => {
    try {
      const result = await adminApi<{ expelled?: { tableId: string }[] }>(`/api/admin/players/${encodeURIComponent(player.id)}/${action}`, { method: 'POST' });
      setMessage(action === 'ban'
        ? `${player.name} is banned${result.expelled?.length ? ` and was sent away from ${result.expelled.length} table(s)` : ''}.`
        : `${player.name} may play again.`);
      setVersion((v) => v + 1);
      onChanged();
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <section class="panel player-detail" aria-label={`Player ${player.name}`}>
      <div class="section-head">
        <h2>{player.name}{player.bannedAt && <span class="tag bad">banned</span>}{player.isAdmin && <span class="tag">admin</span>}</h2>
        {!player.isAdmin && (player.bannedAt
          ? <button type="button" onClick={() => void ban('unban')}>Unban</button>
          : <button type="button" class="danger" onClick={() => void ban('ban')}>Ban</button>)}
      </div>
      <dl class="facts">
        <div><dt>Wallet</dt><dd aria-label="Balance">{formatChips(player.balance)}</dd></div>
        <div><dt>Username</dt><dd>{player.username ?? 'guest'}</dd></div>
        <div><dt>Joined</dt><dd>{formatDateTime(player.createdAt)}</dd></div>
        {player.bannedAt && <div><dt>Banned</dt><dd>{formatDateTime(player.bannedAt)}</dd></div>}
      </dl>
      {message && <p class="notice" role="status">{message}</p>}
      <WalletForm player={player} onDone={(text) => { setMessage(text); setVersion((v) => v + 1); onChanged(); }} />
      <h3>Ledger</h3>
      <table class="data" aria-label="Ledger">
        <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Note</th><th scope="col" class="num">Change</th></tr></thead>
        <tbody>
          {ledger.map((t) => (
            <tr key={t.id}><td>{formatDateTime(t.createdAt)}</td><td>{t.reason}</td><td>{t.note ?? ''}</td><td class={`num ${t.change >= 0 ? 'gain' : 'loss'}`}>{formatSigned(t.change)}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function Players({ selected }: { selected: string | null }) {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [players, setPlayers] = useState<Player[] | null>(null);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void adminApi<Page<Player>>(`/api/admin/players${query({ q: search, limit: 50 })}`).then((page) => setPlayers(page.items), (e: Error) => setError(e.message));
  }, [search, selected, version]);
  return (
    <main>
      <h1>Players</h1>
      <form class="inline-form" role="search" onSubmit={(e) => { e.preventDefault(); setSearch(q.trim()); }}>
        <label>Name or username
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
        <button type="submit">Search</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="split">
        <table class="data" aria-label="Players">
          <thead><tr><th scope="col">Name</th><th scope="col">Username</th><th scope="col" class="num">Wallet</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {(players ?? []).map((p) => (
              <tr key={p.id} class={p.id === selected ? 'selected' : ''}>
                <th scope="row">{p.name}{p.bannedAt && <span class="tag bad">banned</span>}</th>
                <td>{p.username ?? 'guest'}</td>
                <td class="num">{formatChips(p.balance)}</td>
                <td><button type="button" onClick={() => navigate(`/admin/players/${encodeURIComponent(p.id)}`)} aria-label={`Open ${p.name}`}>Open</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        {selected && <PlayerDetail key={selected} playerId={selected} onChanged={() => setVersion((v) => v + 1)} />}
      </div>
    </main>
  );
}
