// What just happened at a table, read from two consecutive states: the
// actions taken (a turn that ended), the streets dealt, the chips that moved
// to the pot and from it to the winners. Nothing here decides a rule: it
// only compares what the server sent.
import { cardName } from './cards.ts';
import { formatChips, variantName } from './format.ts';
import { isHandOver, type SeatView, type TableView } from './table-view.ts';

export type LogLine = { kind: 'hand' | 'street' | 'action' | 'show' | 'win'; text: string };

/** Chips flying across the felt: bets to the pot at the end of a street, the pot to a winner at the end of the hand. */
export type Flight = { kind: 'toPot' | 'toSeat'; seat: number; amount: number };

export type Winner = { seat: number; name: string; amount: number };

export type TableChange = { lines: LogLine[]; flights: Flight[]; winners: Winner[] | null };

const STREETS: Record<string, string> = { flop: 'Flop', turn: 'Turn', river: 'River' };
/** Streets that deal no community card: stud's up cards, draw games' draws. */
const OTHER_STREETS: Record<string, string> = {
  fourth: 'Fourth street', fifth: 'Fifth street', sixth: 'Sixth street', seventh: 'Seventh street',
  draw1: 'First draw', draw2: 'Second draw', draw3: 'Third draw',
};

/** What a phase is called on screen (`third` → "Third street", `draw2` → "Second draw"). */
export function phaseName(phase: string): string {
  if (phase === 'third') return 'Third street';
  if (phase === 'predraw') return 'Before the draw';
  if (phase === 'preflop') return 'Preflop';
  return STREETS[phase] ?? OTHER_STREETS[phase] ?? (phase ? phase[0].toUpperCase() + phase.slice(1) : '');
}

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
    case 'straddle': return `${after.name} straddles ${formatChips(to)}`;
    default: {
      const draw = /^draw (\d+)$/.exec(after.lastAction);
      if (draw) return draw[1] === '0' ? `${after.name} stands pat` : `${after.name} draws ${draw[1]}`;
      return after.lastAction ? `${after.name}: ${after.lastAction}` : null;
    }
  }
}

/** Compares the state before a patch with the state after it. */
export function describeChange(prev: TableView | null, next: TableView): TableChange {
  const change: TableChange = { lines: [], flights: [], winners: null };
  if (!prev) return change;
  const sameHand = prev.handNumber === next.handNumber;
  if (!sameHand && next.phase !== 'waiting') change.lines.push({ kind: 'hand', text: `Hand #${next.handNumber}${next.bombPot ? ' (bomb pot)' : ''}${prev.variant !== next.variant && prev.variant ? `: now ${variantName(next.variant)}` : ''}` });

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
  } else if (sameHand && next.phase !== prev.phase && OTHER_STREETS[next.phase]) {
    change.lines.push({ kind: 'street', text: OTHER_STREETS[next.phase] });
  }
  if (sameHand && next.boards.length > 1 && prev.boards.length <= 1) {
    change.lines.push({ kind: 'street', text: `The board runs ${next.boards.length} times: ${next.boards.map((board, i) => `board ${i + 1} ${board.map(cardName).join(', ')}`).join('; ')}` });
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
