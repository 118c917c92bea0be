import { formatCard } from '../src/engine/cards.ts';
import type { CashTable } from '../src/engine/cash/CashTable.ts';
import { Hand } from '../src/engine/hand/Hand.ts';
import { HandPhase, type HandState } from '../src/engine/hand/state.ts';
import { Legal, Pot, Seat, type TableState } from '../schema/TableState.ts';

/** The last finished hand, kept on display (board, shown cards) until the next deal. */
export type FinishedHand = { hand: HandState; seats: number[] };

function setStrings(target: string[], values: readonly string[]): void {
  if (target.length === values.length && target.every((value, i) => value === values[i])) return;
  target.splice(0, target.length, ...values);
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
export function projectTable(wire: TableState, table: CashTable, finished: FinishedHand | null): { added: Seat[]; removed: Seat[] } {
  const s = table.state;
  const live = s.hand ? Hand.restore(s.hand) : null;
  const shown = live ? null : finished;
  const handState = live?.state ?? shown?.hand ?? null;
  const handSeats = live ? s.handSeats : (shown?.seats ?? []);

  setNumber(wire, 'handNumber', s.handNumber);
  setString(wire, 'phase', live ? live.streetName : shown ? HandPhase.showdown : 'waiting');
  setStrings(wire.board, handState ? handState.boards[0].map(formatCard) : []);
  const pots = live ? live.pots() : [];
  while (wire.pots.length > pots.length) wire.pots.pop();
  pots.forEach((pot, i) => {
    let target = wire.pots[i];
    if (!target) {
      target = new Pot();
      wire.pots.push(target);
    }
    setNumber(target, 'amount', pot.amount);
    const eligible = pot.eligible.map((player) => handSeats[player]);
    if (target.eligible.length !== eligible.length || target.eligible.some((seat, k) => seat !== eligible[k])) {
      target.eligible.splice(0, target.eligible.length, ...eligible);
    }
  });
  setNumber(wire, 'button', s.seating.button);
  setNumber(wire, 'toAct', table.actorSeat());
  setNumber(wire, 'actionDeadline', s.actionDeadline);
  setStrings(wire.waiting, s.waiting.map((w) => w.playerId));

  const added: Seat[] = [];
  const removed: Seat[] = [];
  for (const [key, seat] of wire.seats) {
    const index = Number(key);
    if (s.info[index]?.playerId !== seat.playerId) {
      wire.seats.delete(key);
      removed.push(seat);
    }
  }
  const legal = live?.legalActions() ?? null;
  s.info.forEach((info, index) => {
    if (!info) return;
    const key = String(index);
    let seat = wire.seats.get(key);
    if (!seat) {
      seat = new Seat();
      seat.seat = index;
      seat.playerId = info.playerId;
      wire.seats.set(key, seat);
      added.push(seat);
    }
    const tableSeat = s.seating.seats[index];
    const player = handSeats.indexOf(index);
    const inHand = handState !== null && player >= 0;
    setString(seat, 'name', info.name);
    setNumber(seat, 'stack', live && inHand ? live.state.stacks[player] : (tableSeat?.stack ?? 0));
    setNumber(seat, 'bet', live && inHand ? live.state.bets[player] : 0);
    let status = 'active';
    if (!info.connected) status = 'disconnected';
    else if (tableSeat?.sittingOut && !(live && inHand)) status = 'sittingOut';
    else if (live && inHand && !live.state.active[player]) status = 'folded';
    else if (live && inHand && live.state.stacks[player] === 0) status = 'allin';
    setString(seat, 'status', status);
    setString(seat, 'lastAction', info.lastAction);
    setStrings(seat.cards, live && inHand ? live.state.hole[player].map(formatCard) : []);
    const showing = handState !== null && inHand && handState.shown[player];
    setStrings(seat.shownCards, showing ? handState.hole[player].map(formatCard) : []);
    const upCards = handState && inHand ? handState.hole[player].filter((_, k) => handState.holeUp[player][k]).map(formatCard) : [];
    setStrings(seat.upCards, upCards);
    const mine = legal && legal.player === player && live && inHand ? legal : null;
    const target = seat.legal ?? (seat.legal = new Legal());
    if (target.fold !== Boolean(mine?.fold)) target.fold = Boolean(mine?.fold);
    if (target.check !== Boolean(mine?.check)) target.check = Boolean(mine?.check);
    if (target.call !== Boolean(mine?.call)) target.call = Boolean(mine?.call);
    setNumber(target, 'callAmount', mine?.callAmount ?? 0);
    setNumber(target, 'minRaiseTo', mine?.minRaiseTo ?? 0);
    setNumber(target, 'maxRaiseTo', mine?.maxRaiseTo ?? 0);
  });
  return { added, removed };
}
