// What just happened at a table, read from two consecutive states: the
// actions taken (a turn that ended), the streets dealt, the chips that moved
// to the pot and from it to the winners. Nothing here decides a rule: it
// only compares what the server sent.
import { cardName } from './cards.ts';
import { formatChips } from './format.ts';
import { isHandOver, type SeatView, type TableView } from './table-view.ts';

export type LogLine = { kind: 'hand' | 'street' | 'action' | 'show' | 'win'; text: string };

/** Chips flying across the felt: bets to the pot at the end of a street, the pot to a winner at the end of the hand. */
export type Flight = { kind: 'toPot' | 'toSeat'; seat: number; amount: number };

export type Winner = { seat: number; name: string; amount: number };

export type TableChange = { lines: LogLine[]; flights: Flight[]; winners: Winner[] | null };

const STREETS: Record<string, string> = { flop: 'Flop', turn: 'Turn', river: 'River' };

function describeAction(before: SeatView, after: SeatView): string | null {
  const added = Math.max(0, before.stack - after.stack);
  const to = before.bet + added;
  switch (after.lastAction) {
    case 'fold': return `${after.name} folds`;
    case 'check': return `${after.name} checks`;
    case 'call': return `${after.name} calls ${formatChips(added)}`;
    case 'bet': return `${after.name} bets ${formatChips(to)}`;
    case 'raise': return `${after.name} raises to ${formatChips(to)}`;
    case 'allin': return `${after.name} is all in (${formatChips(to)})`;
    case 'timeout': return `${after.name} ran out of time`;
    case 'bringIn': return `${after.name} brings it in for ${formatChips(to)}`;
    default: return after.lastAction ? `${after.name}: ${after.lastAction}` : null;
  }
}

/** Compares the state before a patch with the state after it. */
export function describeChange(prev: TableView | null, next: TableView): TableChange {
  const change: TableChange = { lines: [], flights: [], winners: null };
  if (!prev) return change;
  const sameHand = prev.handNumber === next.handNumber;
  if (!sameHand && next.phase !== 'waiting') change.lines.push({ kind: 'hand', text: `Hand #${next.handNumber}` });

  // A turn ended: the seat that was to act has acted (or the clock acted for it).
  if (sameHand && prev.toAct >= 0 && (next.toAct !== prev.toAct || next.phase !== prev.phase)) {
    const before = prev.seats[prev.toAct];
    const after = next.seats[prev.toAct];
    const text = before && after && after.playerId === before.playerId ? describeAction(before, after) : null;
    if (text) change.lines.push({ kind: 'action', text });
  }

  if (sameHand && next.phase !== prev.phase && STREETS[next.phase]) {
    const dealt = next.board.slice(prev.board.length);
    change.lines.push({ kind: 'street', text: `${STREETS[next.phase]}: ${dealt.map(cardName).join(', ')}` });
  }

  for (const seat of next.seats) {
    if (!seat || seat.shownCards.length === 0) continue;
    const before = prev.seats[seat.seat];
    if (sameHand && before?.playerId === seat.playerId && before.shownCards.length > 0) continue;
    change.lines.push({ kind: 'show', text: `${seat.name} shows ${seat.shownCards.map(cardName).join(', ')}` });
  }

  // Bets go to the pot when a street ends (and when the hand ends).
  if (sameHand && prev.phase !== next.phase) {
    for (const seat of prev.seats) {
      if (seat && seat.bet > 0 && (next.seats[seat.seat]?.bet ?? 0) === 0) change.flights.push({ kind: 'toPot', seat: seat.seat, amount: seat.bet });
    }
  }

  // The hand is over: whoever's stack grew took chips from the pot.
  if (sameHand && !isHandOver(prev) && isHandOver(next)) {
    const winners: Winner[] = [];
    for (const seat of next.seats) {
      const before = seat ? prev.seats[seat.seat] : undefined;
      if (!seat || !before || before.playerId !== seat.playerId) continue;
      const amount = seat.stack - before.stack;
      if (amount > 0) winners.push({ seat: seat.seat, name: seat.name, amount });
    }
    change.winners = winners;
    for (const winner of winners) {
      change.flights.push({ kind: 'toSeat', seat: winner.seat, amount: winner.amount });
      change.lines.push({ kind: 'win', text: `${winner.name} wins ${formatChips(winner.amount)}` });
    }
  }
  return change;
}
