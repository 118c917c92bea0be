// A table: the felt, your actions on your turn, your seat's controls, and
// what just happened. Anyone signed in may watch; `Sit` makes you a player.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Felt } from '../../shared/Felt.tsx';
import { formatChips, variantName } from '../../shared/format.ts';
import { Link, navigate } from '../../shared/router.tsx';
import { liveFeltModel } from '../../shared/felt-model.ts';
import { TableConnection, type RoomError } from '../../shared/table-connection.ts';
import { useTableScene } from '../../shared/use-table-scene.ts';
import { pure } from '../../shared/pure.ts';
import type { LogEntry } from '../../shared/scene.ts';
import { refreshMe, sdk, sessions, wallet } from '../state.ts';
import { rotationText, stakesText } from '../../shared/table-notes.ts';
import { phaseName } from '../../shared/table-events.ts';
import { blindsText, clockView, formatCountdown } from '../../shared/tournament-model.ts';
import { useNow } from '../../shared/TournamentParts.tsx';
import { TournamentResult, useFollow } from '../tournament/TournamentPage.tsx';
import { ActionBar } from './ActionBar.tsx';
import { SeatControls } from './SeatControls.tsx';

const TOAST_MS = 6_000;

type Toast = { id: number; text: string; seat?: number };
let toastIds = 0;

/** What happened, newest first; drawn again only when a line is added. */
const HandLog = pure(({ entries }: { entries: readonly LogEntry[] }) => (
  <div role="log" aria-live="polite" aria-label="What happened">
    <ol class="hand-log">
      {entries.map((entry) => <li key={entry.id} class={`log-${entry.kind}`}>{entry.text}</li>)}
    </ol>
  </div>
), (a, b) => a.entries === b.entries);

const STATUS_TEXT: Record<string, string> = {
  connecting: 'Connecting…', reconnecting: 'Connection lost, reconnecting…', closed: 'Disconnected', refused: 'Not allowed',
};

/** At a tournament table: the tournament's level and clock, a way to its page, and the player's result once out. */
function TournamentBar({ tournamentId }: { tournamentId: string }) {
  const followed = useFollow(tournamentId);
  const now = useNow();
  const live = followed?.state.value ?? null;
  const over = live?.status === 'finished' || live?.status === 'cancelled';
  const clock = over ? null : clockView(null, live);
  return (
    <div class="t-bar" role="region" aria-label="Tournament">
      <span class="t-bar-name">{live?.name || 'Tournament'}</span>
      {clock && <span class="t-bar-level">{clock.onBreak ? 'On a break' : `Level ${clock.level} · ${blindsText(clock, formatChips)}`}</span>}
      {clock?.paused && <span class="t-bar-clock" role="status">Paused</span>}
      {clock?.endsAt && !clock.paused && <span class="t-bar-clock" role="timer" aria-label={`${clock.onBreak ? 'Break' : 'Level'} ends in ${formatCountdown(clock.endsAt - now)}`}>{formatCountdown(clock.endsAt - now)}</span>}
      {live && <span class="t-bar-field">{`${live.remaining} of ${live.entrants} left`}</span>}
      <Link href={`/tournament/${encodeURIComponent(tournamentId)}`}>Standings</Link>
      {followed && <TournamentResult followed={followed} />}
    </div>
  );
}

export function TablePage({ tableId }: { tableId: string }) {
  const session = sessions.session.value;
  const playerId = session?.user.id ?? null;
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [chosenSeat, setChosenSeat] = useState<number | null>(null);

  const toast = (text: string, seat?: number): void => {
    const id = ++toastIds;
    setToasts((list) => [...list, { id, text, seat }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), TOAST_MS);
  };

  const connection = useMemo(() => new TableConnection(sdk, tableId, session?.token ?? '', {
    onError: (error: RoomError) => toast(error.message),
    // From a template's shared waiting list the seat may be at another of its tables: go there to take it.
    onSeatOffered: (offer) => (offer.tableId && offer.tableId !== tableId
      ? navigate(`/table/${encodeURIComponent(offer.tableId)}`, true)
      : toast(`Seat ${offer.seat + 1} is free for you.`, offer.seat)),
    onMoved: (move) => navigate(`/table/${encodeURIComponent(move.tableId)}`, true),
  }), [tableId, session?.token]);

  const scene = useTableScene(connection);

  const view = scene?.view ?? null;
  const mine = view && playerId ? (view.seats.find((seat) => seat?.playerId === playerId) ?? null) : null;
  const seatedNow = Boolean(mine);
  // The wallet changes when a buy-in or a cash-out moves chips.
  useEffect(() => void refreshMe(), [seatedNow]);

  const status = connection.status.value;
  const send = (type: string, payload: unknown = {}): void => connection.send(type, payload);
  const model = useMemo(() => view && liveFeltModel(view, { playerId, contenders: scene!.contenders, winners: scene!.winners, clock: scene!.clock }), [scene, playerId]);

  return (
    <main class="table-page">
      <header class="table-head">
        <div>
          <h1>{view?.name ?? 'Table'}</h1>
          {view && <p class="table-sub">{`${variantName(view.variant)} · ${stakesText(view, formatChips)} · hand #${view.handNumber}${view.phase !== 'waiting' ? ` · ${phaseName(view.phase)}` : ''}`}</p>}
        </div>
        <div class="table-head-side">
          {status !== 'live' && <span class={`connection ${status}`} role="status">{STATUS_TEXT[status]}</span>}
          <Link href="/" class="button quiet">Lobby</Link>
        </div>
      </header>
      {connection.problem.value && status !== 'live' && (
        <p class="warning" role="alert">{view?.tournamentId && status === 'closed' ? 'This tournament table has closed.' : connection.problem.value}</p>
      )}
      {view?.tournamentId && <TournamentBar tournamentId={view.tournamentId} />}
      {view && rotationText(view) && <p class="rotation-banner" role="status" aria-label="Rotation">{rotationText(view)}</p>}
      {view && model ? (
        <div class="table-layout">
          <div class="table-stage">
            <Felt model={model} flights={scene!.flights} onEmptySeat={!mine && !view.tournamentId ? (seat) => setChosenSeat(seat) : undefined} />
            {mine && <ActionBar view={view} seat={mine} send={send} />}
            <SeatControls view={view} mine={mine} playerId={playerId} balance={wallet.value} send={send} chosenSeat={chosenSeat} onChooseSeat={setChosenSeat} />
          </div>
          <aside class="table-side" aria-label="Hand log">
            <h2>What happened</h2>
            <HandLog entries={scene!.log} />
          </aside>
        </div>
      ) : (
        status !== 'closed' && status !== 'refused' && <p class="muted" role="status">Joining the table…</p>
      )}
      <div class="toasts" aria-live="assertive">
        {toasts.map((t) => (
          <div key={t.id} class="toast" role="alert">
            {t.text}
            {t.seat !== undefined && <button type="button" onClick={() => setChosenSeat(t.seat ?? null)}>Take it</button>}
          </div>
        ))}
      </div>
    </main>
  );
}
