import { formatCard } from '../src/engine/cards.ts';
import { HandPhase, type HandState } from '../src/engine/hand/state.ts';
import type { RoomTable } from '../src/tables/room-table.ts';
import { seatStatus, showedHand } from '../src/tables/seat-view.ts';
import { drawCounts, isDrawGame, NO_DRAWS, projectGame } from './project-game.ts';
import { isAsked } from '../src/engine/table/runout-vote.ts';
import { projectSeatOptions, projectTableOptions } from './project-options.ts';
import { Legal, Pot, Seat, type TableState } from '../schema/TableState.ts';

/** The last finished hand, kept on display (board, shown cards) until the next deal. */
export type FinishedHand = { hand: HandState; seats: number[] };

/**
 * The values last written into each wire array. Comparing with this plain copy
 * instead of reading the schema array back (every read goes through its proxy)
 * keeps an unchanged list nearly free; only this module writes these arrays.
 */
const written = new WeakMap<object, readonly (string | number)[]>();

function sameList(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Replaces the array's contents when they differ; `values` must be a fresh array nobody changes afterwards. */
function setList<T extends string | number>(target: T[], values: readonly T[]): void {
  const last = written.get(target);
  if (last ? sameList(last, values) : target.length === 0 && values.length === 0) return;
  target.splice(0, target.length, ...values);
  written.set(target, values);
}

/** The wire seats by seat number, kept beside the map: reading a MapSchema costs far more than reading an array. */
const seatIndex = new WeakMap<TableState, (Seat | undefined)[]>();

function seatsOf(wire: TableState): (Seat | undefined)[] {
  let seats = seatIndex.get(wire);
  if (!seats) {
    seats = [];
    for (const [key, seat] of wire.seats) seats[Number(key)] = seat;
    seatIndex.set(wire, seats);
  }
  return seats;
}

/** The cards last written into each card array, as card numbers. */
const writtenCards = new WeakMap<object, readonly number[]>();
const NO_CARDS: readonly number[] = [];

/**
 * Sets a card array to the text of `cards` (only those `up` marks, when
 * given). Compares the numbers with the last cards written first, so an
 * unchanged hand allocates nothing; only this module writes these arrays.
 */
function setCards(target: string[], cards: readonly number[] | null, up?: readonly boolean[]): void {
  const last = writtenCards.get(target) ?? NO_CARDS;
  let same = true;
  let k = 0;
  if (cards) {
    for (let i = 0; i < cards.length && same; i++) {
      if (up && !up[i]) continue;
      same = k < last.length && last[k] === cards[i];
      k++;
    }
  }
  if (same && k === last.length) return;
  const chosen = cards ? (up ? cards.filter((_, i) => up[i]) : cards.slice()) : [];
  target.splice(0, target.length, ...chosen.map(formatCard));
  writtenCards.set(target, chosen);
}

function setNumber<K extends string>(target: Record<K, number>, key: K, value: number): void {
  if (target[key] !== value) target[key] = value;
}

function setString<K extends string>(target: Record<K, string>, key: K, value: string): void {
  if (target[key] !== value) target[key] = value;
}

/**
 * Maps the table (the engine's state) onto the wire state. Only what changed
 * is assigned, so patches stay small. Returns the seats created and removed,
 * so the room can give their owners a view of their own cards.
 */
export function projectTable(wire: TableState, table: Pick<RoomTable, 'state' | 'hand' | 'actorSeat'>, finished: FinishedHand | null): { added: Seat[]; removed: Seat[] } {
  const s = table.state;
  const live = table.hand;
  const shown = live ? null : finished;
  const handState = live?.state ?? shown?.hand ?? null;
  const handSeats = live ? s.handSeats : (shown?.seats ?? []);

  projectGame(wire, s.settings, s.rotationPlace);
  setNumber(wire, 'handNumber', s.handNumber);
  setString(wire, 'phase', live ? live.streetName : shown ? HandPhase.showdown : 'waiting');
  setCards(wire.board, handState ? handState.boards[0] : null);
  const pots = live ? live.pots() : [];
  while (wire.pots.length > pots.length) wire.pots.pop();
  pots.forEach((pot, i) => {
    let target = wire.pots[i];
    if (!target) {
      target = new Pot();
      wire.pots.push(target);
    }
    setNumber(target, 'amount', pot.amount);
    setList(target.eligible, pot.eligible.map((player) => handSeats[player]));
  });
  setNumber(wire, 'button', s.seating.button);
  setNumber(wire, 'toAct', table.actorSeat());
  setNumber(wire, 'actionDeadline', s.actionDeadline);
  setList(wire.waiting, s.waiting.map((w) => w.playerId));
  projectTableOptions(wire, table, handState);

  const added: Seat[] = [];
  const removed: Seat[] = [];
  const seats = seatsOf(wire);
  seats.forEach((seat, index) => {
    if (!seat || s.info[index]?.playerId === seat.playerId) return;
    wire.seats.delete(String(index));
    seats[index] = undefined;
    removed.push(seat);
  });
  const legal = live?.legalActions() ?? null;
  const drawing = handState !== null && isDrawGame(handState.config.variant);
  s.info.forEach((info, index) => {
    if (!info) return;
    let seat = seats[index];
    if (!seat) {
      seat = new Seat();
      seat.seat = index;
      seat.playerId = info.playerId;
      wire.seats.set(String(index), seat);
      seats[index] = seat;
      added.push(seat);
    }
    const tableSeat = s.seating.seats[index];
    const player = handSeats.indexOf(index);
    const inHand = handState !== null && player >= 0;
    setString(seat, 'name', info.name);
    setNumber(seat, 'stack', live && inHand ? live.state.stacks[player] : (tableSeat?.stack ?? 0));
    setNumber(seat, 'bet', live && inHand ? live.state.bets[player] : 0);
    setString(seat, 'status', seatStatus(info.connected, Boolean(tableSeat?.sittingOut), live ? live.state : null, player));
    setString(seat, 'lastAction', info.lastAction);
    // The owner's own cards: the schema keeps `cards` in their view only.
    setCards(seat.cards, live && inHand ? live.state.hole[player] : null);
    const showing = handState !== null && inHand && showedHand(handState, player);
    setCards(seat.shownCards, showing ? handState.hole[player] : null);
    setCards(seat.upCards, handState && inHand ? handState.hole[player] : null, handState?.holeUp[player]);
    setList(seat.drew, handState && inHand && drawing ? drawCounts(handState, player) : NO_DRAWS);
    const mine = legal && legal.player === player && live && inHand ? legal : null;
    const target = seat.legal ?? (seat.legal = new Legal());
    if (target.fold !== Boolean(mine?.fold)) target.fold = Boolean(mine?.fold);
    if (target.check !== Boolean(mine?.check)) target.check = Boolean(mine?.check);
    if (target.call !== Boolean(mine?.call)) target.call = Boolean(mine?.call);
    setNumber(target, 'callAmount', mine?.callAmount ?? 0);
    setNumber(target, 'minRaiseTo', mine?.minRaiseTo ?? 0);
    setNumber(target, 'maxRaiseTo', mine?.maxRaiseTo ?? 0);
    if (target.bringIn !== Boolean(mine?.bringIn)) target.bringIn = Boolean(mine?.bringIn);
    setNumber(target, 'bringInAmount', mine?.bringInAmount ?? 0);
    if (target.draw !== Boolean(mine?.draw)) target.draw = Boolean(mine?.draw);
    setNumber(target, 'maxDiscards', mine?.maxDiscards ?? 0);
    projectSeatOptions(seat, target, info, Boolean(live && inHand && isAsked(live, player)));
  });
  return { added, removed };
}
