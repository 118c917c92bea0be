import { IllegalActionError } from '../errors.ts';
import { Hand } from '../hand/Hand.ts';
import { HandPhase, OddChipRule, type HandConfig } from '../hand/state.ts';
import { cryptoRandom, type RandomSource } from '../random.ts';
import { applyPlan, planNextHand, type HandPlan } from '../table/lineup.ts';
import { createTable, seatPlayer, setSittingOut, setWillPost, standUp } from '../table/seating.ts';
import { findVariant, BettingStructure } from '../variants.ts';
import { totalPot } from '../hand/betting-rules.ts';
import { DEFAULT_TIMINGS, type CashTableSettings } from './settings.ts';
import type { CashTableEvent, CashTableState, PendingMoney, SeatInfo } from './state.ts';

/** A player's betting choice, as clients send it. */
export type PlayerAction = { action: 'fold' | 'check' | 'call' | 'bet' | 'raise' | 'allin'; amount?: number };

function illegal(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

/**
 * A cash table: seats, the hand in play, action clocks, time banks,
 * reconnection windows and the waiting list. Pure: the caller passes the time
 * (`now`, epoch ms) and acts on the returned events (moving money, recording
 * hands). Every command either throws an `IllegalActionError` and changes
 * nothing, or applies fully and bumps `state.version`.
 */
export class CashTable {
  readonly state: CashTableState;
  private readonly random: RandomSource;
  /**
   * Dealing paused: the process running this table is shutting down and hands
   * it over. Not part of the state: the next owner restores and deals again.
   */
  private dealingPaused = false;
  /** The Hand over `state.hand`, for `hand`: a Hand holds nothing but that state, so it stays valid while the object does. */
  private handCache: Hand | null = null;

  private constructor(state: CashTableState, random: RandomSource) {
    this.state = state;
    this.random = random;
  }

  static create(tableId: string, name: string, settings: CashTableSettings, random: RandomSource = cryptoRandom): CashTable {
    if (!findVariant(settings.variant)) illegal('unknown_variant', `The variant "${settings.variant}" is not supported.`);
    const seating = createTable(settings.maxSeats);
    return new CashTable({
      tableId, name, settings: { ...DEFAULT_TIMINGS, ...settings }, seating,
      info: seating.seats.map(() => null), hand: null, handSeats: [], handNumber: 0, handStartedAt: 0,
      actionDeadline: 0, actionStartedAt: 0, usingTimeBank: false, nextHandAt: 0,
      waiting: [], offer: null, pendingMoney: [], closing: false, version: 0,
    }, random);
  }

  static restore(state: CashTableState, random: RandomSource = cryptoRandom): CashTable {
    return new CashTable(state, random);
  }

  /** The live hand; wrapped (and its configuration checked) once per hand state, not on every read. */
  get hand(): Hand | null {
    const state = this.state.hand;
    if (!state) return null;
    if (this.handCache?.state !== state) this.handCache = Hand.restore(state, this.random);
    return this.handCache;
  }

  seatOf(playerId: string): number {
    return this.state.info.findIndex((info) => info?.playerId === playerId);
  }

  /** The hand index of a table seat in the live hand, or -1. */
  handIndexOf(seat: number): number {
    return this.state.hand ? this.state.handSeats.indexOf(seat) : -1;
  }

  seatedCount(): number {
    return this.state.info.filter(Boolean).length;
  }

  /**
   * Chips the table's ledger account holds: stacks, pending top-ups, everything
   * in the live hand, and cash-outs not yet moved back to their wallets.
   */
  chipsOnTable(): number {
    const s = this.state;
    let total = 0;
    for (const money of s.pendingMoney) if (money.kind === 'cashOut') total += money.amount;
    s.seating.seats.forEach((seat, i) => {
      if (!seat) return;
      total += s.info[i]?.pendingTopUp ?? 0;
      if (this.handIndexOf(i) < 0) total += seat.stack;
    });
    if (s.hand) {
      for (const stack of s.hand.stacks) total += stack;
      total += totalPot(s.hand);
    }
    return total;
  }

  private touch(): void {
    this.state.version++;
  }

  // ── seats ─────────────────────────────────────────────────────────────

  /** Checks a request to sit and returns the seat it would take. */
  verifySit(playerId: string, seat: number | undefined, buyIn: number): number {
    const s = this.state;
    const { minBuyIn, maxBuyIn } = s.settings;
    if (s.closing) illegal('table_closing', 'This table is closing.');
    if (this.seatOf(playerId) >= 0) illegal('already_seated', 'You already have a seat at this table.');
    if (!Number.isSafeInteger(buyIn) || buyIn < minBuyIn || buyIn > maxBuyIn) {
      illegal('bad_buy_in', `Buy in for between ${minBuyIn} and ${maxBuyIn} chips.`);
    }
    const offer = s.offer;
    const offered = offer?.playerId === playerId;
    // While players wait, seats go to them in order, one offer at a time.
    if (!offered && s.waiting.length > 0) illegal('waitlist_first', 'Players are waiting for a seat; join the waiting list.');
    const free = (i: number): boolean => s.info[i] === null && (!offer || offer.seat !== i || offered);
    if (seat !== undefined) {
      if (!Number.isSafeInteger(seat) || seat < 0 || seat >= s.settings.maxSeats) illegal('bad_seat', `Seats are numbered 0 to ${s.settings.maxSeats - 1}.`);
      if (!free(seat)) illegal('seat_taken', `Seat ${seat} is taken.`);
    }
    const chosen = seat ?? (offered && offer ? offer.seat : s.info.findIndex((_, i) => free(i)));
    if (chosen < 0) illegal('table_full', 'The table is full; join the waiting list.');
    return chosen;
  }

  canSit(playerId: string, seat: number | undefined, buyIn: number): boolean {
    return this.can(() => this.verifySit(playerId, seat, buyIn));
  }

  /** Seats the player with `buyIn` chips (already moved from their wallet to the table). */
  sit(playerId: string, name: string, seat: number | undefined, buyIn: number, now: number): number {
    const chosen = this.verifySit(playerId, seat, buyIn);
    const s = this.state;
    s.seating = seatPlayer(s.seating, chosen, playerId, buyIn);
    s.info[chosen] = {
      playerId, name, connected: true, disconnectedAt: 0, timeBankMs: s.settings.timeBankMs, timeouts: 0,
      leaveAfterHand: false, pendingTopUp: 0, showdownChoice: null, lastAction: '',
    };
    s.waiting = s.waiting.filter((w) => w.playerId !== playerId);
    if (s.offer?.playerId === playerId) s.offer = null;
    this.scheduleHand(now);
    this.touch();
    return chosen;
  }

  private requireSeat(playerId: string): number {
    const seat = this.seatOf(playerId);
    if (seat < 0) illegal('not_seated', 'You do not have a seat at this table.');
    return seat;
  }

  verifyTopUp(playerId: string, amount: number): void {
    const seat = this.requireSeat(playerId);
    const s = this.state;
    const info = s.info[seat] as SeatInfo;
    const stack = (s.seating.seats[seat]?.stack ?? 0) + info.pendingTopUp;
    if (!Number.isSafeInteger(amount) || amount <= 0) illegal('bad_amount', 'Top up by a whole, positive number of chips.');
    if (stack + amount > s.settings.maxBuyIn) illegal('over_max_buy_in', `A stack may hold at most ${s.settings.maxBuyIn} chips; you can add ${Math.max(0, s.settings.maxBuyIn - stack)}.`);
  }

  /** Adds chips (already moved from the wallet) before the next deal. */
  topUp(playerId: string, amount: number, now: number): void {
    this.verifyTopUp(playerId, amount);
    const seat = this.seatOf(playerId);
    (this.state.info[seat] as SeatInfo).pendingTopUp += amount;
    if (!this.state.hand) this.applyTopUps();
    this.scheduleHand(now);
    this.touch();
  }

  /**
   * Records a buy-in that is about to move from the wallet; `settleMoney`
   * seats the player once it has. Refused exactly when `sit` would be.
   */
  reserveBuyIn(playerId: string, name: string, seat: number | undefined, buyIn: number): PendingMoney {
    const chosen = this.verifySit(playerId, seat, buyIn);
    if (this.state.pendingMoney.some((m) => m.kind === 'buyIn' && (m.playerId === playerId || m.seat === chosen))) {
      illegal('seat_taken', `Seat ${chosen} is being taken.`);
    }
    return this.reserve({ kind: 'buyIn', playerId, name, seat: chosen, amount: buyIn });
  }

  reserveTopUp(playerId: string, amount: number): PendingMoney {
    this.verifyTopUp(playerId, amount);
    const seat = this.seatOf(playerId);
    return this.reserve({ kind: 'topUp', playerId, name: this.state.info[seat]?.name ?? '', seat, amount });
  }

  private reserve(money: Omit<PendingMoney, 'key'>): PendingMoney {
    const s = this.state;
    this.touch();
    const pending = { ...money, key: `${money.kind}:${s.tableId}:${s.version}:${money.playerId}` };
    s.pendingMoney.push(pending);
    return pending;
  }

  /**
   * Finishes a pending money movement: `moved` says whether the ledger moved
   * it. A moved buy-in seats the player (or, if the seat went meanwhile,
   * turns into a cash-out of the same chips); a moved top-up joins the stack.
   */
  settleMoney(key: string, moved: boolean, now: number): CashTableEvent[] {
    const s = this.state;
    const money = s.pendingMoney.find((m) => m.key === key);
    if (!money) return [];
    s.pendingMoney = s.pendingMoney.filter((m) => m.key !== key);
    this.touch();
    if (!moved || money.kind === 'cashOut') return [];
    const events: CashTableEvent[] = [];
    try {
      if (money.kind === 'buyIn') this.sit(money.playerId, money.name, money.seat, money.amount, now);
      else this.topUp(money.playerId, money.amount, now);
    } catch (error) {
      if (!(error instanceof IllegalActionError)) throw error;
      const refund = { key: `refund:${key}`, kind: 'cashOut' as const, playerId: money.playerId, name: money.name, seat: money.seat, amount: money.amount };
      s.pendingMoney.push(refund);
      events.push({ type: 'moveMoney', money: refund });
    }
    return events;
  }

  private applyTopUps(): void {
    const s = this.state;
    s.info.forEach((info, seat) => {
      const current = s.seating.seats[seat];
      if (!info || !current || info.pendingTopUp === 0) return;
      s.seating.seats[seat] = { ...current, stack: current.stack + info.pendingTopUp };
      info.pendingTopUp = 0;
    });
  }

  verifySitOut(playerId: string): void {
    this.requireSeat(playerId);
  }

  sitOut(playerId: string): void {
    const seat = this.requireSeat(playerId);
    const s = this.state;
    s.seating = setSittingOut(s.seating, seat, true);
    this.touch();
  }

  verifySitIn(playerId: string): void {
    const seat = this.requireSeat(playerId);
    const current = this.state.seating.seats[seat];
    const pending = this.state.info[seat]?.pendingTopUp ?? 0;
    if (current && current.stack + pending <= 0) illegal('no_chips', 'Top up before sitting in.');
  }

  /** Returns to play; a player who owes missed blinds posts them rather than waiting for the big blind. */
  sitIn(playerId: string, now: number): void {
    this.verifySitIn(playerId);
    const seat = this.seatOf(playerId);
    const s = this.state;
    s.seating = setSittingOut(s.seating, seat, false);
    const current = s.seating.seats[seat];
    if (current && (current.missedBigBlind || current.missedSmallBlind || current.isNew)) s.seating = setWillPost(s.seating, seat, true);
    const info = s.info[seat] as SeatInfo;
    info.timeouts = 0;
    this.scheduleHand(now);
    this.touch();
  }

  /** Stands the player up now, or after the hand they are playing. Returns the cash-out when it happens now. */
  leave(playerId: string, now: number): CashTableEvent[] {
    const seat = this.requireSeat(playerId);
    const s = this.state;
    if (this.handIndexOf(seat) >= 0) {
      (s.info[seat] as SeatInfo).leaveAfterHand = true;
      this.touch();
      return [];
    }
    const events = [this.standUpSeat(seat)];
    this.offerSeats(now, events);
    this.touch();
    return events;
  }

  private standUpSeat(seat: number): CashTableEvent {
    const s = this.state;
    const info = s.info[seat] as SeatInfo;
    const amount = (s.seating.seats[seat]?.stack ?? 0) + info.pendingTopUp;
    s.seating = standUp(s.seating, seat);
    s.info[seat] = null;
    const key = `cashout:${s.tableId}:${s.version}:${seat}:${info.playerId}`;
    s.pendingMoney.push({ key, kind: 'cashOut', playerId: info.playerId, name: info.name, seat, amount });
    return { type: 'cashOut', playerId: info.playerId, seat, amount, key };
  }

  // ── waiting list ──────────────────────────────────────────────────────

  verifyWaitlist(playerId: string, join: boolean): void {
    const s = this.state;
    const listed = s.waiting.some((w) => w.playerId === playerId);
    if (!join) {
      if (!listed) illegal('not_waiting', 'You are not on the waiting list.');
      return;
    }
    if (listed) illegal('already_waiting', 'You are already on the waiting list.');
    if (this.seatOf(playerId) >= 0) illegal('already_seated', 'You already have a seat at this table.');
    if (this.seatedCount() < s.settings.maxSeats && s.waiting.length === 0) illegal('seat_available', 'A seat is free; sit down instead.');
  }

  waitlist(playerId: string, name: string, join: boolean, now: number): CashTableEvent[] {
    this.verifyWaitlist(playerId, join);
    const s = this.state;
    const events: CashTableEvent[] = [];
    if (join) s.waiting.push({ playerId, name });
    else {
      s.waiting = s.waiting.filter((w) => w.playerId !== playerId);
      if (s.offer?.playerId === playerId) s.offer = null;
    }
    this.offerSeats(now, events);
    this.touch();
    return events;
  }

  /** Offers a free seat to the first waiting player, who has `offerMs` to take it. */
  private offerSeats(now: number, events: CashTableEvent[]): void {
    const s = this.state;
    if (s.offer || s.waiting.length === 0 || s.closing) return;
    const seat = s.info.findIndex((info) => info === null);
    if (seat < 0) return;
    s.offer = { playerId: s.waiting[0].playerId, seat, expiresAt: now + s.settings.offerMs };
    events.push({ type: 'seatOffered', ...s.offer });
  }

  // ── connection ────────────────────────────────────────────────────────

  setConnected(playerId: string, connected: boolean, now: number): void {
    const seat = this.seatOf(playerId);
    if (seat < 0) return;
    const info = this.state.info[seat] as SeatInfo;
    info.connected = connected;
    info.disconnectedAt = connected ? 0 : now;
    this.touch();
  }

  // ── the hand ──────────────────────────────────────────────────────────

  private scheduleHand(now: number): void {
    const s = this.state;
    if (s.hand || s.closing || this.dealingPaused || s.nextHandAt > 0) return;
    if (planNextHand(s.seating, s.settings.stakes) === null) return;
    s.nextHandAt = now + s.settings.pauseMs;
  }

  private handConfig(plan: HandPlan): HandConfig {
    const st = this.state.settings;
    const variant = findVariant(st.variant);
    const fixed = variant?.betting === BettingStructure.fixedLimit;
    return {
      variant: st.variant,
      startingStacks: plan.startingStacks,
      antes: plan.antes,
      blindsOrStraddles: plan.blindsOrStraddles,
      deadBlinds: plan.deadBlinds,
      posts: plan.posts,
      anteTrimming: !st.stakes.bigBlindAnte,
      ...(fixed ? { smallBet: st.smallBet, bigBet: st.bigBet } : { minBet: st.stakes.bigBlind }),
      ...(st.rake ? { rake: st.rake } : {}),
      oddChips: OddChipRule.leftOfButton,
      maxRunouts: st.maxRunouts,
      seats: plan.seats,
    };
  }

  private startHand(now: number, events: CashTableEvent[]): void {
    const s = this.state;
    s.nextHandAt = 0;
    if (s.hand || s.closing || this.dealingPaused) return;
    this.applyTopUps();
    const plan = planNextHand(s.seating, s.settings.stakes);
    if (!plan) return;
    const hand = Hand.start(this.handConfig(plan), { random: this.random });
    s.seating = applyPlan(s.seating, plan);
    s.hand = hand.state;
    s.handSeats = plan.seats;
    s.handNumber++;
    s.handStartedAt = now;
    for (const info of s.info) if (info) {
      info.showdownChoice = null;
      info.lastAction = '';
    }
    events.push({ type: 'handStarted', handNumber: s.handNumber });
    this.afterHandChange(hand, now, events);
  }

  /** Who is on the clock: the table seat of the player to act, or -1. */
  actorSeat(): number {
    const hand = this.state.hand;
    if (!hand || hand.phase !== HandPhase.betting || hand.actors.length === 0) return -1;
    return this.state.handSeats[hand.actors[0]];
  }

  verifyAct(playerId: string, action: PlayerAction): void {
    const seat = this.seatOf(playerId);
    const hand = this.hand;
    if (!hand || seat < 0 || this.handIndexOf(seat) < 0) illegal('not_in_hand', 'You are not in this hand.');
    const player = this.handIndexOf(seat);
    switch (action.action) {
      case 'fold':
        return hand.verifyFold(player);
      case 'check':
        return hand.verifyCheck(player);
      case 'call':
        return hand.verifyCall(player);
      case 'bet':
      case 'raise':
        if (action.amount === undefined) illegal('bad_amount', 'Say the total to bet or raise to in "amount".');
        return hand.verifyRaiseTo(player, action.amount);
      case 'allin':
        // Going all-in is a raise, a call or a check depending on the spot; it is always the player's turn to do it.
        return hand.verifyFold(player);
      default:
        illegal('bad_action', 'The action must be fold, check, call, bet, raise or allin.');
    }
  }

  act(playerId: string, action: PlayerAction, now: number): CashTableEvent[] {
    this.verifyAct(playerId, action);
    const seat = this.seatOf(playerId);
    const hand = this.hand as Hand;
    const player = this.handIndexOf(seat);
    this.spendThinkingTime(seat, now);
    this.apply(hand, player, action);
    (this.state.info[seat] as SeatInfo).lastAction = action.action;
    (this.state.info[seat] as SeatInfo).timeouts = 0;
    const events: CashTableEvent[] = [];
    this.afterHandChange(hand, now, events);
    this.touch();
    return events;
  }

  private apply(hand: Hand, player: number, action: PlayerAction): void {
    switch (action.action) {
      case 'fold':
        hand.fold(player);
        return;
      case 'check':
        hand.check(player);
        return;
      case 'call':
        hand.call(player);
        return;
      case 'bet':
      case 'raise':
        hand.raiseTo(player, action.amount as number);
        return;
      case 'allin': {
        const legal = hand.legalActions();
        if (legal?.raise && legal.maxRaiseTo === hand.state.stacks[player] + hand.state.bets[player]) hand.raiseTo(player, legal.maxRaiseTo);
        else if (legal?.call) hand.call(player);
        else hand.check(player);
      }
    }
  }

  private spendThinkingTime(seat: number, now: number): void {
    const s = this.state;
    if (!s.usingTimeBank) return;
    const info = s.info[seat] as SeatInfo;
    const bankStart = s.actionStartedAt + s.settings.actionMs;
    info.timeBankMs = Math.max(0, info.timeBankMs - Math.max(0, now - bankStart));
  }

  /** Sets a player's showdown wish: show a losing hand, or muck (the default for a losing hand). */
  showdownChoice(playerId: string, choice: 'show' | 'muck', now: number): CashTableEvent[] {
    const seat = this.requireSeat(playerId);
    const s = this.state;
    if (!s.hand || this.handIndexOf(seat) < 0) illegal('not_in_hand', 'You are not in this hand.');
    const hand = this.hand as Hand;
    const player = this.handIndexOf(seat);
    (s.info[seat] as SeatInfo).showdownChoice = choice;
    const events: CashTableEvent[] = [];
    if (hand.isComplete && choice === 'show' && hand.canShow(player)) {
      hand.show(player);
      s.hand = hand.state;
    }
    this.touch();
    return events;
  }

  /** The dealer's part after any change: table all-in hands, resolve the showdown, finish, and set the clock. */
  private afterHandChange(hand: Hand, now: number, events: CashTableEvent[]): void {
    const s = this.state;
    if (hand.state.allIn && !hand.isComplete) {
      hand.state.active.forEach((active, i) => {
        if (active && !hand.state.shown[i] && hand.canShow(i)) hand.show(i);
      });
    }
    while (hand.phase === HandPhase.showdown) {
      const next = hand.state.showdownQueue[0];
      const choice = s.info[s.handSeats[next]]?.showdownChoice;
      if (choice === 'show') hand.show(next);
      else hand.showOrMuck();
    }
    if (hand.phase === HandPhase.runoutVote) {
      hand.state.active.forEach((active, i) => {
        if (active && hand.state.runoutVotes[i] === null) hand.chooseRunouts(i, 1);
      });
    }
    s.hand = hand.state;
    if (hand.isComplete) this.finishHand(hand, now, events);
    else this.startClock(now);
  }

  private startClock(now: number): void {
    const s = this.state;
    const seat = this.actorSeat();
    s.usingTimeBank = false;
    s.actionStartedAt = seat >= 0 ? now : 0;
    s.actionDeadline = seat >= 0 ? now + s.settings.actionMs : 0;
  }

  private finishHand(hand: Hand, now: number, events: CashTableEvent[]): void {
    const s = this.state;
    const seats = s.handSeats;
    events.push({
      type: 'handComplete', handNumber: s.handNumber, hand: hand.state, seats: [...seats],
      playerIds: seats.map((seat) => s.seating.seats[seat]?.playerId ?? ''),
      startedAt: s.handStartedAt, endedAt: now, rake: hand.rake(),
    });
    seats.forEach((seat, i) => {
      const current = s.seating.seats[seat];
      if (current) s.seating.seats[seat] = { ...current, stack: hand.state.stacks[i] };
    });
    s.hand = null;
    s.handSeats = [];
    s.actionDeadline = 0;
    s.actionStartedAt = 0;
    s.usingTimeBank = false;
    this.applyTopUps();
    s.info.forEach((info, seat) => {
      if (!info) return;
      const current = s.seating.seats[seat];
      if (info.leaveAfterHand || s.closing) {
        events.push(this.standUpSeat(seat));
        return;
      }
      if (current && current.stack === 0 && !current.sittingOut) s.seating = setSittingOut(s.seating, seat, true);
      if (info.timeouts >= s.settings.maxTimeouts && current && !current.sittingOut) s.seating = setSittingOut(s.seating, seat, true);
    });
    this.offerSeats(now, events);
    this.scheduleHand(now);
  }

  // ── time ──────────────────────────────────────────────────────────────

  /** The next moment `tick` has something to do, or 0. */
  nextDeadline(): number {
    const s = this.state;
    const times = [s.actionDeadline, s.nextHandAt, s.offer?.expiresAt ?? 0];
    for (const info of s.info) {
      if (info && !info.connected) times.push(info.disconnectedAt + s.settings.reconnectMs, info.disconnectedAt + s.settings.standUpMs);
    }
    const future = times.filter((t) => t > 0);
    return future.length > 0 ? Math.min(...future) : 0;
  }

  /** Applies everything due by `now`: timeouts, the next deal, expired offers, dropped players. */
  tick(now: number): CashTableEvent[] {
    const s = this.state;
    const events: CashTableEvent[] = [];
    const before = s.version;
    if (s.actionDeadline > 0 && now >= s.actionDeadline) this.timeOut(now, events);
    if (s.offer && now >= s.offer.expiresAt) {
      const expired = s.offer.playerId;
      s.waiting = s.waiting.filter((w) => w.playerId !== expired);
      s.offer = null;
      this.offerSeats(now, events);
      this.touch();
    }
    s.info.forEach((info, seat) => {
      if (!info || info.connected) return;
      const current = s.seating.seats[seat];
      if (now - info.disconnectedAt >= s.settings.standUpMs && this.handIndexOf(seat) < 0) {
        events.push(this.standUpSeat(seat));
        this.offerSeats(now, events);
        this.touch();
      } else if (now - info.disconnectedAt >= s.settings.reconnectMs && current && !current.sittingOut) {
        s.seating = setSittingOut(s.seating, seat, true);
        this.touch();
      }
    });
    if (s.nextHandAt > 0 && now >= s.nextHandAt) {
      this.startHand(now, events);
      this.touch();
    }
    if (s.version !== before) this.scheduleHand(now);
    return events;
  }

  private timeOut(now: number, events: CashTableEvent[]): void {
    const s = this.state;
    const seat = this.actorSeat();
    if (seat < 0) {
      s.actionDeadline = 0;
      return;
    }
    const info = s.info[seat] as SeatInfo;
    if (!s.usingTimeBank && info.timeBankMs > 0) {
      s.usingTimeBank = true;
      s.actionDeadline = s.actionStartedAt + s.settings.actionMs + info.timeBankMs;
      this.touch();
      return;
    }
    info.timeBankMs = s.usingTimeBank ? 0 : info.timeBankMs;
    info.timeouts++;
    const hand = this.hand as Hand;
    const player = this.handIndexOf(seat);
    if (hand.canCheck(player)) hand.check(player);
    else hand.fold(player);
    info.lastAction = 'timeout';
    this.afterHandChange(hand, now, events);
    this.touch();
  }

  /**
   * Deals no new hand until `resumeDealing`; the hand in play goes on to its
   * end and players keep their seats. Unlike `close`, this is not the table's
   * fate: its process is leaving and another one will deal the next hand.
   */
  pauseDealing(): void {
    this.dealingPaused = true;
    this.state.nextHandAt = 0;
    this.touch();
  }

  /** Deals again: schedules the next hand if the seats allow one. */
  resumeDealing(now: number): void {
    this.dealingPaused = false;
    this.scheduleHand(now);
    this.touch();
  }

  /** Stops dealing: the current hand finishes, then everyone stands up with their chips. */
  close(now: number): CashTableEvent[] {
    const s = this.state;
    s.closing = true;
    s.nextHandAt = 0;
    s.offer = null;
    const events: CashTableEvent[] = [];
    if (!s.hand) s.info.forEach((info, seat) => {
      if (info) events.push(this.standUpSeat(seat));
    });
    void now;
    this.touch();
    return events;
  }

  /** A closing table with no hand, no player and no money in flight: nothing is left on it. */
  isClosed(): boolean {
    const s = this.state;
    return s.closing && !s.hand && this.seatedCount() === 0 && s.pendingMoney.length === 0;
  }

  /**
   * Takes a player off the table (a ban): off the waiting list and any seat
   * offer now, out of their seat like `leave` (after the hand they are playing).
   */
  expel(playerId: string, now: number): CashTableEvent[] {
    const s = this.state;
    s.waiting = s.waiting.filter((w) => w.playerId !== playerId);
    if (s.offer?.playerId === playerId) s.offer = null;
    const events = this.seatOf(playerId) >= 0 ? this.leave(playerId, now) : [];
    this.offerSeats(now, events);
    this.touch();
    return events;
  }

  private can(verify: () => void): boolean {
    try {
      verify();
      return true;
    } catch (error) {
      if (error instanceof IllegalActionError) return false;
      throw error;
    }
  }
}
