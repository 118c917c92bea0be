import type { DealerEvent, DealerSettings } from '../table/dealer-state.ts';
import { planNextHand } from '../table/lineup.ts';
import { strictlyBetween } from '../table/ring.ts';
import type { TableState } from '../table/state.ts';
import { findVariant, usesBringIn } from '../variants.ts';
import { illegal, markAway, touch, type TournamentContext } from './context.ts';
import type { TournamentDeal, TournamentHandReport } from './state.ts';

/**
 * Hands at a tournament table: one per order, at the order's stakes, dealt
 * `pauseMs` after the last hand ended; and each hand's end, which knocks out
 * the players left with nothing and writes the report for the tournament.
 *
 * The blinds follow the cash table's rotation (`lineup.ts`) with every
 * player who has chips ready and owing nothing — away or not, newly seated
 * or not: a dead button, the big blind moving one player per hand (nobody
 * posts it twice running or skips it, as players arrive and leave), and
 * heads-up the button posting the small blind and acting first preflop.
 * One TDA exception: a player seated since the last hand in a seat strictly
 * between the button and the small blind is not dealt this hand (they would
 * play the button's hand for free); they are from the next one. The
 * tournament's rules (`dealtInAtOnce` in src/tournaments/rules/positions.ts)
 * say the same.
 */

function isWhole(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/** Players with chips: everyone a tournament table deals in. */
function playersWithChips(t: TournamentContext): number {
  return t.state.seating.seats.filter((seat) => seat && seat.stack > 0).length;
}

/**
 * Checks an order: true for one to take, false for a repeat of one taken
 * already (dealt, or waiting for its deal). Refuses a malformed order
 * (`bad_order`), stakes the game cannot play, a table with a hand in play
 * (`hand_in_play`) or another order waiting (`deal_pending`), a closed one,
 * and one with fewer than two players with chips (`too_few_players`).
 */
export function verifyDeal(t: TournamentContext, order: TournamentDeal): boolean {
  const s = t.state;
  const o = order as TournamentDeal | null;
  if (typeof o !== 'object' || o === null || !isWhole(o.handNumber, 1) || !isWhole(o.level, 0)
    || typeof o.stakes !== 'object' || o.stakes === null || !isWhole(o.smallBet, 0) || !isWhole(o.bigBet, 0)) {
    illegal('bad_order', 'A deal order is {handNumber, level, stakes, smallBet, bigBet} with whole numbers.');
  }
  if (s.tournament.closed) illegal('table_closed', 'The tournament has closed this table.');
  if (o.handNumber <= s.tournament.lastOrdered) return false;
  if (s.hand) illegal('hand_in_play', `Hand ${s.handNumber} is in play; order the next one once it is reported.`);
  if (s.tournament.order) illegal('deal_pending', `Hand ${s.tournament.order.handNumber} is ordered and not dealt yet.`);
  t.dealer.verifyChangeStakes({ stakes: o.stakes, smallBet: o.smallBet, bigBet: o.bigBet });
  if (playersWithChips(t) < 2) illegal('too_few_players', 'A hand needs two players with chips at the table.');
  return true;
}

/**
 * Takes an order (see `verifyDeal`); answers whether it was taken now (false
 * for a repeat). An order for a later hand than the one reported means the
 * tournament has the report: it is no longer sent.
 */
export function takeOrder(t: TournamentContext, order: TournamentDeal): boolean {
  const s = t.state;
  if (!verifyDeal(t, order)) return s.tournament.order?.handNumber === order.handNumber;
  const { handNumber, level, stakes, smallBet, bigBet } = order;
  s.tournament.order = { handNumber, level, stakes: { ...stakes }, smallBet, bigBet };
  s.tournament.lastOrdered = handNumber;
  if (s.tournament.report && s.tournament.report.handNumber < handNumber) s.tournament.report = null;
  touch(t);
  return true;
}

/**
 * The one place a tournament table moves on, at the end of every command:
 * a hand that ended is finished (busts leave, the report is written); an
 * order waiting is scheduled once two players have chips, and dealt once
 * `dueBy` (the time `tick` has reached, or now for an order) passes its time.
 */
export function advance(t: TournamentContext, now: number, events: DealerEvent[], reported: readonly DealerEvent[] = [], dueBy = 0): void {
  const s = t.state;
  for (const event of reported) {
    events.push(event);
    if (event.type === 'handComplete') finishHand(t, event);
  }
  const order = s.tournament.order;
  if (s.hand || s.closing || t.dealingPaused || !order) {
    s.nextHandAt = 0;
    return;
  }
  if (s.nextHandAt === 0) {
    if (playersWithChips(t) < 2) return;
    const ended = s.tournament.handEndedAt;
    s.nextHandAt = ended > 0 ? Math.max(now, ended + s.settings.pauseMs) : now;
  }
  if (dueBy < s.nextHandAt) return;
  s.nextHandAt = 0;
  if (playersWithChips(t) < 2) return;
  s.tournament.order = null;
  s.tournament.level = order.level;
  const dealt = dealOrder(t, order, now);
  touch(t);
  advance(t, now, events, dealt, dueBy);
}

/** Deals the ordered hand under its number and stakes, everyone with chips ready (see the file's comment). */
function dealOrder(t: TournamentContext, order: TournamentDeal, now: number): DealerEvent[] {
  const s = t.state;
  t.dealer.changeStakes({ stakes: order.stakes, smallBet: order.smallBet, bigBet: order.bigBet });
  s.handNumber = order.handNumber - 1;
  const ready = everyoneReady(s.seating);
  const waiting = waitingForButton(ready, s.settings);
  s.seating = { ...ready, seats: ready.seats.map((seat, i) => seat && (waiting.includes(i) ? { ...seat, sittingOut: true } : seat)) };
  const events = t.dealer.startHand(now);
  markAway(t);
  return events;
}

function everyoneReady(seating: TableState): TableState {
  return {
    ...seating,
    seats: seating.seats.map((seat) => seat && { ...seat, sittingOut: false, isNew: false, missedSmallBlind: false, missedBigBlind: false, willPost: false }),
  };
}

/**
 * The seats strictly between the next hand's button and its small blind
 * position. Only players seated since the last hand can be there (the
 * rotation leaves nobody there otherwise). None before the first hand, in
 * stud, or when leaving them out would leave fewer than three players.
 */
function waitingForButton(ready: TableState, settings: DealerSettings): number[] {
  const variant = findVariant(settings.variant);
  if (ready.bigBlindSeat < 0 || (variant && usesBringIn(variant))) return [];
  const plan = planNextHand(ready, settings.stakes);
  if (!plan) return [];
  const smallPosition = plan.smallBlindSeat >= 0 ? plan.smallBlindSeat : ready.bigBlindSeat;
  const waiting = plan.seats.filter((seat) => strictlyBetween(seat, plan.button, smallPosition, ready.maxSeats));
  return plan.seats.length - waiting.length >= 3 ? waiting : [];
}

/** A hand ended: the report is written, players with nothing left leave their seats (reported with 0). */
function finishHand(t: TournamentContext, event: Extract<DealerEvent, { type: 'handComplete' }>): void {
  const s = t.state;
  const startStacks: Record<string, number> = {};
  for (const result of event.results) startStacks[result.playerId] = result.startStack;
  const seats: TournamentHandReport['seats'] = [];
  s.seating.seats.forEach((seat, i) => {
    if (seat) seats.push({ seat: i, playerId: seat.playerId, stack: seat.stack });
  });
  s.tournament.report = {
    tableId: s.tableId, handNumber: event.handNumber, seats, startStacks,
    button: s.seating.button, smallBlindSeat: s.seating.smallBlindSeat, bigBlindSeat: s.seating.bigBlindSeat,
  };
  s.tournament.handEndedAt = event.endedAt;
  for (const result of event.results) {
    if (result.busted && s.info[result.seat]?.playerId === result.playerId) t.dealer.remove(result.seat);
  }
  markAway(t);
}
