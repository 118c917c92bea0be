// A table: the felt, your actions on your turn, your seat's controls, and
// what just happened. Anyone signed in may watch; `Sit` makes you a player.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Felt } from '../../shared/Felt.tsx';
import { formatChips, variantName } from '../../shared/format.ts';
import { Link, navigate } from '../../shared/router.tsx';
import { refreshMe, sessions, wallet } from '../state.ts';
import { ActionBar } from './ActionBar.tsx';
import { liveFeltModel } from './felt-model.ts';
import { nextScene, withoutFlights, type Scene } from './scene.ts';
import { SeatControls } from './SeatControls.tsx';
import { TableConnection, type RoomError } from './table-connection.ts';

/** How long chips fly (the CSS animation's length, and a little more). */
const FLIGHT_MS = 700;
/** Patch-apply measures kept before the oldest are dropped (a bench reads them as they come, through a PerformanceObserver). */
const MEASURES_KEPT = 2_000;
const TOAST_MS = 6_000;

type Toast = { id: number; text: string; seat?: number };
let toastIds = 0;
let measures = 0;

const STATUS_TEXT: Record<string, string> = {
  connecting: 'Connecting…', reconnecting: 'Connection lost, reconnecting…', closed: 'Disconnected', refused: 'Not allowed',
};

export function TablePage({ tableId }: { tableId: string }) {
  const session = sessions.session.value;
  const playerId = session?.user.id ?? null;
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [scene, setScene] = useState<Scene | null>(null);
  const [chosenSeat, setChosenSeat] = useState<number | null>(null);
  const sceneRef = useRef<Scene | null>(null);

  const toast = (text: string, seat?: number): void => {
    const id = ++toastIds;
    setToasts((list) => [...list, { id, text, seat }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), TOAST_MS);
  };

  const connection = useMemo(() => new TableConnection(tableId, session?.token ?? '', {
    onError: (error: RoomError) => toast(error.message),
    onSeatOffered: (offer) => toast(`Seat ${offer.seat + 1} is free for you.`, offer.seat),
    onMoved: (move) => navigate(`/table/${encodeURIComponent(move.tableId)}`, true),
  }), [tableId, session?.token]);

  useEffect(() => {
    sceneRef.current = null;
    setScene(null);
    const off = connection.view.subscribe((view) => {
      if (!view) return;
      const next = nextScene(sceneRef.current, view, Date.now());
      const added = next.flights.filter((flight) => !sceneRef.current?.flights.some((f) => f.id === flight.id));
      sceneRef.current = next;
      setScene(next);
      if (added.length > 0) {
        const landed = new Set(added.map((flight) => flight.id));
        setTimeout(() => {
          if (!sceneRef.current) return;
          sceneRef.current = withoutFlights(sceneRef.current, landed);
          setScene(sceneRef.current);
        }, FLIGHT_MS);
      }
    });
    connection.start();
    return () => {
      off();
      connection.stop();
    };
  }, [connection]);

  // The patch is applied once the DOM shows it: that is the figure the bench measures.
  useLayoutEffect(() => {
    const started = connection.patchStartedAt;
    if (started === null) return;
    connection.patchStartedAt = null;
    performance.measure('felt.patch', { start: started, end: performance.now() });
    if (++measures >= MEASURES_KEPT) {
      measures = 0;
      performance.clearMeasures('felt.patch');
    }
  }, [scene]);

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
          {view && <p class="table-sub">{`${variantName(view.variant)} · ${formatChips(view.smallBlind)}/${formatChips(view.bigBlind)}${view.ante ? ` · ante ${formatChips(view.ante)}` : ''} · hand #${view.handNumber}`}</p>}
        </div>
        <div class="table-head-side">
          {status !== 'live' && <span class={`connection ${status}`} role="status">{STATUS_TEXT[status]}</span>}
          <Link href="/" class="button quiet">Lobby</Link>
        </div>
      </header>
      {connection.problem.value && status !== 'live' && <p class="warning" role="alert">{connection.problem.value}</p>}
      {view && model ? (
        <div class="table-layout">
          <div class="table-stage">
            <Felt model={model} flights={scene!.flights} onEmptySeat={!mine && !view.tournamentId ? (seat) => setChosenSeat(seat) : undefined} />
            {mine && <ActionBar view={view} seat={mine} send={send} />}
            <SeatControls view={view} mine={mine} playerId={playerId} balance={wallet.value} send={send} chosenSeat={chosenSeat} onChooseSeat={setChosenSeat} />
          </div>
          <aside class="table-side" aria-label="Hand log">
            <h2>What happened</h2>
            <div role="log" aria-live="polite" aria-label="What happened">
              <ol class="hand-log">
                {scene!.log.map((entry) => <li key={entry.id} class={`log-${entry.kind}`}>{entry.text}</li>)}
              </ol>
            </div>
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
