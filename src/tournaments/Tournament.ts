import { IllegalActionError } from '../engine/errors.ts';
import { cryptoRandom, type RandomSource } from '../engine/random.ts';
import { verifyDefinition, type TournamentDefinition } from './rules/structure.ts';
import { advance } from './advance.ts';
import { createContext, refuse, type Context } from './context.ts';
import * as entries from './entries.ts';
import type { ChipsTicket, EntryTicket, RefundTicket, StandingLine, TournamentEvent } from './events.ts';
import * as moves from './moves.ts';
import * as operator from './operator.ts';
import { pendingWorkOf } from './pending.ts';
import { applyReport, verifyReport } from './reports.ts';
import { createState, TableStatus, type HandReport, type TournamentState } from './state.ts';
import { nextDeadline } from './timeline.ts';
import { chipsOf, detailOf, standingsOf, summaryOf, verifyChipsOf, verifySeatsOf, type ChipCount, type Detail, type Summary } from './views.ts';

/**
 * A tournament: entries, the clock, its tables' seating, moves, places and
 * prizes (DESIGN.md, "Tournament model"). Pure, like `CashTable`: the caller
 * passes the time (`now`, epoch ms) and carries out the returned events
 * (calls to tables, ledger transfers, messages to players), then reports
 * back through the answering commands (`handEnded`, `moveReleased`,
 * `moveSeated`, `chipsAdded`, `tableClosed`, `prizePaid`, `refundPaid`).
 *
 * Every command either throws an `IllegalActionError(code, sentence)` and
 * changes nothing, or applies fully, bumps `state.version` and returns the
 * events to carry out. Answers repeated after they were taken change
 * nothing and return no events. Money moves outside: `register`,
 * `unregister`, `rebuy` and `addOn` only verify and answer a ticket (the
 * amount and its ledger key); the actor moves the money, then confirms.
 */
export class Tournament {
  readonly state: TournamentState;
  private readonly ctx: Context;
  /** Restored and not yet told the time (`resumeAfterRestore`): no command until it is. Not part of the state. */
  private restoring: boolean;

  private constructor(state: TournamentState, random: RandomSource, restoring: boolean) {
    this.state = state;
    this.ctx = createContext(state, random);
    this.restoring = restoring;
  }

  /** A new tournament, registering. Refuses a definition `verifyDefinition` refuses. */
  static create(tournamentId: string, definition: TournamentDefinition, now: number, random: RandomSource = cryptoRandom): Tournament {
    if (typeof tournamentId !== 'string' || tournamentId.length === 0 || tournamentId.length > 100) {
      refuse('bad_tournament_id', 'A tournament id is a string of 1 to 100 characters.');
    }
    verifyTime(now);
    verifyDefinition(definition, now);
    return new Tournament(createState(tournamentId, definition, now), random, false);
  }

  /**
   * The tournament from a snapshot of its state. It takes no command until
   * `resumeAfterRestore(now)`; then the actor re-issues `pendingWork()`.
   */
  static restore(state: TournamentState, random: RandomSource = cryptoRandom): Tournament {
    return new Tournament(state, random, true);
  }

  private command(now: number, body: () => boolean | void): TournamentEvent[] {
    if (this.restoring) refuse('restore_pending', 'The tournament was restored: call resumeAfterRestore first.');
    verifyTime(now);
    const ctx = this.ctx;
    ctx.now = now;
    ctx.events = [];
    if (body() !== false) advance(ctx);
    this.state.aliveAt = Math.max(this.state.aliveAt, now);
    this.state.version++;
    const events = ctx.events;
    ctx.events = [];
    return events;
  }

  /** Runs a check at `now` without changing anything. */
  private at<T>(now: number, check: () => T): T {
    verifyTime(now);
    this.ctx.now = now;
    return check();
  }

  // ── entries ───────────────────────────────────────────────────────────

  /**
   * Refuses a registration: `registration_closed`, `already_registered`,
   * `re_entry_not_allowed`, `tournament_full` (the rules' checks), `bad_player`.
   */
  verifyRegister(playerId: string, now: number): void {
    this.at(now, () => entries.verifyRegister(this.ctx, playerId));
  }

  canRegister(playerId: string, now: number): boolean {
    return allows(() => this.verifyRegister(playerId, now));
  }

  /** Verifies a registration (or re-entry) and answers the buy-in to take; changes nothing. */
  register(playerId: string, name: string, now: number): EntryTicket {
    return this.at(now, () => entries.registerTicket(this.ctx, playerId, name));
  }

  /**
   * Records an entry whose buy-in was taken. A sit-and-go that fills starts
   * (`openTable`, `seatPlayers` …); a late entrant is seated (`seatPlayers`,
   * at a new table when every table is full). Checks again: when refused,
   * the actor refunds the buy-in.
   */
  confirmRegistration(ticket: EntryTicket, now: number): TournamentEvent[] {
    return this.command(now, () => {
      const player = entries.confirmEntry(this.ctx, ticket);
      if (!player) return false;
      const { state } = this;
      if (state.status === 'running') moves.seatLateEntry(this.ctx, player);
      else if (state.definition.kind === 'sng' && state.entrants >= state.definition.maxEntrants) operator.start(this.ctx);
    });
  }

  /** Refuses an unregistration: `registration_closed` (after the start), `not_registered`. */
  verifyUnregister(playerId: string, now: number): void {
    this.at(now, () => void entries.unregisterTicket(this.ctx, playerId));
  }

  /** Verifies an unregistration and answers the refund to make (buy-in and fee); changes nothing. */
  unregister(playerId: string, now: number): RefundTicket {
    return this.at(now, () => entries.unregisterTicket(this.ctx, playerId));
  }

  /** Takes the entry back once its refund is done. */
  confirmUnregistration(ticket: RefundTicket, now: number): TournamentEvent[] {
    return this.command(now, () => entries.confirmUnregister(this.ctx, ticket));
  }

  /**
   * Refuses a rebuy: `rebuy_not_allowed`, `tournament_not_running`,
   * `not_registered`, `player_eliminated`, `rebuy_period_over` (also once the
   * money is near), `rebuy_limit_reached`, `stack_too_large`.
   */
  verifyRebuy(playerId: string, now: number): void {
    this.at(now, () => entries.verifyRebuy(this.ctx, playerId));
  }

  canRebuy(playerId: string, now: number): boolean {
    return allows(() => this.verifyRebuy(playerId, now));
  }

  rebuy(playerId: string, now: number): ChipsTicket {
    return this.at(now, () => entries.rebuyTicket(this.ctx, playerId));
  }

  /** Records a paid rebuy: the chips reach the player's table between hands (`addChips`). */
  confirmRebuy(ticket: ChipsTicket, now: number): TournamentEvent[] {
    if (ticket?.kind !== 'rebuy') refuse('bad_ticket', 'This is not a rebuy ticket.');
    return this.command(now, () => entries.confirmChips(this.ctx, ticket));
  }

  /**
   * Refuses an add-on: `addon_not_allowed`, `tournament_not_running`,
   * `not_registered`, `player_eliminated`, `addon_not_available` (not the
   * add-on break, or the money is near), `addon_already_taken`.
   */
  verifyAddOn(playerId: string, now: number): void {
    this.at(now, () => entries.verifyAddOn(this.ctx, playerId));
  }

  canAddOn(playerId: string, now: number): boolean {
    return allows(() => this.verifyAddOn(playerId, now));
  }

  addOn(playerId: string, now: number): ChipsTicket {
    return this.at(now, () => entries.addOnTicket(this.ctx, playerId));
  }

  confirmAddOn(ticket: ChipsTicket, now: number): TournamentEvent[] {
    if (ticket?.kind !== 'addOn') refuse('bad_ticket', 'This is not an add-on ticket.');
    return this.command(now, () => entries.confirmChips(this.ctx, ticket));
  }

  // ── the operator ──────────────────────────────────────────────────────

  /** Refuses a start: `tournament_finished`, `tournament_cancelled`, `already_running`, `not_enough_entrants`. */
  verifyStart(now: number): void {
    this.at(now, () => operator.verifyStartNow(this.ctx));
  }

  /** Starts now: `started`, `levelChanged`, `openTable` and `seatPlayers` for each table; `deal` once a table's seats are filled. */
  start(now: number): TournamentEvent[] {
    return this.command(now, () => operator.start(this.ctx));
  }

  /** Refuses a cancellation: `tournament_finished`, `tournament_cancelled`, `prizes_decided`. */
  verifyCancel(now: number): void {
    this.at(now, () => operator.verifyCancelNow(this.ctx));
  }

  /** Cancels: `refund` for every sale, `closeTable` for every table, `cancelled`. */
  cancel(now: number): TournamentEvent[] {
    return this.command(now, () => operator.cancel(this.ctx));
  }

  /** Refuses a pause: `tournament_finished`, `tournament_cancelled`, `tournament_not_running`, `already_paused`. */
  verifyPause(now: number): void {
    this.at(now, () => operator.verifyPauseNow(this.ctx));
  }

  pause(now: number): TournamentEvent[] {
    return this.command(now, () => operator.pause(this.ctx));
  }

  /** Refuses a resume: `tournament_finished`, `tournament_cancelled`, `tournament_not_running`, `not_paused`. */
  verifyResume(now: number): void {
    this.at(now, () => operator.verifyResumeNow(this.ctx));
  }

  resume(now: number): TournamentEvent[] {
    return this.command(now, () => operator.resume(this.ctx));
  }

  // ── time ──────────────────────────────────────────────────────────────

  /** Applies what is due by `now`: a scheduled start or cancellation, levels, breaks, the end of late registration. */
  tick(now: number): TournamentEvent[] {
    return this.command(now, () => {
      if (this.state.status === 'registering') operator.startOnSchedule(this.ctx);
    });
  }

  /** When `tick` next has something to do (epoch ms), or 0. */
  nextDeadline(): number {
    return nextDeadline(this.state);
  }

  /**
   * The first command after `restore`: the time since the state was last
   * alive is not charged to the clock (as if paused), then play goes on.
   * The actor then re-issues `pendingWork()`.
   */
  resumeAfterRestore(now: number): TournamentEvent[] {
    if (!this.restoring) refuse('not_restoring', 'resumeAfterRestore is the first command after restore only.');
    verifyTime(now);
    this.restoring = false;
    return this.command(now, () => {
      operator.forgiveDowntime(this.ctx);
      if (this.state.status === 'registering') operator.startOnSchedule(this.ctx);
    });
  }

  // ── what tables answer ────────────────────────────────────────────────

  /**
   * A table's report after each hand (see `HandReport`): stacks, players
   * out (`busted`, then `eliminated` and `payPrize` once placed), balance
   * (`releasePlayer`), broken tables (`closeTable`), hand-for-hand and the
   * next `deal`s. A report for a hand reported already returns nothing.
   * Refuses `unknown_table`, `unknown_hand`, `bad_report`, `chips_mismatch`.
   */
  handEnded(report: HandReport, now: number): TournamentEvent[] {
    return this.command(now, () => {
      if (!verifyReport(this.ctx, report)) return false;
      applyReport(this.ctx, report);
    });
  }

  /** The source table released the player with `stack` chips → `seatPlayers` at the target. Refuses `unknown_move`, `chips_mismatch`. */
  moveReleased(moveId: string, stack: number, now: number): TournamentEvent[] {
    return this.command(now, () => {
      if (!moves.verifyRelease(this.ctx, moveId, stack)) return false;
      moves.release(this.ctx, moveId);
    });
  }

  /** The target table seated the player → `moved` (or `seated` for an entry) and the `deal`s that waited on it. Refuses `unknown_move`, `move_not_released`. */
  moveSeated(moveId: string, now: number): TournamentEvent[] {
    return this.command(now, () => {
      if (!moves.verifySeated(this.ctx, moveId)) return false;
      moves.seated(this.ctx, moveId);
    });
  }

  /** The table added the chips sent under `key`. Refuses `unknown_chips`. */
  chipsAdded(key: string, now: number): TournamentEvent[] {
    return this.command(now, () => {
      if (!moves.verifyChipsAdded(this.ctx, key)) return false;
      moves.chipsAdded(this.ctx, key);
    });
  }

  /** The table closed. Refuses `unknown_table`, `table_not_closing`. */
  tableClosed(tableId: string, now: number): TournamentEvent[] {
    return this.command(now, () => {
      const table = this.ctx.tables.get(tableId) ?? refuse('unknown_table', `There is no table ${JSON.stringify(tableId)} in this tournament.`);
      if (table.status === TableStatus.closed) return false;
      if (!table.closeSent) refuse('table_not_closing', `Table ${tableId} was not asked to close.`);
      table.status = TableStatus.closed;
    });
  }

  /** The prize owed under `key` was paid. Refuses `unknown_prize`. */
  prizePaid(key: string, now: number): TournamentEvent[] {
    return this.command(now, () => {
      const result = this.state.results.find((r) => r.prizeKey !== null && r.prizeKey === key);
      if (!result) refuse('unknown_prize', `No prize is owed under ${JSON.stringify(key)}.`);
      if (result.paid) return false;
      result.paid = true;
    });
  }

  /** The refund owed under `key` was paid. Refuses `unknown_refund`. */
  refundPaid(key: string, now: number): TournamentEvent[] {
    return this.command(now, () => {
      const refund = this.state.refunds.find((r) => r.key === key);
      if (!refund) refuse('unknown_refund', `No refund is owed under ${JSON.stringify(key)}.`);
      if (refund.paid) return false;
      refund.paid = true;
    });
  }

  // ── queries ───────────────────────────────────────────────────────────

  summary(): Summary {
    return summaryOf(this.ctx);
  }

  /** PROTOCOL.md's tournament detail at `now`: the summary with level, break, pool, payouts, remaining, standings and tables. */
  detail(now: number): Detail {
    return this.at(now, () => detailOf(this.ctx, now, this.registrationOpen(now)));
  }

  standings(): StandingLine[] {
    return standingsOf(this.ctx);
  }

  /** Whether entries are sold now (before the start, or in late registration), whether or not the field is full. */
  registrationOpen(now: number): boolean {
    return this.at(now, () => entries.registrationIsOpen(this.ctx));
  }

  /** Where the tournament's chips are, and how many it sold. */
  chipsInPlay(): ChipCount {
    return chipsOf(this.ctx);
  }

  /** Refuses (`chips_mismatch`) unless Σ stacks + Σ in transit = entrants × startingStack + rebuy chips + add-on chips. */
  verifyChips(): void {
    verifyChipsOf(this.ctx);
  }

  /** Refuses (`seating_mismatch`) unless every player still in has exactly one seat and nobody else has one. */
  verifySeats(): void {
    verifySeatsOf(this.ctx);
  }

  /** The events decided and not yet answered, to re-issue after a restore (see `pendingWorkOf`). */
  pendingWork(): TournamentEvent[] {
    return pendingWorkOf(this.ctx);
  }
}

function verifyTime(now: number): void {
  if (typeof now !== 'number' || !Number.isSafeInteger(now) || now < 0) refuse('bad_time', 'Times are whole epoch milliseconds.');
}

function allows(verify: () => void): boolean {
  try {
    verify();
    return true;
  } catch (error) {
    if (error instanceof IllegalActionError) return false;
    throw error;
  }
}
