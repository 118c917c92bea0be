// The felt: every seat around an oval, the board, the pots, the button, the
// action clock and chips in flight. It draws a plain model, so the live table
// (player or watcher), the admin's watch view and the hand replayer share it.
import { useEffect, useState } from 'preact/hooks';
import { Card, Cards } from './Card.tsx';
import { formatChips } from './format.ts';
import type { FeltClock, FeltFlight, FeltModel, FeltSeat } from './felt-types.ts';
import { pure, sameList } from './pure.ts';

export type { FeltClock, FeltFlight, FeltModel, FeltSeat } from './felt-types.ts';

type Point = { x: number; y: number };

/** Where a seat sits, in percent of the felt, with the seat drawn at the bottom first. */
function seatPoint(seat: number, model: FeltModel, radius: Point, shift = 0): Point {
  const offset = model.bottomSeat >= 0 ? model.bottomSeat : 0;
  const position = (seat - offset + model.maxSeats) % model.maxSeats;
  const angle = Math.PI / 2 + (position * 2 * Math.PI) / model.maxSeats + shift;
  return { x: 50 + radius.x * Math.cos(angle), y: 50 + radius.y * Math.sin(angle) };
}

const SEAT_RADIUS = { x: 43, y: 41 };
const BET_RADIUS = { x: 28, y: 25 };
const BUTTON_RADIUS = { x: 31, y: 29 };
/** The button sits a little clockwise of its seat's bet, so the two never overlap. */
const BUTTON_SHIFT = 0.3;
const POT_POINT = { x: 50, y: 60 };

const STATUS_LABEL: Record<string, string> = { folded: 'Folded', allin: 'All in', sittingOut: 'Sitting out', disconnected: 'Away' };
const ACTION_LABEL: Record<string, string> = {
  fold: 'Fold', check: 'Check', call: 'Call', bet: 'Bet', raise: 'Raise', allin: 'All in', timeout: 'Timed out', bringIn: 'Bring-in',
  straddle: 'Straddle',
};

/** A seat's last action as its badge: draws read `draw N` on the wire. */
function actionLabel(action: string): string {
  const draw = /^draw (\d+)$/.exec(action);
  if (draw) return draw[1] === '0' ? 'Stands pat' : `Draws ${draw[1]}`;
  return ACTION_LABEL[action] ?? action;
}

/** What a seat drew in the last draw, as others see it: a count, never the cards. */
export function drawLabel(drew: number | null | undefined): string {
  if (drew === null || drew === undefined) return '';
  return drew === 0 ? 'Stood pat' : `Drew ${drew}`;
}

function at(point: Point): string {
  return `left:${point.x}%;top:${point.y}%`;
}

/** The action clock: seconds left and a bar that empties, the time bank in another colour once it is in use. */
export function Clock({ clock }: { clock: FeltClock }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [clock.deadline]);
  const total = Math.max(1, clock.deadline - clock.startedAt);
  const left = Math.max(0, clock.deadline - now);
  const seconds = Math.ceil(left / 1000);
  return (
    <div class={`clock${clock.timeBank ? ' time-bank' : ''}`} role="timer" aria-label={clock.timeBank ? `Time bank: ${seconds} seconds` : `${seconds} seconds to act`}>
      <div class="clock-fill" style={`width:${(100 * left) / total}%`} />
      <span class="clock-text">{clock.timeBank ? `Time bank ${seconds}s` : `${seconds}s`}</span>
    </div>
  );
}

type SeatProps = {
  seat: number;
  data: FeltSeat | undefined;
  point: Point;
  acting: boolean;
  /** The clock, when this seat is on it. */
  clock: FeltClock | null;
  onEmpty?: (seat: number) => void;
};

function sameSeat(a: FeltSeat | undefined, b: FeltSeat | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.name === b.name && a.stack === b.stack && a.bet === b.bet && a.status === b.status && a.lastAction === b.lastAction
    && a.shown === b.shown && a.isMe === b.isMe && a.won === b.won && a.drew === b.drew && sameList(a.cards, b.cards)
    && sameList(a.upCards ?? [], b.upCards ?? []);
}

const SeatBox = pure(({ seat, data, point, acting, clock, onEmpty }: SeatProps) => {
  if (!data) {
    return (
      <div class="seat empty" style={at(point)}>
        {onEmpty
          ? <button type="button" class="take-seat" onClick={() => onEmpty(seat)}>{`Choose seat ${seat + 1}`}</button>
          : <span class="seat-free">{`Seat ${seat + 1}`}</span>}
      </div>
    );
  }
  const classes = ['seat', data.status, acting ? 'acting' : '', data.isMe ? 'me' : '', data.won > 0 ? 'winner' : ''].filter(Boolean).join(' ');
  const badge = STATUS_LABEL[data.status] ?? (data.lastAction ? actionLabel(data.lastAction) : '');
  // Right after a draw the badge says it already; later in the street (a bet after it) the count stays in sight.
  const drew = /^draw \d+$/.test(data.lastAction) ? '' : drawLabel(data.drew);
  return (
    <section class={classes} style={at(point)} aria-label={`Seat ${seat + 1}: ${data.name}${data.isMe ? ' (you)' : ''}`} data-seat={seat}>
      {data.cards.length > 0 && <Cards cards={data.cards} shown={data.shown} upCards={data.upCards} label={data.isMe ? 'Your cards' : `${data.name}'s cards`} />}
      <div class="seat-plate">
        <span class="seat-name">{data.name}</span>
        <span class="seat-stack">{data.stack === null ? '' : formatChips(data.stack)}</span>
        {badge && <span class="seat-badge">{badge}</span>}
        {drew && <span class="seat-drew" aria-label={`${data.name}: ${drew.toLowerCase()}`}>{drew}</span>}
        {data.won > 0 && <span class="seat-won">{`Wins ${formatChips(data.won)}`}</span>}
      </div>
      {clock && <Clock clock={clock} />}
    </section>
  );
}, (a, b) => a.seat === b.seat && a.point.x === b.point.x && a.point.y === b.point.y && a.acting === b.acting && a.clock === b.clock
  && Boolean(a.onEmpty) === Boolean(b.onEmpty) && sameSeat(a.data, b.data));

function FlightChip({ flight, model }: { flight: FeltFlight; model: FeltModel }) {
  const seat = seatPoint(flight.seat, model, BET_RADIUS);
  const from = flight.kind === 'toPot' ? seat : POT_POINT;
  const to = flight.kind === 'toPot' ? POT_POINT : seatPoint(flight.seat, model, SEAT_RADIUS);
  return <div class="chip-flight" aria-hidden="true" style={`--fx:${from.x}%;--fy:${from.y}%;--tx:${to.x}%;--ty:${to.y}%`}>{formatChips(flight.amount)}</div>;
}

export function Felt({ model, flights = [], onEmptySeat }: { model: FeltModel; flights?: readonly FeltFlight[]; onEmptySeat?: (seat: number) => void }) {
  const seats = Array.from({ length: model.maxSeats }, (_, seat) => seat);
  const pot = model.pots.reduce((sum, amount) => sum + amount, 0);
  return (
    <div class="felt" data-phase={model.phase} role="region" aria-label="Table">
      <div class="felt-oval" />
      <div class="felt-center">
        {model.badges && model.badges.length > 0 && (
          <div class="felt-badges">{model.badges.map((badge) => <span key={badge} class="felt-badge" role="status">{badge}</span>)}</div>
        )}
        {model.boards && model.boards.length > 1
          ? model.boards.map((board, b) => (
            <div key={b} class="board" role="group" aria-label={`Board ${b + 1}`}>
              {board.map((card, i) => <Card key={i} card={card} />)}
            </div>
          ))
          : (
            <div class="board" role="group" aria-label="Board">
              {model.board.map((card, i) => <Card key={i} card={card} />)}
            </div>
          )}
        {pot > 0 && (
          <div class="pots" aria-label="Pots">
            <span class="pot-total">{`Pot ${formatChips(pot)}`}</span>
            {model.pots.length > 1 && model.pots.map((amount, i) => (
              <span key={i} class="pot-part">{i === 0 ? `Main ${formatChips(amount)}` : `Side ${i} ${formatChips(amount)}`}</span>
            ))}
          </div>
        )}
        {model.caption && <div class="felt-caption" role="status">{model.caption}</div>}
      </div>
      {seats.map((seat) => {
        const data = model.seats[seat];
        if (!data || data.bet <= 0) return null;
        return <div key={`bet${seat}`} class="bet" style={at(seatPoint(seat, model, BET_RADIUS))} aria-label={`${data.name} bets ${formatChips(data.bet)}`}>{formatChips(data.bet)}</div>;
      })}
      {model.button >= 0 && <div class="dealer-button" style={at(seatPoint(model.button, model, BUTTON_RADIUS, BUTTON_SHIFT))} aria-label="Dealer button" role="img">D</div>}
      {seats.map((seat) => {
        const acting = model.toAct === seat;
        return <SeatBox key={seat} seat={seat} data={model.seats[seat]} point={seatPoint(seat, model, SEAT_RADIUS)} acting={acting}
          clock={acting && model.clock?.seat === seat ? model.clock : null} onEmpty={onEmptySeat} />;
      })}
      {flights.map((flight) => <FlightChip key={flight.id} flight={flight} model={model} />)}
    </div>
  );
}
