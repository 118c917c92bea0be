import { IllegalActionError } from '../errors.ts';
import { Hand } from '../hand/Hand.ts';
import { HandPhase } from '../hand/state.ts';
import { cryptoRandom, type RandomSource } from '../random.ts';
import { findVariant, usesBringIn } from '../variants.ts';
import { runOutClock, spendThinkingTime, startClock } from './action-clock.ts';
import type { DealerEvent, DealerSeat, DealerSettings, DealerState } from './dealer-state.ts';
import { applyPendingChips, finishHand, handConfig, playDealerPart } from './hand-steps.ts';
import { applyPlan, planNextHand, type HandPlan } from './lineup.ts';
import { applyPlayerAction, publicActionName, verifyPlayerAction, type PlayerAction } from './player-action.ts';
import { seatPlayer, setSittingOut, setWillPost, standUp, verifySeatPlayer, verifySetSittingOut, verifyStandUp } from './seating.ts';
import { verifyTableGame } from './stakes.ts';
import { enterNextGame, upcomingGame } from './rotation.ts';
import { answerRunouts, closeVote, isAsking, startVoteClock, verifyRunoutAnswer } from './runout-vote.ts';
import { planStudHand } from './stud-lineup.ts';
import type { TableSeat } from './state.ts';

/** New stakes for the hands dealt from now on (a tournament's next level). */
export type StakesChange = Partial<Pick<DealerSettings, 'stakes' | 'smallBet' | 'bigBet' | 'openPairBigBet'>>;

/** A player taken off the table, with every chip they had on it. */
export type SeatLeft = { seat: number; playerId: string; chips: number };

/**
 * How the host wants the next hand dealt beyond the rules of the lineup (a
 * cash table's options): a change to the planned forced bets (a straddle, a
 * bomb pot's antes), and whether the first betting round is checked through
 * (a bomb pot goes straight to the flop).
 */
export type DealOptions = { adjustPlan?: (plan: HandPlan) => HandPlan; checkFirstStreet?: boolean };

function illegal(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

/**
 * The dealer of one table: who is dealt in, the blinds and the button (by
 * `planNextHand`; stud's antes by `planStudHand`), the hand in play, the
 * action clock (a player's turn to bet or to draw), and the end of each
 * hand. It knows nothing of where chips come from or go to: its host (a cash
 * table with wallets, a tournament table) seats players with a stack, takes
 * them off between hands, changes the stakes, and decides when to deal;
 * the dealer reports each hand's start and end as events.
 *
 * Pure like the rest of the engine: the caller passes the time, and a command
 * either throws an `IllegalActionError` and changes nothing, or applies fully.
 */
export class Dealer<S extends DealerSeat = DealerSeat> {
  readonly state: DealerState<S>;
  private readonly random: RandomSource;
  /** The Hand over `state.hand`: a Hand holds nothing but that state, so it stays valid while the object does. */
  private handCache: Hand | null = null;

  constructor(state: DealerState<S>, random: RandomSource = cryptoRandom) {
    this.state = state;
    this.random = random;
  }

  /** The hand in play; wrapped (and its configuration checked) once per hand state, not on every read. */
  get hand(): Hand | null {
    const state = this.state.hand;
    if (!state) return null;
    if (this.handCache?.state !== state) this.handCache = Hand.restore(state, this.random);
    return this.handCache;
  }

  /** The hand index of a table seat in the hand in play, or -1. */
  handIndexOf(seat: number): number {
    return this.state.hand ? this.state.handSeats.indexOf(seat) : -1;
  }

  /** Who is on the clock: the table seat of the player to act (to bet, or to draw), or -1. */
  actorSeat(): number {
    const hand = this.state.hand;
    if (!hand) return -1;
    if (hand.phase === HandPhase.dealing) {
      const drawer = hand.pendingDraw.indexOf(true);
      return drawer >= 0 ? this.state.handSeats[drawer] : -1;
    }
    if (hand.phase !== HandPhase.betting || hand.actors.length === 0) return -1;
    return this.state.handSeats[hand.actors[0]];
  }

  // ── seats ─────────────────────────────────────────────────────────────

  verifySeat(seat: number, playerId: string, stack: number): void {
    verifySeatPlayer(this.state.seating, seat, playerId, stack);
  }

  /**
   * Seats a player with `stack` chips and the host's record of them. They wait
   * for the big blind (or post) like any new player, unless `dealInAtOnce`,
   * when they owe nothing and are dealt the next hand wherever they sit.
   */
  seat(seat: number, playerId: string, stack: number, info: S, options: { dealInAtOnce?: boolean } = {}): void {
    this.verifySeat(seat, playerId, stack);
    const s = this.state;
    s.seating = seatPlayer(s.seating, seat, playerId, stack);
    if (options.dealInAtOnce) {
      const seats = [...s.seating.seats];
      seats[seat] = { ...(seats[seat] as TableSeat), isNew: false };
      s.seating = { ...s.seating, seats };
    }
    s.info[seat] = info;
  }

  verifyRemove(seat: number): void {
    verifyStandUp(this.state.seating, seat);
    if (this.handIndexOf(seat) >= 0) illegal('in_hand', `Seat ${seat} is in the hand in play; take the player off once it is over.`);
  }

  /** Takes a player off the table (not while they play a hand) with all their chips. */
  remove(seat: number): SeatLeft {
    this.verifyRemove(seat);
    const s = this.state;
    const current = s.seating.seats[seat];
    const info = s.info[seat];
    const left = { seat, playerId: current?.playerId ?? '', chips: (current?.stack ?? 0) + (info?.pendingTopUp ?? 0) };
    s.seating = standUp(s.seating, seat);
    s.info[seat] = null;
    return left;
  }

  verifyAddChips(seat: number, amount: number): void {
    verifyStandUp(this.state.seating, seat);
    if (!Number.isSafeInteger(amount) || amount <= 0) illegal('bad_amount', 'Add a whole, positive number of chips.');
  }

  /** Adds chips to a player's stack: at once between hands, after the hand while one is in play. */
  addChips(seat: number, amount: number): void {
    this.verifyAddChips(seat, amount);
    (this.state.info[seat] as S).pendingTopUp += amount;
    if (!this.state.hand) applyPendingChips(this.state);
  }

  /** The player keeps the seat but is not dealt in; blinds that pass meanwhile are owed. */
  sitOut(seat: number): void {
    verifySetSittingOut(this.state.seating, seat, true);
    this.state.seating = setSittingOut(this.state.seating, seat, true);
  }

  verifySitIn(seat: number): void {
    verifySetSittingOut(this.state.seating, seat, false);
    const current = this.state.seating.seats[seat];
    const pending = this.state.info[seat]?.pendingTopUp ?? 0;
    if (current && current.stack + pending <= 0) illegal('no_chips', 'Top up before sitting in.');
  }

  /** Back to play; a player who owes missed blinds posts them rather than waiting for the big blind. */
  sitIn(seat: number): void {
    this.verifySitIn(seat);
    const s = this.state;
    s.seating = setSittingOut(s.seating, seat, false);
    const current = s.seating.seats[seat];
    if (current && (current.missedBigBlind || current.missedSmallBlind || current.isNew)) s.seating = setWillPost(s.seating, seat, true);
    (s.info[seat] as S).timeouts = 0;
  }

  // ── stakes ────────────────────────────────────────────────────────────

  verifyChangeStakes(change: StakesChange): void {
    verifyTableGame({ ...this.state.settings, ...change });
  }

  /** Changes the stakes from the next hand on; the hand in play keeps its own. */
  changeStakes(change: StakesChange): void {
    this.verifyChangeStakes(change);
    Object.assign(this.state.settings, change);
  }

  // ── hands ─────────────────────────────────────────────────────────────

  /** Whether a hand could be dealt now: none is in play and two ready players have chips. */
  canStartHand(): boolean {
    return !this.state.hand && this.planned() !== null;
  }

  /** The next hand's players and forced bets under the next game's rules (a rotation's next game): blinds and a button, or stud's antes. */
  private planned(): HandPlan | null {
    const game = upcomingGame(this.state);
    const variant = findVariant(game.variant);
    return variant && usesBringIn(variant) ? planStudHand(this.state.seating, game.stakes, variant) : planNextHand(this.state.seating, game.stakes);
  }

  verifyStartHand(): void {
    this.plannedHand();
  }

  /** The next hand's plan, or why none can be dealt. */
  private plannedHand(): HandPlan {
    const s = this.state;
    if (s.hand) illegal('hand_in_play', 'A hand is in play; deal the next one once it is over.');
    return this.planned() ?? illegal('too_few_players', 'A hand needs two ready players with chips.');
  }

  /** Deals the next hand: moves the button and blinds, posts, deals, and plays the dealer's part up to the first decision. */
  startHand(now: number, deal: DealOptions = {}): DealerEvent[] {
    const planned = this.plannedHand();
    const plan = deal.adjustPlan ? deal.adjustPlan(planned) : planned;
    const s = this.state;
    enterNextGame(s, plan.seats.length);
    const hand = Hand.start(handConfig(s.settings, plan), { random: this.random });
    if (deal.checkFirstStreet) while (hand.phase === HandPhase.betting && hand.state.street === 0 && hand.actor >= 0 && hand.canCheck(hand.actor)) hand.check(hand.actor);
    s.seating = applyPlan(s.seating, plan);
    s.hand = hand.state;
    this.handCache = hand;
    s.handSeats = plan.seats;
    s.handNumber++;
    s.handStartedAt = now;
    for (const info of s.info) if (info) {
      info.showdownChoice = null;
      info.lastAction = '';
    }
    const events: DealerEvent[] = [{ type: 'handStarted', handNumber: s.handNumber }];
    this.afterChange(hand, now, events);
    return events;
  }

  verifyAct(seat: number, action: PlayerAction): void {
    const hand = this.hand;
    if (!hand || this.handIndexOf(seat) < 0) illegal('not_in_hand', 'You are not in this hand.');
    verifyPlayerAction(hand, this.handIndexOf(seat), action);
  }

  /** The player in `seat` acts (see `PlayerAction`); the hand may end, and then its end is reported. */
  act(seat: number, action: PlayerAction, now: number): DealerEvent[] {
    this.verifyAct(seat, action);
    const hand = this.hand as Hand;
    const info = this.state.info[seat] as S;
    spendThinkingTime(this.state, info, now);
    applyPlayerAction(hand, this.handIndexOf(seat), action);
    info.lastAction = publicActionName(action);
    info.timeouts = 0;
    const events: DealerEvent[] = [];
    this.afterChange(hand, now, events);
    return events;
  }

  verifyShowdownChoice(seat: number): void {
    if (this.handIndexOf(seat) < 0) illegal('not_in_hand', 'You are not in this hand.');
  }

  /** A player's wish at showdown: show a losing hand, or muck (the default for a losing hand). */
  showdownChoice(seat: number, choice: 'show' | 'muck'): void {
    this.verifyShowdownChoice(seat);
    (this.state.info[seat] as S).showdownChoice = choice;
  }

  /** Whether the player in `seat` may answer the question of running the board twice now. */
  verifyRunItTwice(seat: number): void {
    verifyRunoutAnswer(this.hand, this.handIndexOf(seat));
  }

  /** The player in `seat` answers whether to run the board twice (see `runout-vote.ts`); the hand may run out and end. */
  runItTwice(seat: number, agree: boolean, now: number): DealerEvent[] {
    this.verifyRunItTwice(seat);
    const hand = this.hand as Hand;
    answerRunouts(hand, this.handIndexOf(seat), agree);
    const events: DealerEvent[] = [];
    this.afterChange(hand, now, events);
    return events;
  }

  /** The next moment `tick` has something to do (the action clock), or 0. */
  nextDeadline(): number {
    return this.state.actionDeadline;
  }

  /**
   * The action clock at `now`: the time bank starts, or the player to act
   * times out: a player to draw stands pat, a bring-in is posted, otherwise
   * the player checks or folds.
   */
  tick(now: number): DealerEvent[] {
    const s = this.state;
    if (s.actionDeadline <= 0 || now < s.actionDeadline) return [];
    if (isAsking(this.hand)) {
      // Nobody answered in time: no is the answer.
      const voting = this.hand as Hand;
      closeVote(voting);
      const events: DealerEvent[] = [];
      this.afterChange(voting, now, events);
      return events;
    }
    const seat = this.actorSeat();
    if (seat < 0) {
      s.actionDeadline = 0;
      return [];
    }
    const info = s.info[seat] as S;
    if (runOutClock(s, info)) return [];
    const hand = this.hand as Hand;
    const player = this.handIndexOf(seat);
    if (hand.drawer === player) hand.draw(player, []);
    else if (hand.canBringIn(player)) hand.bringIn(player);
    else if (hand.canCheck(player)) hand.check(player);
    else hand.fold(player);
    info.lastAction = 'timeout';
    const events: DealerEvent[] = [];
    this.afterChange(hand, now, events);
    return events;
  }

  /** After any change: the dealer's part, then the hand's end or the next player on the clock. */
  private afterChange(hand: Hand, now: number, events: DealerEvent[]): void {
    playDealerPart(this.state, hand);
    if (hand.isComplete) events.push(finishHand(this.state, hand, now));
    else if (isAsking(hand)) startVoteClock(this.state, hand, now);
    else startClock(this.state, this.actorSeat(), now);
  }
}
