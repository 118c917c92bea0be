// Tournaments for operators: the list by status, a new tournament (with a
// levels editor, the API's messages beside the fields they concern), and one
// tournament's page: its clock, field, standings and results, with start,
// pause, resume and cancel.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, query, type FieldErrors, type Page } from '../shared/api.ts';
import { Field } from '../shared/Field.tsx';
import { formatChips, formatDateTime, variantName } from '../shared/format.ts';
import { Link, navigate } from '../shared/router.tsx';
import { Payouts, Standings, TournamentClock } from '../shared/TournamentParts.tsx';
import { clockView, ordinal, startsAtMs, type TournamentDetail, type TournamentSummary } from '../shared/tournament-model.ts';
import { adminApi } from './state.ts';
import {
  addLevel, BLANK_TOURNAMENT, levelErrors, removeLevel, setLevel, TOURNAMENT_VARIANTS, tournamentBody,
  type LevelDraft, type TournamentDraft,
} from './tournament-draft.ts';

type AdminTournament = TournamentSummary & { templateId: string | null; createdAt: string; startedAt: string | null; finishedAt: string | null; processId: string | null };
type AdminDetail = TournamentDetail & { processId: string | null; leaseUntil: string | null; startedAt: string | null; finishedAt: string | null };
type Results = { tournamentId: string; status: string; results: { place: number; playerId: string; name: string; entryNo: number; prize: number | null }[]; prizesPaid: number };

type Command = 'start' | 'pause' | 'resume' | 'cancel';
const COMMAND_LABEL: Record<Command, string> = { start: 'Start', pause: 'Pause', resume: 'Resume', cancel: 'Cancel' };

/** The commands that make sense in a status; the actor refuses the rest with its own message anyway. */
function commandsFor(status: string): Command[] {
  if (status === 'registering') return ['start', 'cancel'];
  if (status === 'running') return ['pause', 'resume', 'cancel'];
  return [];
}

async function runCommand(tournament: { tournamentId: string; name: string }, command: Command): Promise<string> {
  if (command === 'cancel' && !confirm(`Cancel ${tournament.name}? Every entry is refunded.`)) return '';
  await adminApi(`/api/admin/tournaments/${encodeURIComponent(tournament.tournamentId)}/${command}`, { method: 'POST' });
  return { start: 'started', pause: 'paused', resume: 'resumed', cancel: 'cancelled' }[command];
}

const NUMBERS: [keyof TournamentDraft, string, string?][] = [
  ['buyIn', 'Buy-in', 'Wallet money to the prize pool'], ['fee', 'Fee', 'To the house'], ['startingStack', 'Starting stack'],
  ['tableSize', 'Table size'], ['minEntrants', 'Minimum entrants'], ['maxEntrants', 'Maximum entrants', 'A Sit & Go starts when full'],
  ['breakEvery', 'Break every (levels)', '0 for no breaks'], ['breakSeconds', 'Break length (s)'],
];

const LEVEL_CELLS: [keyof LevelDraft, string][] = [['smallBlind', 'Small blind'], ['bigBlind', 'Big blind'], ['ante', 'Ante'], ['seconds', 'Seconds']];

function LevelsEditor({ levels, onChange, fields }: { levels: LevelDraft[]; onChange: (levels: LevelDraft[]) => void; fields: FieldErrors }) {
  const errors = levelErrors(fields);
  return (
    <fieldset class={`levels-editor${errors.all ? ' invalid' : ''}`} aria-describedby={errors.all ? 'levels-error' : undefined}>
      <legend>Levels</legend>
      {errors.all && <p class="field-error" id="levels-error" role="alert">{errors.all}</p>}
      <ol class="levels">
        {levels.map((level, i) => (
          <li key={i} class={errors.rows.has(i) ? 'invalid' : ''}>
            <div role="group" aria-label={`Level ${i + 1}`} class="level-row">
              <span class="level-number">{i + 1}</span>
              {LEVEL_CELLS.map(([key, label]) => (
                <Field key={key} label={label} error={errors.cells.get(`${i}.${key}`)}>
                  {(p) => <input {...p} type="number" inputMode="numeric" value={level[key]} onInput={(e) => onChange(setLevel(levels, i, key, Number(e.currentTarget.value)))} />}
                </Field>
              ))}
              <button type="button" class="quiet" aria-label={`Remove level ${i + 1}`} onClick={() => onChange(removeLevel(levels, i))}>Remove</button>
            </div>
            {errors.rows.has(i) && <p class="field-error" role="alert">{errors.rows.get(i)}</p>}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange(addLevel(levels))}>Add level</button>
    </fieldset>
  );
}

function TournamentForm({ onCreated, onCancel }: { onCreated: (created: TournamentSummary) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<TournamentDraft>(BLANK_TOURNAMENT);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof TournamentDraft>(key: K, value: TournamentDraft[K]): void => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setFields({});
    setError('');
    try {
      onCreated(await adminApi<TournamentSummary>('/api/admin/tournaments', { method: 'POST', body: tournamentBody(draft) }));
    } catch (caught) {
      const failure = caught instanceof ApiError ? caught : new ApiError(0, 'unknown', String(caught));
      setFields(failure.fields);
      setError(Object.keys(failure.fields).length > 0 ? 'Some fields need a change: see the messages beside them.' : failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel form template-form" onSubmit={submit} aria-label="New tournament" noValidate>
      <h2>New tournament</h2>
      <div class="form-grid">
        <Field label="Name" error={fields.name}>{(p) => <input {...p} value={draft.name} onInput={(e) => set('name', e.currentTarget.value)} />}</Field>
        <Field label="Kind" error={fields.kind}>
          {(p) => (
            <select {...p} value={draft.kind} onChange={(e) => set('kind', e.currentTarget.value as 'sng' | 'mtt')}>
              <option value="sng">Sit & Go</option>
              <option value="mtt">Scheduled (MTT)</option>
            </select>
          )}
        </Field>
        <Field label="Game" error={fields.variant}>
          {(p) => (
            <select {...p} value={draft.variant} onChange={(e) => set('variant', e.currentTarget.value)}>
              {TOURNAMENT_VARIANTS.map((code) => <option key={code} value={code}>{variantName(code)}</option>)}
            </select>
          )}
        </Field>
        {draft.kind === 'mtt' && (
          <Field label="Starts at" error={fields.startsAt} hint="Your local time">
            {(p) => <input {...p} type="datetime-local" value={draft.startsAt} onInput={(e) => set('startsAt', e.currentTarget.value)} />}
          </Field>
        )}
        {NUMBERS.map(([key, label, hint]) => (
          <Field key={key} label={label} hint={hint} error={fields[key]}>
            {(p) => <input {...p} type="number" inputMode="numeric" value={draft[key] as number} onInput={(e) => set(key, Number(e.currentTarget.value) as never)} />}
          </Field>
        ))}
        <Field label="Payouts (%)" hint="First place first, e.g. 50, 30, 20; blank for the default" error={fields.payouts ?? Object.entries(fields).find(([f]) => f.startsWith('payouts.'))?.[1]}>
          {(p) => <input {...p} value={draft.payouts} onInput={(e) => set('payouts', e.currentTarget.value)} />}
        </Field>
      </div>
      <LevelsEditor levels={draft.levels} onChange={(levels) => set('levels', levels)} fields={fields} />
      {error && <p class="error" role="alert">{error}</p>}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>Create tournament</button>
        <button type="button" class="quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

function TournamentView({ tournamentId }: { tournamentId: string }) {
  const [detail, setDetail] = useState<AdminDetail | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState('');
  const load = async (): Promise<void> => {
    try {
      const [next, placed] = await Promise.all([
        adminApi<AdminDetail>(`/api/admin/tournaments/${encodeURIComponent(tournamentId)}`),
        adminApi<Results>(`/api/admin/tournaments/${encodeURIComponent(tournamentId)}/results`),
      ]);
      setDetail(next);
      setResults(placed);
    } catch (error) {
      setFailure((error as Error).message);
    }
  };
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 5_000);
    return () => clearInterval(timer);
  }, [tournamentId]);

  const command = async (which: Command): Promise<void> => {
    setFailure('');
    setMessage('');
    try {
      const done = await runCommand({ tournamentId, name: detail?.name ?? tournamentId }, which);
      if (done) setMessage(`${detail?.name ?? 'The tournament'} is ${done}.`);
      await load();
    } catch (error) {
      setFailure((error as Error).message);
    }
  };

  if (!detail) return <section class="panel">{failure ? <p class="error" role="alert">{failure}</p> : <p class="muted" role="status">Loading…</p>}</section>;
  return (
    <section class="panel t-view" aria-label={`Tournament ${detail.name}`}>
      <div class="section-head">
        <h2>{detail.name}<span class="tag">{detail.status}</span></h2>
        <div class="form-actions">
          {commandsFor(detail.status).map((which) => (
            <button key={which} type="button" class={which === 'cancel' ? 'danger' : which === 'start' ? 'primary' : ''} onClick={() => void command(which)}>{COMMAND_LABEL[which]}</button>
          ))}
          <Link href="/admin/tournaments" class="button quiet">Close</Link>
        </div>
      </div>
      {message && <p class="notice" role="status">{message}</p>}
      {failure && <p class="error" role="alert">{failure}</p>}
      <dl class="facts">
        <div><dt>Game</dt><dd>{variantName(detail.variant)}</dd></div>
        <div><dt>Entrants</dt><dd>{`${detail.entrants}/${detail.maxEntrants}`}</dd></div>
        <div><dt>Remaining</dt><dd>{detail.remaining}</dd></div>
        <div><dt>Buy-in</dt><dd>{`${formatChips(detail.buyIn)} + ${formatChips(detail.fee)}`}</dd></div>
        <div><dt>Process</dt><dd class="mono">{detail.processId ?? '—'}</dd></div>
        <div><dt>Source</dt><dd>{detail.source ?? '—'}</dd></div>
      </dl>
      <div class="split">
        <TournamentClock clock={clockView(detail, null)} status={detail.status} />
        <Payouts prizePool={detail.prizePool} payouts={detail.payouts} />
      </div>
      <h3>Standings</h3>
      <Standings standings={detail.standings} playerId={null} tableLink={(tableId) => <Link href={`/admin/tables/${encodeURIComponent(tableId)}`} aria-label={`Watch table ${tableId}`}>Watch</Link>} />
      <h3>Results</h3>
      {results && results.results.length > 0 ? (
        <table class="data" aria-label="Results">
          <thead><tr><th scope="col">Place</th><th scope="col">Player</th><th scope="col" class="num">Entry</th><th scope="col" class="num">Prize</th></tr></thead>
          <tbody>
            {results.results.map((r) => (
              <tr key={`${r.playerId}:${r.entryNo}`}><td>{ordinal(r.place)}</td><th scope="row">{r.name}</th><td class="num">{r.entryNo}</td><td class="num">{r.prize ? formatChips(r.prize) : ''}</td></tr>
            ))}
          </tbody>
          <caption>{`Prizes paid: ${formatChips(results.prizesPaid)}`}</caption>
        </table>
      ) : <p class="muted">No place is decided yet.</p>}
    </section>
  );
}

export function Tournaments({ selected }: { selected: string | null }) {
  const [items, setItems] = useState<AdminTournament[] | null>(null);
  const [status, setStatus] = useState('');
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState('');
  const load = (): void => void adminApi<Page<AdminTournament>>(`/api/admin/tournaments${query({ status, limit: 100 })}`)
    .then((page) => setItems(page.items), (e: Error) => setMessage(e.message));
  useEffect(() => {
    load();
    const timer = setInterval(load, 5_000);
    return () => clearInterval(timer);
  }, [status]);

  const command = async (tournament: AdminTournament, which: Command): Promise<void> => {
    try {
      const done = await runCommand(tournament, which);
      if (done) setMessage(`${tournament.name} is ${done}.`);
      load();
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <main>
      <div class="section-head">
        <h1>Tournaments</h1>
        <div class="form-actions">
          <label>Status
            <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              <option value="">All</option>
              <option value="registering,running">Open and running</option>
              <option value="registering">Registering</option>
              <option value="running">Running</option>
              <option value="finished">Finished</option>
              <option value="cancelled">Cancelled</option>
            </select>
          </label>
          {!creating && <button type="button" class="primary" onClick={() => setCreating(true)}>New tournament</button>}
        </div>
      </div>
      {message && <p class="notice" role="status">{message}</p>}
      {creating && (
        <TournamentForm onCancel={() => setCreating(false)} onCreated={(created) => {
          setCreating(false);
          setMessage(`Created ${created.name}; it is open for registration.`);
          load();
        }} />
      )}
      {selected && <TournamentView key={selected} tournamentId={selected} />}
      <table class="data" aria-label="Tournaments">
        <thead><tr><th scope="col">Name</th><th scope="col">Game</th><th scope="col">Status</th><th scope="col" class="num">Entrants</th><th scope="col">Buy-in</th><th scope="col">Starts</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {(items ?? []).map((t) => {
            const starts = startsAtMs(t);
            return (
              <tr key={t.tournamentId} class={t.tournamentId === selected ? 'selected' : ''}>
                <th scope="row">{t.name}</th>
                <td>{`${variantName(t.variant)} · ${t.kind === 'sng' ? 'Sit & Go' : 'MTT'}`}</td>
                <td>{t.status}</td>
                <td class="num">{`${t.entrants}/${t.maxEntrants}`}</td>
                <td>{`${formatChips(t.buyIn)} + ${formatChips(t.fee)}`}</td>
                <td>{starts !== null ? formatDateTime(new Date(starts).toISOString()) : 'When full'}</td>
                <td class="row-actions">
                  <button type="button" onClick={() => navigate(`/admin/tournaments/${encodeURIComponent(t.tournamentId)}`)} aria-label={`Open ${t.name}`}>Open</button>
                  {commandsFor(t.status).map((which) => (
                    <button key={which} type="button" class={which === 'cancel' ? 'danger' : ''} onClick={() => void command(t, which)} aria-label={`${COMMAND_LABEL[which]} ${t.name}`}>{COMMAND_LABEL[which]}</button>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {items !== null && items.length === 0 && <p class="muted">No tournament yet.</p>}
    </main>
  );
}
