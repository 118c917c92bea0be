// What the tournament pages of both apps show alike: the clock (level,
// blinds, the countdown, the next level and break), the prize pool and
// payouts, and the standings with the viewer's own row marked.
import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatChips } from './format.ts';
import { blindsText, formatCountdown, ordinal, standingRows, type ClockView, type Standing } from './tournament-model.ts';

/** The time now, again every `ms`. */
export function useNow(ms = 1_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function TournamentClock({ clock, status }: { clock: ClockView | null; status: string }) {
  const now = useNow();
  if (!clock) return <section class="t-clock panel" aria-label="Clock"><p class="muted">{status === 'finished' || status === 'cancelled' ? 'No level is in play.' : 'The clock starts with the tournament.'}</p></section>;
  const left = clock.endsAt ? formatCountdown(clock.endsAt - now) : null;
  return (
    <section class="t-clock panel" aria-label="Clock">
      <div class="t-level">
        <span class="t-level-number">{clock.onBreak ? 'Break' : `Level ${clock.level}`}</span>
        <span class="t-blinds" aria-label="Blinds">{blindsText(clock, formatChips)}</span>
      </div>
      {left !== null && !clock.paused && (
        <div class="t-countdown" role="timer" aria-label={clock.onBreak ? `Break ends in ${left}` : `Level ends in ${left}`}>{left}</div>
      )}
      {clock.paused && <div class="t-countdown muted" role="status">Paused</div>}
      {left === null && !clock.paused && status === 'running' && <div class="t-countdown muted">—</div>}
      <dl class="t-next">
        {clock.next && <><dt>Next level</dt><dd>{blindsText(clock.next, formatChips)}</dd></>}
        {clock.levelsToBreak !== null && <><dt>Next break</dt><dd>{clock.levelsToBreak === 1 ? 'After this level' : `In ${clock.levelsToBreak} levels`}</dd></>}
      </dl>
    </section>
  );
}

export function Payouts({ prizePool, payouts }: { prizePool: number; payouts: readonly { place: number; amount: number }[] }) {
  return (
    <section class="panel t-payouts" aria-labelledby="payouts-heading">
      <h2 id="payouts-heading">Prize pool {formatChips(prizePool)}</h2>
      {payouts.length === 0
        ? <p class="muted">Payouts are set once players have entered.</p>
        : (
          <ol class="t-payout-list" aria-label="Payouts">
            {payouts.map((p) => <li key={p.place}><span>{ordinal(p.place)}</span><span>{formatChips(p.amount)}</span></li>)}
          </ol>
        )}
    </section>
  );
}

export function Standings({ standings, playerId, tableLink }: { standings: readonly Standing[]; playerId: string | null; tableLink?: (tableId: string) => ComponentChild }) {
  const rows = standingRows(standings, playerId);
  if (rows.length === 0) return <p class="muted">Nobody has entered yet.</p>;
  return (
    <table class="data t-standings" aria-label="Standings">
      <thead><tr><th scope="col" class="num">#</th><th scope="col">Player</th><th scope="col" class="num">Chips</th><th scope="col">Table</th><th scope="col" class="num">Prize</th></tr></thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.playerId} class={[row.isMe ? 'me' : '', row.out ? 'out' : ''].filter(Boolean).join(' ')} aria-current={row.isMe ? 'true' : undefined}>
            <td class="num">{row.out ? ordinal(row.rank) : row.rank}</td>
            <th scope="row">{row.name}{row.isMe && <span class="tag">you</span>}</th>
            <td class="num">{row.out ? 'Out' : row.stack === null ? '—' : formatChips(row.stack)}</td>
            <td>{row.tableId ? (tableLink ? tableLink(row.tableId) : row.tableId) : ''}</td>
            <td class="num">{row.prize ? formatChips(row.prize) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
