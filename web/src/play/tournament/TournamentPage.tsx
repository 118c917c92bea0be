// One tournament for a player: its clock, field, prize pool, payouts,
// standings (their own row marked) and tables; register / unregister with
// the API's refusal shown; the live room followed, so the start and every
// move take a player in it to their table, and the end shows their result.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../shared/api.ts';
import { formatChips, formatDateTime, variantName } from '../../shared/format.ts';
import { Link } from '../../shared/router.tsx';
import { Payouts, Standings, TournamentClock } from '../../shared/TournamentParts.tsx';
import {
  clockView, isEntered, myTable, resultText, startsAtMs, TOURNAMENT_STATUS, type TournamentDetail,
} from '../../shared/tournament-model.ts';
import { refreshMe, sessions, token } from '../state.ts';
import { follow, release, type TournamentFollow } from './tournament-follow.ts';

const REFRESH_MS = 5_000;

/** The follow of a tournament for as long as the component shows it. */
export function useFollow(tournamentId: string | null): TournamentFollow | null {
  const [current, setCurrent] = useState<TournamentFollow | null>(null);
  useEffect(() => {
    if (!tournamentId) return;
    const followed = follow(tournamentId);
    setCurrent(followed);
    return () => {
      release(followed);
      setCurrent(null);
    };
  }, [tournamentId]);
  return current;
}

export function TournamentResult({ followed }: { followed: TournamentFollow }) {
  const out = followed.eliminated.value;
  const finished = followed.finished.value;
  const playerId = sessions.session.value?.user.id ?? null;
  const mine = finished?.find((s) => s.playerId === playerId);
  const place = out?.place ?? mine?.place ?? null;
  const prize = out?.prize ?? mine?.prize ?? 0;
  if (place === null && !finished) return null;
  return (
    <div class="t-result panel" role="alert" aria-label="Your result">
      {place !== null && <p class="t-result-line">{resultText(place, prize ?? 0, formatChips)}</p>}
      {finished && <p>The tournament is over{finished[0] ? `: ${finished.find((s) => s.place === 1)?.name ?? finished[0].name} wins.` : '.'}</p>}
      {place === null && !finished && <p>You are out.</p>}
    </div>
  );
}

export function TournamentPage({ tournamentId }: { tournamentId: string }) {
  const playerId = sessions.session.value?.user.id ?? null;
  const [detail, setDetail] = useState<TournamentDetail | null>(null);
  const [problem, setProblem] = useState('');
  const [notice, setNotice] = useState('');
  const [refused, setRefused] = useState('');
  const [busy, setBusy] = useState(false);
  const followed = useFollow(tournamentId);

  const load = async (): Promise<void> => {
    try {
      const next = await api<TournamentDetail>(`/api/tournaments/${encodeURIComponent(tournamentId)}`);
      setDetail(next);
      setProblem('');
      if (followed && isEntered(next, playerId) && next.status !== TOURNAMENT_STATUS.finished && next.status !== TOURNAMENT_STATUS.cancelled) followed.playing = true;
    } catch (error) {
      setProblem(error instanceof ApiError && error.status === 404 ? 'There is no such tournament.' : (error as Error).message);
    }
  };

  const live = followed?.state.value ?? null;
  const liveKey = live ? `${live.status}:${live.entrants}:${live.remaining}:${live.level}:${live.onBreak}` : '';
  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, REFRESH_MS);
    return () => clearInterval(timer);
    // The live room's changes (a player in, out, a new level) read the detail again at once.
  }, [tournamentId, followed, liveKey]);

  const command = async (action: 'register' | 'unregister'): Promise<void> => {
    setBusy(true);
    setNotice('');
    setRefused('');
    try {
      await api(`/api/tournaments/${encodeURIComponent(tournamentId)}/${action}`, { method: 'POST', token: token() });
      setNotice(action === 'register' ? 'You are registered. Your table opens here when the tournament starts.' : 'You are no longer registered; your buy-in and fee are back in your wallet.');
      if (followed) followed.playing = action === 'register';
      void refreshMe();
      await load();
    } catch (error) {
      setRefused((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (!detail) {
    return (
      <main class="tournament-page">
        {problem ? <p class="error" role="alert">{problem}</p> : <p class="muted" role="status">Loading the tournament…</p>}
        <p><Link href="/?tab=tournaments">Back to the tournaments</Link></p>
      </main>
    );
  }

  const entered = isEntered(detail, playerId);
  const clock = clockView(detail, live);
  const starts = startsAtMs(detail);
  const seatTable = followed?.seat.value?.tableId ?? myTable(detail, playerId);
  const status = live?.status || detail.status;
  return (
    <main class="tournament-page">
      <header class="t-head">
        <div>
          <h1>{detail.name}</h1>
          <p class="table-sub">
            {`${variantName(detail.variant)} · ${detail.kind === 'sng' ? 'Sit & Go' : 'Scheduled'} · buy-in ${formatChips(detail.buyIn)} + ${formatChips(detail.fee)} · ${formatChips(detail.startingStack)} chips · ${detail.tableSize} a table`}
            {starts !== null && ` · starts ${formatDateTime(new Date(starts).toISOString())}`}
          </p>
        </div>
        <div class="table-head-side">
          <span class={`t-status ${status}`} aria-label="Status">{status}</span>
          <Link href="/?tab=tournaments" class="button quiet">Tournaments</Link>
        </div>
      </header>
      {problem && <p class="error" role="alert">{problem}</p>}
      {notice && <p class="notice" role="status">{notice}</p>}
      {refused && <p class="error" role="alert">{refused}</p>}
      {followed && <TournamentResult followed={followed} />}
      <div class="t-actions">
        {detail.status === TOURNAMENT_STATUS.registering && !entered && (
          <button type="button" class="primary" disabled={busy} onClick={() => void command('register')}>Register</button>
        )}
        {detail.status === TOURNAMENT_STATUS.registering && entered && (
          <button type="button" disabled={busy} onClick={() => void command('unregister')}>Unregister</button>
        )}
        {seatTable && <Link href={`/table/${encodeURIComponent(seatTable)}`} class="button primary">Go to your table</Link>}
        {entered && detail.status === TOURNAMENT_STATUS.registering && <span class="muted">{`You are in. ${detail.kind === 'sng' ? `It starts when ${detail.maxEntrants} have registered.` : 'It starts at the time shown.'}`}</span>}
      </div>
      <div class="t-grid">
        <TournamentClock clock={clock} status={status} />
        <section class="panel t-field" aria-label="Field">
          <dl class="facts">
            <div><dt>Entrants</dt><dd>{`${live?.entrants || detail.entrants}/${detail.maxEntrants}`}</dd></div>
            <div><dt>Remaining</dt><dd>{live?.remaining || detail.remaining}</dd></div>
            <div><dt>Minimum</dt><dd>{detail.minEntrants}</dd></div>
          </dl>
        </section>
        <Payouts prizePool={live?.prizePool || detail.prizePool} payouts={detail.payouts} />
      </div>
      <section aria-labelledby="standings-heading">
        <h2 id="standings-heading">Standings</h2>
        <Standings standings={detail.standings} playerId={playerId}
          tableLink={(tableId) => <Link href={`/table/${encodeURIComponent(tableId)}`} aria-label={`Watch table ${tableId}`}>Watch</Link>} />
      </section>
      {detail.tables.length > 0 && (
        <section aria-labelledby="tables-heading">
          <h2 id="tables-heading">Tables</h2>
          <ul class="table-list" aria-label="Tournament tables">
            {detail.tables.map((table, i) => (
              <li key={table.tableId} class="table-row">
                <div class="table-main"><span class="table-name">{`Table ${i + 1}`}</span></div>
                <div class="table-meta">{table.seated !== null && <span>{`${table.seated} seated`}</span>}</div>
                <Link class="button" href={`/table/${encodeURIComponent(table.tableId)}`} aria-label={`Watch table ${i + 1}`}>Watch</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
