import { UNKNOWN_CARD, type Card } from '../cards.ts';
import { Hand } from '../hand/Hand.ts';
import type { Operation } from '../hand/operations.ts';
import { reapply } from '../hand/rebuild.ts';
import type { HandState } from '../hand/state.ts';
import { findVariant } from '../variants.ts';
import { formatPhhAction, type PhhAction } from './action.ts';

const BETTING: ReadonlySet<Operation['type']> = new Set(['bringIn', 'fold', 'check', 'call', 'raise']);

/** The PHH action for one operation of the log, or null for dealer steps PHH leaves implicit. */
function toPhhAction(op: Operation): PhhAction | null {
  switch (op.type) {
    case 'dealHole':
      return { kind: 'deal_hole', player: op.player, cards: op.cards };
    case 'dealBoard':
      return { kind: 'deal_board', cards: op.cards };
    case 'bringIn':
      return { kind: 'post_bring_in', player: op.player };
    case 'draw':
      return { kind: 'stand_pat_or_discard', player: op.player, cards: op.discarded };
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

function format(action: PhhAction): string {
  return formatPhhAction(action);
}

/** Where each operation falls: the street it was dealt on, and the opener of the betting (the last aggressor) once it was done. */
type Annotation = { street: number[]; opener: number[] };

/**
 * Plays the log again on a hand without a deck to read each operation's
 * street and the opener after it. A log the engine no longer accepts keeps
 * the last street and opener it read from there on.
 */
function annotate(state: HandState): Annotation {
  const hand = Hand.start(state.config, { deck: null });
  const street: number[] = [];
  const opener: number[] = [];
  let playing = true;
  for (const op of state.log) {
    street.push(hand.state.street);
    if (playing) {
      try {
        reapply(hand, op);
      } catch {
        playing = false;
      }
    }
    opener.push(hand.state.opener);
  }
  return { street, opener };
}

/**
 * The actions of a run of operations (`streets`: the street of each). A draw
 * round is written as PHH and PokerKit play it, every discard first (in
 * turn) and then every player's replacements, although a table deals each
 * player's at once.
 */
function written(ops: readonly Operation[], streets: readonly number[]): string[] {
  const actions: string[] = [];
  let dealt: string[] = [];
  let round = -1;
  const flushDraws = (): void => {
    actions.push(...dealt);
    dealt = [];
  };
  ops.forEach((op, i) => {
    if (op.type === 'draw') {
      if (streets[i] !== round) flushDraws();
      round = streets[i];
      actions.push(format({ kind: 'stand_pat_or_discard', player: op.player, cards: op.discarded }));
      if (op.drawn.length > 0) dealt.push(format({ kind: 'deal_hole', player: op.player, cards: op.drawn }));
      return;
    }
    if (op.type === 'dealHole' && streets[i] === round) {
      // A replay's replacements, named after the discards.
      dealt.push(format({ kind: 'deal_hole', player: op.player, cards: op.cards }));
      return;
    }
    const action = toPhhAction(op);
    if (!action) return;
    flushDraws();
    actions.push(format(action));
  });
  flushDraws();
  return actions;
}

/**
 * The PHH actions of a hand, in the order PokerKit applies them.
 *
 * The engine deals an all-in runout at once and shows the hands after it;
 * PokerKit holds its showdown when the betting ends, before the runout, and
 * again after each street that dealt someone a card face down (stud's
 * seventh). So the hands shown after an all-in runout are written before it,
 * in PokerKit's showdown order (from the last aggressor of the all-in street,
 * else its opener), with the cards held then, and again at the end when a
 * face-down card came since. A player who mucked at that showdown did not
 * show at the all-in: they are written keeping their cards face down
 * (`pN sm ????`) each time PokerKit asks, before every street of the runout,
 * and mucking (`pN sm`) at the end. A draw game has no runout: PokerKit goes
 * on drawing after an all-in and shows at the end, as the table does.
 */
export function phhActions(state: HandState): string[] {
  const log = state.log;
  const variant = findVariant(state.config.variant);
  let lastBet = -1;
  log.forEach((op, i) => {
    if (BETTING.has(op.type)) lastBet = i;
  });
  const annotation = annotate(state);
  const allInStreet = lastBet >= 0 ? annotation.street[lastBet] : 0;
  const drawsAfter = variant?.streets.slice(allInStreet + 1).some((street) => street.draw) ?? false;
  const isRunoutDeal = (op: Operation, i: number): boolean =>
    i > lastBet && annotation.street[i] > allInStreet && (op.type === 'dealBoard' || op.type === 'dealHole');
  const runoutStart = drawsAfter ? -1 : log.findIndex(isRunoutDeal);
  if (runoutStart < 0) return written(log, annotation.street);
  const settled = log.findIndex((op, i) => i > runoutStart && (op.type === 'rake' || op.type === 'award'));
  const runoutEnd = settled < 0 ? log.length : settled;

  const n = state.stacks.length;
  const opener = annotation.opener[runoutStart - 1] ?? 0;
  const showdownOrder = (player: number): number => (player - opener + n) % n;
  const reveals = log.slice(runoutStart, runoutEnd).filter(isReveal);
  reveals.sort((a, b) => showdownOrder(a.player) - showdownOrder(b.player));

  // Before each street of the runout (each board card deal, as before every runout board's street) PokerKit asks again.
  const boundaries = new Set<number>();
  let lastStreet = allInStreet;
  for (let i = runoutStart; i < runoutEnd; i++) {
    const op = log[i];
    if (op.type === 'dealBoard') boundaries.add(i);
    else if (op.type === 'dealHole' && annotation.street[i] !== lastStreet) boundaries.add(i);
    if (op.type === 'dealBoard' || op.type === 'dealHole') lastStreet = annotation.street[i];
  }

  const held = new Array<number>(n).fill(0);
  const downSinceShow = new Array<boolean>(n).fill(false);
  const hasShown = new Array<boolean>(n).fill(false);
  const finalCards = (player: number): Card[] => state.hole[player];
  const ask = (final: boolean): string[] => {
    const asked: string[] = [];
    for (const reveal of reveals) {
      const p = reveal.player;
      if (reveal.type === 'muck') {
        asked.push(final ? format({ kind: 'muck', player: p }) : format({ kind: 'show', player: p, cards: new Array<Card>(held[p]).fill(UNKNOWN_CARD) }));
      } else if (!hasShown[p] || downSinceShow[p]) {
        asked.push(format({ kind: 'show', player: p, cards: finalCards(p).slice(0, held[p]) }));
        hasShown[p] = true;
        downSinceShow[p] = false;
      }
    }
    return asked;
  };

  const actions: string[] = [];
  for (let i = 0; i < log.length; i++) {
    const op = log[i];
    if (i >= runoutStart && i < runoutEnd) {
      if (isReveal(op)) continue;
      if (boundaries.has(i)) actions.push(...ask(false));
    } else if (i === runoutEnd) actions.push(...ask(true));
    if (op.type === 'dealHole') {
      held[op.player] += op.cards.length;
      if (hasShown[op.player] && op.up.some((up) => !up)) downSinceShow[op.player] = true;
    }
    actions.push(...written([op], [annotation.street[i]]));
  }
  if (runoutEnd === log.length) actions.push(...ask(true));
  return actions;
}
