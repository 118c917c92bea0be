import { UNKNOWN_CARD } from '../cards.ts';
import type { Operation } from '../hand/operations.ts';
import type { HandState } from '../hand/state.ts';
import { formatPhhAction, type PhhAction } from './action.ts';

const BETTING: ReadonlySet<Operation['type']> = new Set(['bringIn', 'fold', 'check', 'call', 'raise']);

/** The PHH action for one operation of the log, or null for dealer steps PHH leaves implicit. */
function toPhhAction(op: Operation): PhhAction | null {
  switch (op.type) {
    case 'dealHole':
      return { kind: 'deal_hole', player: op.player, cards: op.cards };
    case 'dealBoard':
      return { kind: 'deal_board', cards: op.cards };
    case 'fold':
      return { kind: 'fold', player: op.player };
    case 'check':
    case 'call':
      return { kind: 'check_or_call', player: op.player };
    case 'raise':
      return { kind: 'complete_bet_or_raise_to', player: op.player, amount: op.to, amountText: String(op.to) };
    case 'show':
      return { kind: 'show', player: op.player, cards: op.cards };
    case 'muck':
      return { kind: 'muck', player: op.player };
    default:
      return null;
  }
}

type Reveal = Extract<Operation, { type: 'show' | 'muck' }>;

function isReveal(op: Operation): op is Reveal {
  return op.type === 'show' || op.type === 'muck';
}

function written(ops: readonly Operation[]): string[] {
  const actions: string[] = [];
  for (const op of ops) {
    const action = toPhhAction(op);
    if (action) actions.push(formatPhhAction(action));
  }
  return actions;
}

/**
 * Who PokerKit asks to show first when the betting of the all-in street ends:
 * the last player to bet or raise on it, else the street's first player to
 * act (after the largest blind or straddle before the flop, left of the
 * button after it), as the engine's `beginBetting` and PokerKit's
 * `_begin_betting` both choose.
 */
function allInOpener(state: HandState, beforeRunout: readonly Operation[]): number {
  const n = state.stacks.length;
  let streetStart = 0;
  beforeRunout.forEach((op, i) => {
    if (op.type === 'dealBoard') streetStart = i + 1;
  });
  for (let i = beforeRunout.length - 1; i >= streetStart; i--) {
    const op = beforeRunout[i];
    if (op.type === 'raise' || op.type === 'bringIn') return op.player;
  }
  if (streetStart > 0) return 0;
  const bets = new Array<number>(n).fill(0);
  for (const op of beforeRunout) if (op.type === 'blind' || op.type === 'post') bets[op.player] += op.amount;
  const blinds = state.config.blindsOrStraddles;
  const order = n === 2 ? [blinds[1], blinds[0]] : blinds;
  let maxKey = Number.NEGATIVE_INFINITY;
  let maxIndex = 0;
  for (let i = 0; i < n; i++) {
    const key = bets[i] * Math.sign(order[i]);
    if (key >= maxKey) {
      maxKey = key;
      maxIndex = i;
    }
  }
  return (maxIndex + 1) % n;
}

/**
 * The PHH actions of a hand, in the order PokerKit applies them.
 *
 * The engine deals an all-in board at once and shows the hands after it;
 * PokerKit holds its showdown when the betting ends, before the runout. So
 * the hands shown after an all-in runout are written before it, in
 * PokerKit's showdown order (from the last aggressor of the all-in street).
 * A player who mucked at that showdown did not show at the all-in: they are
 * written keeping their cards face down (`pN sm ????`) each time PokerKit
 * asks, before every street of the runout, and mucking (`pN sm`) at the end.
 */
export function phhActions(state: HandState): string[] {
  const log = state.log;
  let lastBet = -1;
  log.forEach((op, i) => {
    if (BETTING.has(op.type)) lastBet = i;
  });
  const runoutStart = log.findIndex((op, i) => i > lastBet && op.type === 'dealBoard');
  if (runoutStart < 0) return written(log);
  const settled = log.findIndex((op, i) => i > runoutStart && (op.type === 'rake' || op.type === 'award'));
  const runoutEnd = settled < 0 ? log.length : settled;

  const before = log.slice(0, runoutStart);
  const runout = log.slice(runoutStart, runoutEnd);
  const reveals = runout.filter(isReveal);
  const n = state.stacks.length;
  const opener = allInOpener(state, before);
  const showdownOrder = (player: number): number => (player - opener + n) % n;
  reveals.sort((a, b) => showdownOrder(a.player) - showdownOrder(b.player));
  const faceDown = (player: number): string =>
    formatPhhAction({ kind: 'show', player, cards: state.hole[player].map(() => UNKNOWN_CARD) });

  const actions = written(before);
  let firstStreet = true;
  for (const op of runout) {
    if (isReveal(op)) continue;
    if (op.type === 'dealBoard') {
      for (const reveal of reveals) {
        if (reveal.type === 'muck') actions.push(faceDown(reveal.player));
        else if (firstStreet) actions.push(...written([reveal]));
      }
      firstStreet = false;
    }
    actions.push(...written([op]));
  }
  actions.push(...written(runout.filter((op) => op.type === 'muck')));
  actions.push(...written(log.slice(runoutEnd)));
  return actions;
}
