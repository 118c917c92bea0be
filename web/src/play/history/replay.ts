// A stored hand (`GET /api/me/hands/:handId`) turned into the frames of the
// replayer: one frame per step, each the felt as it stood after that step.
// It only adds up what the log says was put in and paid out.
import { HIDDEN_CARD, cardName } from '../../shared/cards.ts';
import type { FeltModel, FeltSeat } from '../../shared/felt-types.ts';
import { formatChips } from '../../shared/format.ts';

export type HandAction = {
  type: string; seat?: number; amount?: number; to?: number; allIn?: boolean;
  cards?: string[]; discarded?: string[]; drawn?: string[]; board?: number; pot?: number; count?: number; handType?: string;
};

export type HandPlayer = { seat: number; playerId: string; cards: string[]; shown: boolean; folded: boolean; net: number };

export type HandSummary = {
  handId: string; tableId: string; handNumber: number; variant: string; startedAt: string; endedAt: string;
  seat: number; net: number; board: string[]; boards: string[][]; holeCards: string[]; pot: number; rake: number; players: HandPlayer[];
};

export type HandDetail = HandSummary & { actions: HandAction[] };

export type Frame = { text: string; model: FeltModel };

/** Operations that change nothing on the felt: folded into the next frame. */
const SILENT = new Set(['burn']);

type Working = {
  board: string[]; bets: Map<number, number>; committed: Map<number, number>; folded: Set<number>;
  cards: Map<number, string[]>; shown: Set<number>; last: Map<number, string>; won: Map<number, number>; collected: number;
};

function nameOf(hand: HandDetail, seat: number | undefined): string {
  return seat === hand.seat ? 'You' : `Seat ${(seat ?? 0) + 1}`;
}

function put(w: Working, seat: number, amount: number, intoBet: boolean): void {
  w.committed.set(seat, (w.committed.get(seat) ?? 0) + amount);
  if (intoBet) w.bets.set(seat, (w.bets.get(seat) ?? 0) + amount);
  else w.collected += amount;
}

/** Applies one step; returns its description, or null for a step shown with the next. */
function apply(hand: HandDetail, w: Working, action: HandAction, next: HandAction | undefined): string | null {
  const seat = action.seat ?? -1;
  const who = nameOf(hand, action.seat);
  // "You call", "Seat 3 calls".
  const says = (verb: string, third = `${verb}s`): string => `${who} ${who === 'You' ? verb : third}`;
  const amount = action.amount ?? 0;
  switch (action.type) {
    case 'ante':
    case 'deadBlind':
      put(w, seat, amount, false);
      return `${says('post')} ${action.type === 'ante' ? 'an ante' : 'a dead blind'} of ${formatChips(amount)}`;
    case 'blind':
    case 'post':
    case 'bringIn':
      put(w, seat, amount, true);
      return `${says('post')} ${formatChips(amount)}`;
    case 'dealHole':
      w.cards.set(seat, action.cards ?? []);
      return next?.type === 'dealHole' ? null : 'Cards are dealt';
    case 'dealBoard':
      w.board = [...w.board, ...(action.cards ?? [])];
      return `${w.board.length === 3 ? 'Flop' : w.board.length === 4 ? 'Turn' : w.board.length === 5 ? 'River' : 'Board'}: ${(action.cards ?? []).map(cardName).join(', ')}`;
    case 'draw': {
      const discarded = action.discarded ?? [];
      const known = w.cards.get(seat) ?? [];
      // Someone else's draw shows only how many: their cards stay face down.
      if (!discarded.every((card) => card === HIDDEN_CARD)) w.cards.set(seat, [...known.filter((card) => !discarded.includes(card)), ...(action.drawn ?? [])]);
      return discarded.length === 0 ? says('stand pat', 'stands pat') : `${says('draw')} ${discarded.length}`;
    }
    case 'fold':
      w.folded.add(seat);
      w.last.set(seat, 'fold');
      return says('fold');
    case 'check':
      w.last.set(seat, 'check');
      return says('check');
    case 'call':
      put(w, seat, amount, true);
      w.last.set(seat, 'call');
      return `${says('call')} ${formatChips(amount)}`;
    case 'raise': {
      const to = action.to ?? 0;
      const before = w.bets.get(seat) ?? 0;
      const opening = [...w.bets.values()].every((bet) => bet === 0);
      put(w, seat, to - before, true);
      w.last.set(seat, action.allIn ? 'allin' : opening ? 'bet' : 'raise');
      return `${opening ? says('bet') : says('raise to', 'raises to')} ${formatChips(to)}${action.allIn ? (who === 'You' ? ' and are all in' : ' and is all in') : ''}`;
    }
    case 'returnBet':
      put(w, seat, -amount, true);
      return `${formatChips(amount)} uncalled goes back to ${who === 'You' ? 'you' : who}`;
    case 'collect':
      w.collected += [...w.bets.values()].reduce((sum, bet) => sum + bet, 0);
      w.bets.clear();
      w.last.clear();
      return 'The bets go into the pot';
    case 'runouts':
      return `${says('ask')} to run it ${action.count ?? 1} times`;
    case 'show': {
      const shown = action.cards ?? [];
      const known = w.cards.get(seat) ?? [];
      w.cards.set(seat, shown.map((card, i) => (card === HIDDEN_CARD ? (known[i] ?? card) : card)));
      w.shown.add(seat);
      return `${says('show')} ${shown.filter((card) => card !== HIDDEN_CARD).map(cardName).join(', ')}`;
    }
    case 'muck':
      w.folded.add(seat);
      return says('muck');
    case 'rake':
      w.collected -= amount;
      return `The house takes ${formatChips(amount)} rake`;
    case 'award':
      w.won.set(seat, (w.won.get(seat) ?? 0) + amount);
      w.collected -= amount;
      return `${says('win')} ${formatChips(amount)}`;
    default:
      return action.type;
  }
}

function modelOf(hand: HandDetail, w: Working, maxSeats: number, button: number, phase: string): FeltModel {
  const seats: (FeltSeat | undefined)[] = new Array(maxSeats).fill(undefined);
  for (const player of hand.players) {
    const mine = player.seat === hand.seat;
    seats[player.seat] = {
      seat: player.seat, name: mine ? 'You' : `Seat ${player.seat + 1}`, stack: null, bet: w.bets.get(player.seat) ?? 0,
      status: w.folded.has(player.seat) ? 'folded' : 'active', lastAction: w.last.get(player.seat) ?? '',
      cards: w.folded.has(player.seat) && !mine ? [] : (w.cards.get(player.seat) ?? []),
      shown: w.shown.has(player.seat),
      isMe: mine, won: w.won.get(player.seat) ?? 0,
    };
  }
  const betting = [...w.bets.values()].reduce((sum, bet) => sum + bet, 0);
  return {
    maxSeats, button, toAct: -1, board: w.board, pots: [Math.max(0, w.collected + betting)], seats, bottomSeat: hand.seat,
    clock: null, phase, caption: '',
  };
}

/** Every frame of the hand, the deal's start first. */
export function replayFrames(hand: HandDetail): Frame[] {
  const maxSeats = Math.max(2, ...hand.players.map((p) => p.seat + 1));
  // Players come in hand order: left of the button first, the button last.
  const button = hand.players[hand.players.length - 1]?.seat ?? -1;
  const w: Working = { board: [], bets: new Map(), committed: new Map(), folded: new Set(), cards: new Map(), shown: new Set(), last: new Map(), won: new Map(), collected: 0 };
  const frames: Frame[] = [{ text: `Hand #${hand.handNumber} begins`, model: modelOf(hand, w, maxSeats, button, 'preflop') }];
  let pending: string[] = [];
  hand.actions.forEach((action, i) => {
    if (SILENT.has(action.type)) return;
    const text = apply(hand, w, action, hand.actions[i + 1]);
    if (text === null) return;
    pending.push(text);
    const last = i === hand.actions.length - 1;
    frames.push({ text: pending.join('. '), model: modelOf(hand, w, maxSeats, button, last ? 'showdown' : 'play') });
    pending = [];
  });
  return frames;
}
