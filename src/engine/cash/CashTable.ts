import { IllegalActionError } from '../errors.ts';
import type { Hand } from '../hand/Hand.ts';
import { cryptoRandom, type RandomSource } from '../random.ts';
import { Dealer } from '../table/Dealer.ts';
import type { DealerEvent } from '../table/dealer-state.ts';
import type { PlayerAction } from '../table/player-action.ts';
import { createTable } from '../table/seating.ts';
import { verifyTableGame } from '../table/stakes.ts';
import * as clock from './clock.ts';
import * as money from './money.ts';
import * as seats from './seats.ts';
import { DEFAULT_TIMINGS, type CashTableSettings } from './settings.ts';
import type { CashTableEvent, CashTableState, PendingMoney, SeatInfo } from './state.ts';
import { illegal, requireSeat, seatedCount, seatOf, touch, type CashContext } from './table-context.ts';
import { advance, isClosed, tablePhase, type TablePhase } from './table-phase.ts';
import * as waitingList from './waiting-list.ts';
import { voteBombPot, verifyBombPotVote, bombPotVotes } from './options/bomb-pot.ts';
import { tableOptions } from './options/option-context.ts';
import { optionsOf } from './options/table-options.ts';
import { setStraddle, verifyStraddle } from './options/straddle.ts';
import { offerSharedSeat, seatForSharedList } from './options/shared-waitlist.ts';

export type { PlayerAction } from '../table/player-action.ts';

/**
 * A cash table: seats, the hand in play, action clocks, time banks,
 * reconnection windows and the waiting list. Pure: the caller passes the time
 * (`now`, epoch ms) and acts on the returned events (moving money, recording
 * hands). Every command either throws an `IllegalActionError` and changes
 * nothing, or applies fully, bumps `state.version` and returns its events.
 *
 * A facade over its parts: seats, money, the waiting list, the clock, and a
 * `Dealer` (hands, blinds, the action clock) that knows nothing of wallets;
 * after each command `advance` moves the table to its next phase.
 */
export class CashTable {
  readonly state: CashTableState;
  private readonly t: CashContext;

  private constructor(state: CashTableState, random: RandomSource) {
    this.state = state;
    this.t = { state, dealer: new Dealer<SeatInfo>(state, random), dealingPaused: false };
  }

  static create(tableId: string, name: string, settings: CashTableSettings, random: RandomSource = cryptoRandom): CashTable {
    verifyTableGame(settings, settings.maxSeats);
    const seating = createTable(settings.maxSeats);
    return new CashTable({
      // Running it twice is a second runout the hand allows (`maxRunouts`), which the players are asked about.
      tableId, name, settings: { ...DEFAULT_TIMINGS, ...settings, ...(optionsOf(settings).runItTwice ? { maxRunouts: 2 } : {}) }, seating,
      info: seating.seats.map(() => null), hand: null, handSeats: [], handNumber: 0, handStartedAt: 0,
      actionDeadline: 0, actionStartedAt: 0, usingTimeBank: false, nextHandAt: 0,
      waiting: [], offer: null, pendingMoney: [], closing: false, version: 0,
    }, random);
  }

  static restore(state: CashTableState, random: RandomSource = cryptoRandom): CashTable {
    return new CashTable(state, random);
  }

  /** The live hand. */
  get hand(): Hand | null {
    return this.t.dealer.hand;
  }

  get phase(): TablePhase {
    return tablePhase(this.t);
  }

  seatOf(playerId: string): number {
    return seatOf(this.t, playerId);
  }

  /** The hand index of a table seat in the live hand, or -1. */
  handIndexOf(seat: number): number {
    return this.t.dealer.handIndexOf(seat);
  }

  seatedCount(): number {
    return seatedCount(this.t);
  }

  /** Chips the table's ledger account holds (see `money.chipsOnTable`). */
  chipsOnTable(): number {
    return money.chipsOnTable(this.t);
  }

  /** Who is on the clock: the table seat of the player to act, or -1. */
  actorSeat(): number {
    return this.t.dealer.actorSeat();
  }

  /** Ends a command: the table moves on to its next phase (see `advance`); returns the command's events. */
  private advance(now: number, events: CashTableEvent[] = [], reported: readonly DealerEvent[] = []): CashTableEvent[] {
    advance(this.t, now, events, reported);
    return events;
  }

  // ── seats and money ───────────────────────────────────────────────────

  /** Checks a request to sit and returns the seat it would take. */
  verifySit(playerId: string, seat: number | undefined, buyIn: number): number {
    return seats.verifySit(this.t, playerId, seat, buyIn);
  }

  canSit(playerId: string, seat: number | undefined, buyIn: number): boolean {
    return can(() => this.verifySit(playerId, seat, buyIn));
  }

  /**
   * Seats the player with `buyIn` chips (already moved from their wallet to
   * the table); returns the seat. Sitting causes no event: the hand it may
   * schedule is dealt by `tick`.
   */
  sit(playerId: string, name: string, seat: number | undefined, buyIn: number, now: number): number {
    const chosen = seats.sit(this.t, playerId, name, seat, buyIn);
    this.advance(now);
    return chosen;
  }

  verifyTopUp(playerId: string, amount: number): void {
    money.verifyTopUp(this.t, playerId, amount);
  }

  /** Adds chips (already moved from the wallet) before the next deal. */
  topUp(playerId: string, amount: number, now: number): CashTableEvent[] {
    money.topUp(this.t, playerId, amount);
    return this.advance(now);
  }

  /** Records a buy-in about to move from the wallet; `settleMoney` seats the player once it has. Refused exactly when `sit` would be. */
  reserveBuyIn(playerId: string, name: string, seat: number | undefined, buyIn: number): PendingMoney {
    return money.reserveBuyIn(this.t, playerId, name, seat, buyIn);
  }

  reserveTopUp(playerId: string, amount: number): PendingMoney {
    return money.reserveTopUp(this.t, playerId, amount);
  }

  /** Finishes a pending money movement once the ledger has moved it (`moved`) or refused to (see `money.settleMoney`). */
  settleMoney(key: string, moved: boolean, now: number): CashTableEvent[] {
    return this.advance(now, money.settleMoney(this.t, key, moved));
  }

  verifySitOut(playerId: string): void {
    requireSeat(this.t, playerId);
  }

  /** The player keeps the seat but is not dealt in; a deal already scheduled is dealt without them, or not at all. */
  sitOut(playerId: string): CashTableEvent[] {
    seats.sitOut(this.t, playerId);
    return [];
  }

  verifySitIn(playerId: string): void {
    seats.verifySitIn(this.t, playerId);
  }

  /** Returns to play; a player who owes missed blinds posts them rather than waiting for the big blind. */
  sitIn(playerId: string, now: number): CashTableEvent[] {
    seats.sitIn(this.t, playerId);
    return this.advance(now);
  }

  /** Stands the player up now, or after the hand they are playing. Returns the cash-out when it happens now. */
  leave(playerId: string, now: number): CashTableEvent[] {
    return this.advance(now, seats.leave(this.t, playerId, now));
  }

  setConnected(playerId: string, connected: boolean, now: number): CashTableEvent[] {
    seats.setConnected(this.t, playerId, connected, now);
    return this.advance(now);
  }

  // ── waiting list ──────────────────────────────────────────────────────

  verifyWaitlist(playerId: string, join: boolean): void {
    waitingList.verifyWaitlist(this.t, playerId, join);
  }

  waitlist(playerId: string, name: string, join: boolean, now: number): CashTableEvent[] {
    const events: CashTableEvent[] = [];
    waitingList.waitlist(this.t, playerId, name, join, now, events);
    return this.advance(now, events);
  }

  /** Takes a player off the table (a ban): off the waiting list now, out of their seat like `leave`. */
  expel(playerId: string, now: number): CashTableEvent[] {
    waitingList.forget(this.t, playerId);
    const events = this.seatOf(playerId) >= 0 ? seats.leave(this.t, playerId, now) : [];
    waitingList.offerSeats(this.t, now, events);
    touch(this.t);
    return this.advance(now, events);
  }

  // ── the hand ──────────────────────────────────────────────────────────

  verifyAct(playerId: string, action: PlayerAction): void {
    this.t.dealer.verifyAct(this.seatOf(playerId), action);
  }

  /**
   * The player acts in the hand in play (see `PlayerAction`: a bet, stud's
   * `bringIn`, a draw game's `draw` with the cards to discard; `allin` is the
   * largest raise the betting allows).
   */
  act(playerId: string, action: PlayerAction, now: number): CashTableEvent[] {
    const reported = this.t.dealer.act(this.seatOf(playerId), action, now);
    const events = this.advance(now, [], reported);
    touch(this.t);
    return events;
  }

  /** Sets a player's showdown wish: show a losing hand, or muck (the default for a losing hand). */
  showdownChoice(playerId: string, choice: 'show' | 'muck', now: number): CashTableEvent[] {
    this.t.dealer.showdownChoice(requireSeat(this.t, playerId), choice);
    touch(this.t);
    return this.advance(now);
  }

  // ── table options (see options/) ─────────────────────────────────────

  verifyStraddle(playerId: string): void {
    verifyStraddle(this.t, playerId);
  }

  /** The player's standing wish to straddle when their position allows it (`options/straddle.ts`). */
  straddle(playerId: string, on: boolean): CashTableEvent[] {
    setStraddle(this.t, playerId, on);
    return [];
  }

  verifyBombPotVote(playerId: string, vote: boolean): void {
    verifyBombPotVote(this.t, playerId, vote);
  }

  /** A vote for the next hand to be a bomb pot, or its withdrawal (`options/bomb-pot.ts`). */
  bombPotVote(playerId: string, vote: boolean): CashTableEvent[] {
    voteBombPot(this.t, playerId, vote);
    return [];
  }

  /** Votes for a bomb pot from players still seated. */
  bombPotVotes(): number {
    return bombPotVotes(this.t);
  }

  /** The hand in play is a bomb pot. */
  isBombPot(): boolean {
    return Boolean(this.state.hand && this.state.options?.bombPot);
  }

  verifyRunItTwice(playerId: string): void {
    if (!tableOptions(this.t).runItTwice) illegal('run_it_twice_off', 'This table does not run it twice.');
    this.t.dealer.verifyRunItTwice(requireSeat(this.t, playerId));
  }

  /** The player's answer to running the board twice (see `table/runout-vote.ts`); the hand may run out and end. */
  runItTwice(playerId: string, agree: boolean, now: number): CashTableEvent[] {
    this.verifyRunItTwice(playerId);
    const reported = this.t.dealer.runItTwice(this.seatOf(playerId), agree, now);
    const events = this.advance(now, [], reported);
    touch(this.t);
    return events;
  }

  /** The seat a player of the template's shared waiting list could be offered now, or -1 (see `options/shared-waitlist.ts`). */
  seatForSharedList(): number {
    return seatForSharedList(this.t);
  }

  /** Offers the free seat to a player of the template's shared waiting list. */
  offerSharedSeat(playerId: string, now: number): CashTableEvent[] {
    return offerSharedSeat(this.t, playerId, now);
  }

  // ── time and the table's life ─────────────────────────────────────────

  /** The next moment `tick` has something to do, or 0. */
  nextDeadline(): number {
    return clock.nextDeadline(this.t);
  }

  /** Applies everything due by `now`: timeouts, the next deal, expired offers, dropped players. */
  tick(now: number): CashTableEvent[] {
    return clock.tick(this.t, now);
  }

  /**
   * Deals no new hand until `resumeDealing`; the hand in play goes on to its
   * end and players keep their seats. Unlike `close`, this is not the table's
   * fate: its process is leaving and another one will deal the next hand.
   */
  pauseDealing(): CashTableEvent[] {
    this.t.dealingPaused = true;
    touch(this.t);
    // Paused, the table reads no time: it only calls off a scheduled deal.
    return this.advance(0);
  }

  /** Deals again: schedules the next hand if the seats allow one. */
  resumeDealing(now: number): CashTableEvent[] {
    this.t.dealingPaused = false;
    touch(this.t);
    return this.advance(now);
  }

  /** Stops dealing: the current hand finishes, then everyone stands up with their chips. */
  close(now: number): CashTableEvent[] {
    this.state.closing = true;
    this.state.offer = null;
    const events = this.advance(now);
    touch(this.t);
    return events;
  }

  /** A closing table with no hand, no player and no money in flight: nothing is left on it. */
  isClosed(): boolean {
    return isClosed(this.t);
  }
}

function can(verify: () => void): boolean {
  try {
    verify();
    return true;
  } catch (error) {
    if (error instanceof IllegalActionError) return false;
    throw error;
  }
}
