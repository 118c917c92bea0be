import { IllegalActionError } from '../errors.ts';
import type { Hand } from '../hand/Hand.ts';
import * as money from '../cash/money.ts';
import type { CashContext } from '../cash/table-context.ts';
import type { PendingMoney } from '../cash/state.ts';
import { cryptoRandom, type RandomSource } from '../random.ts';
import { Dealer } from '../table/Dealer.ts';
import type { DealerEvent } from '../table/dealer-state.ts';
import type { PlayerAction } from '../table/player-action.ts';
import { createTable } from '../table/seating.ts';
import { verifyTableGame } from '../table/stakes.ts';
import type { SeatInstruction } from '../../tournaments/events.ts';
import { illegal, markAway, notAtTournamentTable, requireSeat, seatOf, seatedCount, touch, type TournamentContext } from './context.ts';
import { advance, takeOrder, verifyDeal } from './dealing.ts';
import * as seating from './seating.ts';
import { tournamentSettings, type TournamentDeal, type TournamentHandReport, type TournamentSeatInfo, type TournamentTableSetup, type TournamentTableState } from './state.ts';

/**
 * A tournament table: the tournament seats its players (`seatPlayers`), has
 * each hand dealt (`deal`, one hand per order, at the order's stakes), takes
 * players off to move them (`releasePlayer`), adds the chips they buy
 * (`addChips`) and closes it (`closeTable`); the table plays the hands under
 * the action clock and, after each, knocks out the players with no chips left
 * and writes its report (`pendingReport`) until the tournament has it
 * (`reportAnswered`). Every tournament command is idempotent by its id.
 *
 * Players only play: `sit`, `topUp`, `leave` and `waitlist` are refused
 * (`tournament_table`). `sitOut` marks the player away and `sitIn` back;
 * away or not, a player is dealt in, posts blinds and antes, and when the
 * clock runs out (their time bank too) checks or folds. A player who times
 * out is marked away until they act.
 *
 * Pure like the cash table it mirrors (same shape of state and the same
 * player commands, so one room drives both): the caller passes the time, and
 * a command either throws an `IllegalActionError` and changes nothing, or
 * applies fully, bumps `state.version` and returns the dealer's events.
 */
export class TournamentTable {
  readonly state: TournamentTableState;
  private readonly t: TournamentContext;

  private constructor(state: TournamentTableState, random: RandomSource) {
    this.state = state;
    this.t = { state, dealer: new Dealer<TournamentSeatInfo>(state, random), dealingPaused: false };
  }

  static create(setup: TournamentTableSetup, random: RandomSource = cryptoRandom): TournamentTable {
    const settings = tournamentSettings(setup);
    verifyTableGame(settings, settings.maxSeats);
    const seatingState = createTable(settings.maxSeats);
    return new TournamentTable({
      tableId: setup.tableId, name: setup.name, settings, seating: seatingState,
      info: seatingState.seats.map(() => null), hand: null, handSeats: [], handNumber: 0, handStartedAt: 0,
      actionDeadline: 0, actionStartedAt: 0, usingTimeBank: false, nextHandAt: 0,
      waiting: [], offer: null, pendingMoney: [], closing: false, version: 0,
      tournament: {
        tournamentId: setup.tournamentId, number: setup.number, level: setup.level, lastOrdered: 0, order: null,
        handEndedAt: 0, report: null, seated: {}, released: {}, added: {}, movedTo: {}, closed: false,
      },
    }, random);
  }

  static restore(state: TournamentTableState, random: RandomSource = cryptoRandom): TournamentTable {
    return new TournamentTable(state, random);
  }

  get hand(): Hand | null {
    return this.t.dealer.hand;
  }

  seatOf(playerId: string): number {
    return seatOf(this.t, playerId);
  }

  handIndexOf(seat: number): number {
    return this.t.dealer.handIndexOf(seat);
  }

  seatedCount(): number {
    return seatedCount(this.t);
  }

  /** Who is on the clock: the table seat of the player to act, or -1. */
  actorSeat(): number {
    return this.t.dealer.actorSeat();
  }

  /** Chips on the table: stacks and the pot (as a cash table counts them; nothing is ever on its way to a wallet). */
  chipsOnTable(): number {
    return money.chipsOnTable(this.t as unknown as CashContext);
  }

  private advance(now: number, events: DealerEvent[] = [], reported: readonly DealerEvent[] = [], dueBy = 0): DealerEvent[] {
    advance(this.t, now, events, reported, dueBy);
    return events;
  }

  // ── what a cash table's player may ask and this one's may not ─────────

  verifySit(_playerId: string, _seat: number | undefined, _buyIn: number): number {
    return notAtTournamentTable('you cannot sit down here');
  }

  verifyTopUp(_playerId: string, _amount: number): void {
    notAtTournamentTable('you cannot add chips here');
  }

  reserveBuyIn(_playerId: string, _name: string, _seat: number | undefined, _buyIn: number): PendingMoney {
    return notAtTournamentTable('you cannot buy in here');
  }

  reserveTopUp(_playerId: string, _amount: number): PendingMoney {
    return notAtTournamentTable('you cannot add chips here');
  }

  settleMoney(_key: string, _moved: boolean, _now: number): DealerEvent[] {
    return notAtTournamentTable('no wallet money moves here');
  }

  leave(_playerId: string, _now: number): DealerEvent[] {
    return notAtTournamentTable('you cannot leave your seat; sit out to be away');
  }

  verifyWaitlist(_playerId: string, _join: boolean): void {
    notAtTournamentTable('there is no waiting list');
  }

  waitlist(_playerId: string, _name: string, _join: boolean, _now: number): DealerEvent[] {
    return notAtTournamentTable('there is no waiting list');
  }

  /** An admin's close: refused, the tournament closes its tables (`closeTable`). */
  close(_now: number): DealerEvent[] {
    return notAtTournamentTable('the tournament closes it');
  }

  // ── players ───────────────────────────────────────────────────────────

  verifySitOut(playerId: string): void {
    requireSeat(this.t, playerId);
  }

  /** The player is away: still dealt in, and the clock acts for them (see the class comment). */
  sitOut(playerId: string): DealerEvent[] {
    this.setAway(requireSeat(this.t, playerId), true);
    return [];
  }

  verifySitIn(playerId: string): void {
    requireSeat(this.t, playerId);
  }

  sitIn(playerId: string, _now: number): DealerEvent[] {
    this.setAway(requireSeat(this.t, playerId), false);
    return [];
  }

  /** A ban: the player is marked away and keeps the seat; the tournament decides what becomes of the entry. */
  expel(playerId: string, _now: number): DealerEvent[] {
    const seat = this.seatOf(playerId);
    if (seat >= 0) this.setAway(seat, true);
    return [];
  }

  private setAway(seat: number, away: boolean): void {
    const info = this.state.info[seat] as TournamentSeatInfo;
    if (info.away === away) return;
    info.away = away;
    if (!away) info.timeouts = 0;
    markAway(this.t);
    touch(this.t);
  }

  setConnected(playerId: string, connected: boolean, now: number): DealerEvent[] {
    const seat = this.seatOf(playerId);
    if (seat < 0) return [];
    const info = this.state.info[seat] as TournamentSeatInfo;
    info.connected = connected;
    info.disconnectedAt = connected ? 0 : now;
    touch(this.t);
    return [];
  }

  verifyAct(playerId: string, action: PlayerAction): void {
    this.t.dealer.verifyAct(this.seatOf(playerId), action);
  }

  /** The player acts in the hand in play (as at a cash table); acting ends being away. */
  act(playerId: string, action: PlayerAction, now: number): DealerEvent[] {
    const seat = this.seatOf(playerId);
    const reported = this.t.dealer.act(seat, action, now);
    const info = this.state.info[seat];
    if (info?.away) this.setAway(seat, false);
    touch(this.t);
    return this.advance(now, [], reported);
  }

  showdownChoice(playerId: string, choice: 'show' | 'muck', now: number): DealerEvent[] {
    this.t.dealer.showdownChoice(requireSeat(this.t, playerId), choice);
    touch(this.t);
    return this.advance(now);
  }

  // ── the tournament's commands ─────────────────────────────────────────

  verifySeatPlayers(seats: SeatInstruction[]): void {
    seating.verifySeatPlayers(this.t, seats);
  }

  /** Seats each instruction not seated yet (by `moveId`); answers the instructions' moves seated here. */
  seatPlayers(seats: SeatInstruction[], now: number): { seated: string[]; events: DealerEvent[] } {
    const seated = seating.seatPlayers(this.t, seats);
    return { seated, events: this.advance(now) };
  }

  /** Checks an order; false for a repeat (see `verifyDeal`). */
  verifyDeal(order: TournamentDeal): boolean {
    return verifyDeal(this.t, order);
  }

  /**
   * Takes the order of one hand, dealt at its stakes `pauseMs` after the last
   * hand ended (at once if that has passed). `accepted` is false for an order
   * of a hand dealt already.
   */
  deal(order: TournamentDeal, now: number): { accepted: boolean; events: DealerEvent[] } {
    const accepted = takeOrder(this.t, order);
    return { accepted, events: this.advance(now, [], [], now) };
  }

  verifyRelease(moveId: string, playerId: string): void {
    seating.verifyRelease(this.t, moveId, playerId);
  }

  /** Takes the player off the table, not during a hand they play; answers the chips they carry (the same for a repeat). */
  releasePlayer(moveId: string, playerId: string): number {
    return seating.releasePlayer(this.t, moveId, playerId);
  }

  verifyAddChips(key: string, playerId: string, amount: number): void {
    seating.verifyAddChips(this.t, key, playerId, amount);
  }

  /** Adds bought chips once per `key`, not during a hand the player plays; answers the stack. */
  addChips(key: string, playerId: string, amount: number): number {
    return seating.addChips(this.t, key, playerId, amount);
  }

  /** Remembers where a player released from here went, to tell them if they come back. */
  noteMoved(playerId: string, tableId: string, seat: number): void {
    if (typeof playerId !== 'string' || typeof tableId !== 'string' || !Number.isSafeInteger(seat)) {
      illegal('bad_move', 'A move names the player, the table and the seat.');
    }
    const known = this.state.tournament.movedTo[playerId];
    if (known?.tableId === tableId && known.seat === seat) return;
    this.state.tournament.movedTo[playerId] = { tableId, seat };
    touch(this.t);
  }

  verifyCloseTable(): void {
    if (this.state.hand) illegal('hand_in_play', `Hand ${this.state.handNumber} is in play; close the table once it is reported.`);
  }

  /** The tournament is done with the table: no more hands, and whoever still sits here is taken off. */
  closeTable(): DealerEvent[] {
    const s = this.state;
    if (s.tournament.closed) return [];
    this.verifyCloseTable();
    s.tournament.closed = true;
    s.tournament.order = null;
    s.closing = true;
    s.nextHandAt = 0;
    s.info.forEach((info, seat) => {
      if (info) this.t.dealer.remove(seat);
    });
    touch(this.t);
    return [];
  }

  /** The report of the last hand while the tournament has not answered it. */
  get pendingReport(): TournamentHandReport | null {
    return this.state.tournament.report;
  }

  /** The tournament answered the report of hand `handNumber` (accepted or refused): it is not sent again. */
  reportAnswered(handNumber: number): void {
    if (this.state.tournament.report?.handNumber !== handNumber) return;
    this.state.tournament.report = null;
    touch(this.t);
  }

  // ── time and the table's life ─────────────────────────────────────────

  /** The next moment `tick` has something to do (the action clock, the ordered deal), or 0. */
  nextDeadline(): number {
    const times = [this.t.dealer.nextDeadline(), this.state.nextHandAt].filter((time) => time > 0);
    return times.length > 0 ? Math.min(...times) : 0;
  }

  /** Applies everything due by `now`: the clock (a player who times out is away from then on), the ordered deal. */
  tick(now: number): DealerEvent[] {
    const s = this.state;
    const events: DealerEvent[] = [];
    if (s.actionDeadline > 0 && now >= s.actionDeadline) {
      const seat = this.actorSeat();
      const info = seat >= 0 ? s.info[seat] : null;
      const timeouts = info?.timeouts ?? 0;
      const reported = this.t.dealer.tick(now);
      if (info && info.timeouts > timeouts) {
        info.away = true;
        markAway(this.t);
      }
      if (seat >= 0) touch(this.t);
      this.advance(now, events, reported);
    }
    return this.advance(now, events, [], now);
  }

  /** Deals no new hand until `resumeDealing` (the process hands the table over); the order waits. */
  pauseDealing(): DealerEvent[] {
    this.t.dealingPaused = true;
    touch(this.t);
    return this.advance(0);
  }

  resumeDealing(now: number): DealerEvent[] {
    this.t.dealingPaused = false;
    touch(this.t);
    return this.advance(now, [], [], now);
  }

  /** Closed by the tournament, with no hand in play and nobody seated. */
  isClosed(): boolean {
    const s = this.state;
    return s.tournament.closed && !s.hand && this.seatedCount() === 0;
  }
}

/** Whether a command would be accepted: runs its verify step. */
export function can(verify: () => void): boolean {
  try {
    verify();
    return true;
  } catch (error) {
    if (error instanceof IllegalActionError) return false;
    throw error;
  }
}
