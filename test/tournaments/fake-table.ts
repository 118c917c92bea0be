/**
 * A tournament table as the simulation plays it: it does what a real
 * tournament table does with the Tournament's calls (seat by move id,
 * release between hands, deal on `deal` only, add chips by key, close), each
 * idempotent, and plays each hand as chips moving between random players,
 * some of them going out. Positions move by the cash table's rotation.
 */
import assert from 'node:assert/strict';
import type { RandomSource } from '../../src/engine/random.ts';
import { applyPlan, planNextHand } from '../../src/engine/table/lineup.ts';
import type { Stakes, TableState } from '../../src/engine/table/state.ts';
import { planStudHand } from '../../src/engine/table/stud-lineup.ts';
import { VARIANTS } from '../../src/engine/variants.ts';
import type { SeatInstruction } from '../../src/tournaments/events.ts';
import type { HandReport } from '../../src/tournaments/state.ts';

type Seat = { playerId: string; stack: number };

export class FakeTable {
  readonly tableId: string;
  readonly seats: (Seat | null)[];
  button = -1;
  smallBlindSeat = -1;
  bigBlindSeat = -1;
  handNumber = 0;
  /** The hand in play: its number and who started it with what. */
  hand: { number: number; startStacks: Record<string, number> } | null = null;
  closed = false;
  /** Move id → the stack released; a release is answered again from here. */
  readonly released = new Map<string, number>();
  readonly seated = new Set<string>();
  readonly added = new Set<string>();
  /** How often each move was applied (not merely answered): must end at one. */
  readonly applied = new Map<string, number>();

  constructor(tableId: string, size: number) {
    this.tableId = tableId;
    this.seats = new Array<Seat | null>(size).fill(null);
  }

  chips(): number {
    return this.seats.reduce((n, s) => n + (s?.stack ?? 0), 0);
  }

  players(): string[] {
    return this.seats.flatMap((s) => (s ? [s.playerId] : []));
  }

  private count(moveId: string): void {
    this.applied.set(moveId, (this.applied.get(moveId) ?? 0) + 1);
  }

  /** Seats each instruction once; answers the move ids seated (all of them, repeats included). */
  seatPlayers(seats: readonly SeatInstruction[]): string[] {
    assert.ok(!this.closed, `${this.tableId} is closed`);
    for (const s of seats) {
      if (this.seated.has(s.moveId)) continue;
      assert.equal(this.seats[s.seat], null, `${this.tableId}: seat ${s.seat} is free for ${s.playerId}`);
      assert.ok(!this.players().includes(s.playerId), `${s.playerId} is not seated at ${this.tableId} already`);
      this.seats[s.seat] = { playerId: s.playerId, stack: s.stack };
      this.seated.add(s.moveId);
      this.count(s.moveId);
    }
    return seats.map((s) => s.moveId);
  }

  /** Takes the player off between hands; a repeat answers the same stack. */
  releasePlayer(moveId: string, playerId: string): number {
    const known = this.released.get(moveId);
    if (known !== undefined) return known;
    assert.equal(this.hand, null, `${this.tableId} releases ${playerId} between hands only`);
    const seat = this.seats.findIndex((s) => s?.playerId === playerId);
    assert.ok(seat >= 0, `${playerId} sits at ${this.tableId} to be released`);
    const stack = this.seats[seat]!.stack;
    this.seats[seat] = null;
    this.released.set(moveId, stack);
    this.count(moveId);
    return stack;
  }

  /** Adds chips by key, between hands (the Tournament sends them only then). */
  addChips(key: string, playerId: string, amount: number): boolean {
    if (this.added.has(key)) return false;
    assert.equal(this.hand, null, `${this.tableId} gets chips between hands only`);
    const seat = this.seats.find((s) => s?.playerId === playerId);
    assert.ok(seat, `${playerId} sits at ${this.tableId} for chips`);
    seat.stack += amount;
    this.added.add(key);
    return true;
  }

  private rotation(): TableState {
    return {
      maxSeats: this.seats.length,
      seats: this.seats.map((s) =>
        s && s.stack > 0
          ? { playerId: s.playerId, stack: s.stack, sittingOut: false, missedSmallBlind: false, missedBigBlind: false, isNew: false, willPost: false }
          : null,
      ),
      button: this.button,
      smallBlindSeat: this.smallBlindSeat,
      bigBlindSeat: this.bigBlindSeat,
      handsPlayed: this.handNumber,
    };
  }

  /** Starts hand `handNumber` (a repeat of a hand dealt already does nothing). Answers whether it started. */
  deal(handNumber: number, stakes: Stakes): boolean {
    if (handNumber <= this.handNumber) return false;
    assert.ok(!this.closed, `${this.tableId} is closed`);
    assert.equal(this.hand, null, `${this.tableId} deals one hand at a time`);
    assert.equal(handNumber, this.handNumber + 1, `${this.tableId} deals hands in order`);
    const state = this.rotation();
    // Stud stakes (a bring-in, no blinds) are dealt as a stud table deals them: no button, no blinds.
    const plan = stakes.bringIn ? planStudHand(state, stakes, VARIANTS.F7S) : planNextHand(state, stakes);
    assert.ok(plan, `${this.tableId} has two players to deal to`);
    const next = applyPlan(state, plan);
    this.button = next.button;
    this.smallBlindSeat = next.smallBlindSeat;
    this.bigBlindSeat = next.bigBlindSeat;
    this.handNumber = handNumber;
    const startStacks: Record<string, number> = {};
    for (const seat of plan.seats) startStacks[this.seats[seat]!.playerId] = this.seats[seat]!.stack;
    this.hand = { number: handNumber, startStacks };
    return true;
  }

  /**
   * Plays the hand out: an all-in now and then (the smaller stack goes out
   * when it loses; two or three may go out at once), else some chips change
   * hands. Players out leave their seats. Answers the report.
   */
  endHand(random: RandomSource, bustChance: number, singleBusts = false): HandReport {
    const hand = this.hand;
    assert.ok(hand, `${this.tableId} has a hand to end`);
    const dealt = Object.keys(hand.startStacks).map((id) => this.seats.find((s) => s?.playerId === id)!);
    const pick = (list: Seat[]): Seat => list[random(list.length)];
    const winner = pick(dealt);
    const others = dealt.filter((s) => s !== winner);
    if (random(1000) < bustChance * 1000) {
      const losers = !singleBusts && random(5) === 0 ? others.slice(0, 1 + random(Math.min(3, others.length))) : [pick(others)];
      for (const loser of losers) {
        const amount = Math.min(loser.stack, winner.stack);
        loser.stack -= amount;
        winner.stack += amount;
      }
    } else {
      const loser = pick(others);
      const amount = Math.floor(loser.stack / (2 + random(6)));
      loser.stack -= amount;
      winner.stack += amount;
    }
    return this.finishHand({});
  }

  /** Ends the hand in play with the stacks given (players not named keep theirs); players out leave their seats. */
  finishHand(stacks: Record<string, number>): HandReport {
    const hand = this.hand;
    assert.ok(hand, `${this.tableId} has a hand to end`);
    for (const [playerId, stack] of Object.entries(stacks)) this.seats.find((s) => s?.playerId === playerId)!.stack = stack;
    const report: HandReport = {
      tableId: this.tableId,
      handNumber: hand.number,
      seats: this.seats.flatMap((s, seat) => (s ? [{ seat, playerId: s.playerId, stack: s.stack }] : [])),
      startStacks: { ...hand.startStacks },
      button: this.button,
      smallBlindSeat: this.smallBlindSeat,
      bigBlindSeat: this.bigBlindSeat,
    };
    this.seats.forEach((s, i) => {
      if (s && s.stack === 0) this.seats[i] = null;
    });
    this.hand = null;
    return report;
  }

  close(): void {
    this.closed = true;
  }
}
