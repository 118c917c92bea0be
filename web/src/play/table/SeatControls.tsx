// Taking and keeping a seat: sit (with a buy-in), the waiting list when the
// table is full, and once seated leave, sit out / sit in and top up.
// Where the table offers it, the straddle toggle. Tournament tables seat
// players themselves: none of this shows there.
import { useState } from 'preact/hooks';
import { formatChips } from '../../shared/format.ts';
import type { SeatView, TableView } from '../../shared/table-view.ts';

type Send = (type: string, payload?: unknown) => void;

function AmountForm({ title, label, min, max, initial, submit, submitLabel, onCancel }: {
  title: string; label: string; min: number; max: number; initial: number; submitLabel: string;
  submit: (amount: number) => void; onCancel: () => void;
}) {
  const [amount, setAmount] = useState(initial);
  const onSubmit = (event: Event): void => {
    event.preventDefault();
    submit(Math.floor(amount));
  };
  return (
    <div class="amount-form panel" role="dialog" aria-label={title}><form class="form" onSubmit={onSubmit}>
      <h2>{title}</h2>
      <label>{label}
        <input type="number" min={min} max={max} step={1} value={amount} required onInput={(e) => setAmount(Number(e.currentTarget.value))} />
      </label>
      {max > min && <input type="range" aria-label={`${label} slider`} min={min} max={max} step={1} value={amount} onInput={(e) => setAmount(Number(e.currentTarget.value))} />}
      <p class="hint">{`Between ${formatChips(min)} and ${formatChips(max)}.`}</p>
      <div class="form-actions">
        <button type="submit" class="primary">{submitLabel}</button>
        <button type="button" class="quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form></div>
  );
}

/** A vote for the next hand to be a bomb pot, where the table puts it to the vote; the state counts the votes, not whose. */
function BombPotVote({ view, send }: { view: TableView; send: Send }) {
  const [voted, setVoted] = useState<number | null>(null);
  // A vote is for the next hand: one hand later it is spent.
  const standing = voted === view.handNumber;
  const vote = (on: boolean): void => {
    send('bombPot', { vote: on });
    setVoted(on ? view.handNumber : null);
  };
  return (
    <span class="bomb-vote">
      {standing
        ? <button type="button" aria-pressed="true" onClick={() => vote(false)}>Withdraw bomb pot vote</button>
        : <button type="button" onClick={() => vote(true)}>Vote for a bomb pot</button>}
      <span class="muted">{`${view.bombPotVotes} vote${view.bombPotVotes === 1 ? '' : 's'}`}</span>
    </span>
  );
}

export type SeatControlsProps = {
  view: TableView;
  mine: SeatView | null;
  playerId: string | null;
  balance: number | null;
  send: Send;
  /** A seat chosen on the felt (or offered from the waiting list); null when none. */
  chosenSeat: number | null;
  onChooseSeat: (seat: number | null) => void;
};

export function SeatControls({ view, mine, playerId, balance, send, chosenSeat, onChooseSeat }: SeatControlsProps) {
  const [form, setForm] = useState<'none' | 'topUp'>('none');
  if (view.tournamentId) {
    // The tournament seats, moves and pays; a player may only be away (still dealt in, folded on the clock) or back.
    return (
      <div class="seat-controls" role="group" aria-label="Seat">
        {mine && (mine.status === 'sittingOut'
          ? <button type="button" class="primary" onClick={() => send('sitIn')}>Sit in</button>
          : <button type="button" onClick={() => send('sitOut')}>Sit out</button>)}
        <span class="muted table-note">Tournament table: the tournament seats and moves its players.</span>
      </div>
    );
  }

  if (!mine) {
    const free = view.seats.filter((seat) => !seat).length;
    const waiting = playerId ? view.waiting.includes(playerId) : false;
    const affordable = Math.min(view.maxBuyIn, balance ?? view.maxBuyIn);
    if (chosenSeat !== null) {
      return (
        <AmountForm title={chosenSeat >= 0 ? `Buy in at seat ${chosenSeat + 1}` : "Buy in"} label="Buy-in" min={view.minBuyIn} max={Math.max(view.minBuyIn, affordable)}
          initial={Math.max(view.minBuyIn, Math.min(affordable, view.maxBuyIn))} submitLabel="Buy in"
          submit={(buyIn) => { send('sit', chosenSeat >= 0 ? { seat: chosenSeat, buyIn } : { buyIn }); onChooseSeat(null); }}
          onCancel={() => onChooseSeat(null)} />
      );
    }
    return (
      <div class="seat-controls" role="group" aria-label="Seat">
        {free > 0 && <button type="button" class="primary" onClick={() => onChooseSeat(-1)}>Sit</button>}
        {free === 0 && !waiting && <button type="button" onClick={() => send('waitlist', { join: true })}>Join waiting list</button>}
        {waiting && <button type="button" onClick={() => send('waitlist', { join: false })}>Leave waiting list</button>}
        {waiting && <span class="muted">{`You are number ${view.waiting.indexOf(playerId ?? '') + 1} on the waiting list.`}</span>}
        {free > 0 && balance !== null && balance < view.minBuyIn && <span class="warning">{`Your wallet (${formatChips(balance)}) is below the minimum buy-in.`}</span>}
        <span class="muted">{`Watching · buy-in ${formatChips(view.minBuyIn)}–${formatChips(view.maxBuyIn)}`}</span>
      </div>
    );
  }

  if (form === 'topUp') {
    const room = Math.max(1, view.maxBuyIn - mine.stack);
    return (
      <AmountForm title="Top up" label="Chips to add" min={1} max={Math.max(1, Math.min(room, balance ?? room))} initial={Math.max(1, Math.min(room, balance ?? room))}
        submitLabel="Add chips" submit={(amount) => { send('topUp', { amount }); setForm('none'); }} onCancel={() => setForm('none')} />
    );
  }
  const sittingOut = mine.status === 'sittingOut';
  return (
    <div class="seat-controls" role="group" aria-label="Seat">
      {view.bombPotVote && <BombPotVote view={view} send={send} />}
      {view.straddleOffered && (
        <label class="check straddle-toggle">
          <input type="checkbox" checked={mine.straddle} onChange={(e) => send('straddle', { on: e.currentTarget.checked })} />
          Straddle
        </label>
      )}
      <button type="button" onClick={() => send('leave')}>Leave</button>
      {sittingOut
        ? <button type="button" class="primary" onClick={() => send('sitIn')}>Sit in</button>
        : <button type="button" onClick={() => send('sitOut')}>Sit out</button>}
      <button type="button" onClick={() => setForm('topUp')}>Top up</button>
    </div>
  );
}
