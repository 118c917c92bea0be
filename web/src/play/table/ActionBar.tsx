// The player's actions on their turn, exactly those `Seat.legal` offers:
// fold, check, call (with the amount), bet or raise (a slider, a field and
// presets: minimum, half pot, pot, maximum) and all in; stud's bring-in; the
// draw for draw games; the run-it-twice question when all in.
import { useEffect, useState } from 'preact/hooks';
import { Card } from '../../shared/Card.tsx';
import { toggleDiscard } from '../../shared/draw-choice.ts';
import { formatChips, secondsLeft } from '../../shared/format.ts';
import { hasTurn, totalPot, type SeatView, type TableView } from '../../shared/table-view.ts';

type Send = (type: string, payload?: unknown) => void;

function clamp(amount: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.floor(amount)));
}

/** Raise-to amounts for the presets: the share of the pot the raise adds after calling. Sizing only; the server checks the amount. */
function potShare(view: TableView, seat: SeatView, share: number): number {
  const call = seat.legal?.callAmount ?? 0;
  return seat.bet + call + share * (totalPot(view) + call);
}

function DrawSelector({ seat, send }: { seat: SeatView; send: Send }) {
  const [discard, setDiscard] = useState<string[]>([]);
  const most = seat.legal?.maxDiscards ?? seat.cards.length;
  const toggle = (card: string): void => setDiscard((chosen) => toggleDiscard(chosen, card, most));
  const chosen = discard.length === 0 ? 'No card chosen: you keep your hand.' : `${discard.length} of at most ${most} to discard.`;
  return (
    <div class="action-bar draw" role="group" aria-label="Your draw">
      <p class="draw-help">{`Click the cards to discard, up to ${most}.`}</p>
      <div class="draw-cards">
        {seat.cards.map((card) => <Card key={card} card={card} selected={discard.includes(card)} onToggle={() => toggle(card)} />)}
      </div>
      <p class="draw-count" role="status">{chosen}</p>
      <button type="button" class="primary" onClick={() => send('draw', { discard })}>
        {discard.length === 0 ? 'Stand pat' : 'Draw'}
      </button>
    </div>
  );
}

/** All in with no betting left and asked whether to run the board twice; no answer in time is no. */
function RunItTwicePrompt({ send, until }: { send: Send; until: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [until]);
  const seconds = until ? secondsLeft(until, now) : 0;
  return (
    <div class="action-bar run-it-twice" role="group" aria-label="Run it twice?">
      <p class="draw-help">{`Everyone is all in. Run the rest of the board twice, half the pot on each? It runs twice only if everyone agrees${seconds > 0 ? ` (${seconds}s to answer)` : ''}.`}</p>
      <div class="action-buttons">
        <button type="button" class="act primary" onClick={() => send('runItTwice', { agree: true })}>Run it twice</button>
        <button type="button" class="act" onClick={() => send('runItTwice', { agree: false })}>Run once</button>
      </div>
    </div>
  );
}

export function ActionBar({ view, seat, send }: { view: TableView; seat: SeatView; send: Send }) {
  const legal = seat.legal;
  const canRaise = Boolean(legal && legal.minRaiseTo > 0 && legal.maxRaiseTo >= legal.minRaiseTo);
  const [amount, setAmount] = useState(legal?.minRaiseTo ?? 0);
  // A new decision starts at the minimum raise.
  useEffect(() => setAmount(legal?.minRaiseTo ?? 0), [view.handNumber, view.phase, legal?.minRaiseTo, legal?.maxRaiseTo]);
  if (!hasTurn(legal)) return null;
  if (legal.runItTwice) return <RunItTwicePrompt send={send} until={view.runItTwiceAsk} />;
  if (legal.draw) return <DrawSelector key={`${view.handNumber}:${view.phase}`} seat={seat} send={send} />;

  // Completing a bring-in is a raise (PROTOCOL.md, "Games").
  const opening = !legal.bringIn && view.seats.every((other) => !other || other.bet === 0);
  const verb = legal.bringIn ? 'Complete to' : opening ? 'Bet' : 'Raise to';
  const allInTo = seat.stack + seat.bet;
  const raiseTo = clamp(amount, legal.minRaiseTo, legal.maxRaiseTo);
  const fixed = legal.minRaiseTo === legal.maxRaiseTo;
  const noLimitAllIn = canRaise && legal.maxRaiseTo === allInTo;
  const presets: [string, string, number][] = [
    ['Min', 'Minimum', legal.minRaiseTo],
    ['½ Pot', 'Half pot', potShare(view, seat, 0.5)],
    ['Pot', 'Pot', potShare(view, seat, 1)],
  ];
  if (!noLimitAllIn) presets.push(['Max', 'Maximum', legal.maxRaiseTo]);
  const raise = (): void => send('act', { action: opening ? 'bet' : 'raise', amount: raiseTo });

  return (
    <div class="action-bar" role="group" aria-label="Your action">
      {legal.bringIn && (
        <p class="draw-help">{`The bring-in is yours: bring it in${legal.bringInAmount ? ` for ${formatChips(legal.bringInAmount)}` : ''}${canRaise ? `, or complete to ${formatChips(legal.minRaiseTo)}` : ''}.`}</p>
      )}
      <div class="action-buttons">
        {legal.fold && <button type="button" class="act fold" onClick={() => send('act', { action: 'fold' })}>Fold</button>}
        {legal.bringIn && <button type="button" class="act bring-in" onClick={() => send('act', { action: 'bringIn' })}>Bring in</button>}
        {legal.check && <button type="button" class="act check" onClick={() => send('act', { action: 'check' })}>Check</button>}
        {legal.call && (
          <button type="button" class="act call" onClick={() => send('act', { action: 'call' })}>
            {legal.callAmount >= seat.stack ? `Call ${formatChips(legal.callAmount)} (all in)` : `Call ${formatChips(legal.callAmount)}`}
          </button>
        )}
        {canRaise && <button type="button" class="act raise" onClick={raise}>{`${verb} ${formatChips(raiseTo)}`}</button>}
        {noLimitAllIn && <button type="button" class="act allin" onClick={() => send('act', { action: 'allin' })}>All in</button>}
      </div>
      {canRaise && !fixed && (
        <div class="sizing">
          <div class="presets" role="group" aria-label="Bet size">
            {presets.map(([label, name, value]) => (
              <button key={label} type="button" class="preset" aria-label={name} onClick={() => setAmount(clamp(value, legal.minRaiseTo, legal.maxRaiseTo))}>{label}</button>
            ))}
          </div>
          <input type="range" aria-label={opening ? 'Bet amount' : 'Raise amount'} min={legal.minRaiseTo} max={legal.maxRaiseTo} step={1} value={raiseTo}
            onInput={(e) => setAmount(Number(e.currentTarget.value))} />
          <input type="number" class="amount" aria-label={opening ? 'Bet amount in chips' : 'Raise to, in chips'} min={legal.minRaiseTo} max={legal.maxRaiseTo} value={raiseTo}
            onChange={(e) => setAmount(Number(e.currentTarget.value))} onKeyDown={(e) => { if (e.key === 'Enter') raise(); }} />
        </div>
      )}
    </div>
  );
}
