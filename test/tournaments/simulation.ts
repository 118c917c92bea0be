/**
 * The simulation harness: a Tournament driven to its end by an actor that
 * carries its events out on fake tables (`FakeTable`) and a fake ledger, in
 * a shuffled order — answers delayed, tables reordered, reports repeated —
 * and that now and then crashes: the Tournament is restored from its state
 * as JSON, told the time, and its `pendingWork()` re-issued, while what the
 * tables and the database hold survives.
 *
 * After every step it checks what must always hold: the chips the tables
 * really hold (plus chips travelling) are the chips sold, every player
 * still in sits exactly once, no table deals on a break or a pause, each
 * deal carries the running level's stakes, hand-for-hand tables deal once a
 * round, balance after each hand ends. At the end: every entry placed once
 * (ties share), prizes paid once each and summing to the pool.
 */
import assert from 'node:assert/strict';
import { seededRandom, type RandomSource } from '../../src/engine/random.ts';
import { Tournament } from '../../src/tournaments/Tournament.ts';
import type { ChipsTicket, EntryTicket, TournamentEvent } from '../../src/tournaments/events.ts';
import { readClock } from '../../src/tournaments/rules/clock.ts';
import { levelStakes, type TournamentDefinition } from '../../src/tournaments/rules/structure.ts';
import type { HandReport } from '../../src/tournaments/state.ts';
import { FakeTable } from './fake-table.ts';

export type SimulationOptions = {
  definition: TournamentDefinition;
  /** Players registered before the start. */
  players: number;
  seed: number;
  /** Chance per step that the actor crashes. */
  crashChance?: number;
  /** Chance per hand that an all-in knocks somebody out. */
  bustChance?: number;
  /** Chance per step that a new player registers late (while registration is open). */
  lateChance?: number;
  /** Chance per step that a player out re-enters (while allowed). */
  reEntryChance?: number;
  /** Chance per step that a player buys a rebuy or the add-on (while allowed). */
  buyChance?: number;
  /** Pause the tournament once, at this step, until every table's hand is over. */
  pauseAtStep?: number;
  /** All-ins knock out one player at most, so that the field passes through the bubble. */
  singleBusts?: boolean;
  /**
   * Run the whole-tournament checks (every player's seat, every chip)
   * after every this many steps — 1: after each — and after each crash;
   * each step's own events are checked as they come whatever this is.
   */
  checkEvery?: number;
  maxSteps?: number;
};

/** Where a job lives: the actor's in memory (lost in a crash), the tables' and the database's (kept). */
type Job =
  | { kind: 'call'; event: TournamentEvent }
  | { kind: 'answer'; run: (t: Tournament, now: number) => TournamentEvent[] }
  | { kind: 'pay'; key: string; amount: number; prize: boolean }
  | { kind: 'endHand'; tableId: string }
  | { kind: 'report'; report: HandReport }
  | { kind: 'confirm'; ticket: EntryTicket | ChipsTicket };

const DURABLE = new Set(['endHand', 'report', 'confirm']);

export type SimulationResult = {
  tournament: Tournament;
  steps: number;
  hands: number;
  crashes: number;
  repeatedReports: number;
  lateEntries: number;
  reEntries: number;
  rebuys: number;
  addOns: number;
  moves: number;
  handForHandRounds: number;
  handForHandStarts: number;
  breaks: number;
  levels: number;
  paid: Map<string, number>;
  dealsWhilePaused: number;
};

export class Simulation {
  t: Tournament;
  readonly def: TournamentDefinition;
  readonly random: RandomSource;
  readonly options: Required<Omit<SimulationOptions, 'pauseAtStep'>> & { pauseAtStep?: number };
  now: number;
  readonly fakes = new Map<string, FakeTable>();
  queue: Job[] = [];
  /** The ledger: key → amount paid (once), and how often each key was asked for. */
  readonly paid = new Map<string, number>();
  readonly asked = new Map<string, number>();
  /** Chips the simulation sold (confirmed entries, rebuys and add-ons, less refunded ones). */
  sold = 0;
  /** Chips on their way: entry seats and released moves not seated yet, chips bought not yet added. */
  readonly travelling = new Map<string, { playerId: string | null; chips: number }>();
  readonly tableMoves = new Set<string>();
  readonly issuedMoves = new Set<string>();
  readonly stats = { hands: 0, crashes: 0, repeatedReports: 0, lateEntries: 0, reEntries: 0, rebuys: 0, addOns: 0, handForHandRounds: 0, handForHandStarts: 0, breaks: 0, levels: 0, dealsWhilePaused: 0 };
  private readonly h4hDeals = new Set<string>();
  private readonly h4hRounds = new Set<number>();
  private nextPlayer = 0;
  private paused = false;

  constructor(options: SimulationOptions) {
    this.options = {
      crashChance: 0.004, bustChance: 0.5, lateChance: 0.05, reEntryChance: 0.05, buyChance: 0.05, maxSteps: 400_000,
      singleBusts: false, checkEvery: 1,
      ...options,
    };
    this.def = options.definition;
    this.random = seededRandom(options.seed);
    this.now = 1_700_000_000_000;
    this.t = Tournament.create(`sim${options.seed}`, this.def, this.now, this.random);
  }

  private chance(p: number): boolean {
    return this.random(1_000_000) < p * 1_000_000;
  }

  private newPlayer(): [string, string] {
    const n = this.nextPlayer++;
    return [`p${n}`, `Player ${n}`];
  }

  /** Buys an entry (or re-entry): the ticket, the money, then the confirmation, as separate steps. */
  private buy(ticket: EntryTicket | ChipsTicket): void {
    const price = 'buyIn' in ticket ? ticket.buyIn + ticket.fee : ticket.price;
    this.pay(ticket.key, price);
    this.queue.push({ kind: 'confirm', ticket });
  }

  private pay(key: string, amount: number): void {
    this.asked.set(key, (this.asked.get(key) ?? 0) + 1);
    if (!this.paid.has(key)) this.paid.set(key, amount);
  }

  run(): SimulationResult {
    for (let i = 0; i < this.options.players; i++) {
      const [id, name] = this.newPlayer();
      const ticket = this.t.register(id, name, this.now);
      this.pay(ticket.key, ticket.buyIn + ticket.fee);
      this.confirm(ticket);
    }
    let steps = 0;
    while (!this.over()) {
      assert.ok(steps++ < this.options.maxSteps, `the tournament ends within ${this.options.maxSteps} steps`);
      this.step(steps);
    }
    for (const job of this.queue) assert.ok(job.kind === 'report' || job.kind === 'call', `nothing but stale reports or closings are left (${job.kind})`);
    return { tournament: this.t, steps, moves: this.tableMoves.size, paid: this.paid, ...this.stats };
  }

  private over(): boolean {
    const status = this.t.state.status;
    if (status !== 'finished' && status !== 'cancelled') return false;
    return this.queue.every((j) => j.kind !== 'pay' && j.kind !== 'answer' && j.kind !== 'confirm') && this.t.pendingWork().every((e) => e.type === 'closeTable');
  }

  private step(step: number): void {
    this.now += 1000 + this.random(7000);
    for (let deadline = this.t.nextDeadline(); deadline > 0 && deadline <= this.now; deadline = this.t.nextDeadline()) {
      this.handle(this.t.tick(this.now));
    }
    if (this.t.state.status === 'registering' && this.def.kind === 'mtt' && this.queue.length === 0) {
      this.now = Math.max(this.now, this.def.startsAt!);
    }
    this.shop();
    this.maybePause(step);
    if (this.chance(this.options.crashChance)) this.crash();
    if (this.queue.length > 0) this.runJob(this.queue.splice(this.random(this.queue.length), 1)[0]);
    if (step % this.options.checkEvery === 0) this.check();
  }

  private shop(): void {
    const t = this.t;
    if (t.state.status !== 'running') return;
    const o = this.options;
    if (this.chance(o.lateChance) && t.registrationOpen(this.now)) {
      const [id, name] = this.newPlayer();
      if (t.canRegister(id, this.now)) {
        this.buy(t.register(id, name, this.now));
        this.stats.lateEntries++;
      }
    }
    // A few players chosen at random ask, as players do; asking everyone each step would be the harness's cost, not the tournament's.
    const some = (): typeof t.state.players => Array.from({ length: 8 }, () => t.state.players[this.random(t.state.players.length)]);
    if (this.chance(o.reEntryChance)) {
      const p = some().find((p) => p.out && t.canRegister(p.playerId, this.now));
      if (p) {
        this.buy(t.register(p.playerId, p.name, this.now));
        this.stats.reEntries++;
      }
    }
    if (this.chance(o.buyChance)) {
      const rebuyer = some().find((p) => t.canRebuy(p.playerId, this.now));
      if (rebuyer) {
        this.buy(t.rebuy(rebuyer.playerId, this.now));
        this.stats.rebuys++;
      }
      const addOn = some().find((p) => t.canAddOn(p.playerId, this.now));
      if (addOn) {
        this.buy(t.addOn(addOn.playerId, this.now));
        this.stats.addOns++;
      }
    }
  }

  /** Pauses once; resumes once every table's hand is over, after checking the tables are balanced. */
  private maybePause(step: number): void {
    const t = this.t;
    if (t.state.status !== 'running') return;
    if (!this.paused && step >= (this.options.pauseAtStep ?? Infinity) && !t.state.paused && !t.state.handForHand) {
      this.paused = true;
      this.handle(t.pause(this.now));
      return;
    }
    if (!this.paused || !t.state.paused) return;
    const idle = [...this.fakes.values()].every((f) => f.hand === null) && this.queue.every((j) => j.kind !== 'endHand' && j.kind !== 'report' && j.kind !== 'answer' && j.kind !== 'call');
    if (!idle) return;
    this.checkBalanced();
    this.options.pauseAtStep = undefined;
    this.paused = false;
    this.handle(t.resume(this.now));
  }

  private crash(): void {
    this.stats.crashes++;
    const before = this.t.detail(this.now);
    this.queue = this.queue.filter((j) => DURABLE.has(j.kind));
    const down = 1000 + this.random(120_000);
    this.now += down;
    this.t = Tournament.restore(JSON.parse(JSON.stringify(this.t.state)), this.random);
    const resumed = this.t.resumeAfterRestore(this.now);
    const after = this.t.detail(this.now);
    if (before.status === 'running' && !before.paused && before.level.endsAt !== null && after.level.number === before.level.number) {
      // The time down is not charged to the level (at most the last beat's worth is).
      assert.ok(after.level.endsAt! >= before.level.endsAt! + down - 15_000, 'downtime is not charged to the level');
    }
    this.handle(resumed);
    for (const event of this.t.pendingWork()) this.enqueue(event);
    this.check();
  }

  private enqueue(event: TournamentEvent): void {
    if (event.type === 'payPrize') this.queue.push({ kind: 'pay', key: event.key, amount: event.amount, prize: true });
    else if (event.type === 'refund') this.queue.push({ kind: 'pay', key: event.key, amount: event.amount, prize: false });
    else this.queue.push({ kind: 'call', event });
  }

  /** Carries a command's events: calls and payments go to the queue; the rest are checked. */
  handle(events: TournamentEvent[]): void {
    for (const event of events) {
      switch (event.type) {
        case 'openTable':
        case 'seatPlayers':
        case 'releasePlayer':
        case 'deal':
        case 'addChips':
        case 'closeTable':
        case 'payPrize':
        case 'refund':
          this.observe(event);
          this.enqueue(event);
          break;
        case 'levelChanged':
          this.stats.levels++;
          break;
        case 'breakStarted':
          this.stats.breaks++;
          break;
        case 'handForHandStarted': {
          const detail = this.t.detail(this.now);
          assert.equal(event.remaining, detail.payouts.length + 1, 'hand-for-hand starts on the bubble');
          assert.ok(detail.tables.length >= 2, 'hand-for-hand is played at two tables or more');
          this.stats.handForHandStarts++;
          break;
        }
        default:
          break;
      }
    }
  }

  /** What the simulation learns from an event as it is decided. */
  private observe(event: TournamentEvent): void {
    if (event.type === 'releasePlayer') {
      this.tableMoves.add(event.moveId);
      this.issuedMoves.add(event.moveId);
    }
    if (event.type === 'seatPlayers') {
      for (const s of event.seats) {
        this.issuedMoves.add(s.moveId);
        if (!this.tableMoves.has(s.moveId) && !this.travelling.has(s.moveId) && !this.fakeSeated(s.moveId)) {
          this.travelling.delete(`entry:${s.playerId}`);
          this.travelling.set(s.moveId, { playerId: s.playerId, chips: s.stack });
        }
      }
    }
    if (event.type === 'refund' && !this.paid.has(event.key)) {
      const bought = this.travelling.get(event.saleKey);
      if (bought) {
        this.travelling.delete(event.saleKey);
        this.sold -= bought.chips;
      }
    }
    if (event.type === 'deal') {
      const state = this.t.state;
      const clock = readClock(this.def, state.clock!, this.now);
      assert.ok(!clock.onBreak, 'no table deals on a break');
      if (state.paused) this.stats.dealsWhilePaused++;
      const expected = levelStakes(this.def, clock.level);
      assert.deepEqual(event.stakes, expected.stakes, 'a deal carries the running level');
      const round = this.t.state.handForHand;
      if (round) {
        const key = `${round.round}:${event.tableId}`;
        assert.ok(!this.h4hDeals.has(key), `hand-for-hand: ${event.tableId} deals once in round ${round.round}`);
        this.h4hDeals.add(key);
        this.h4hRounds.add(round.round);
        this.stats.handForHandRounds = this.h4hRounds.size;
      }
    }
  }

  private lastEntrySeat(playerId: string): string {
    return this.t.state.players.find((p) => p.playerId === playerId)?.moveId ?? '';
  }

  private fakeSeated(moveId: string): boolean {
    for (const fake of this.fakes.values()) if (fake.seated.has(moveId)) return true;
    return false;
  }

  fakeSeatedOnce(moveId: string): boolean {
    return [...this.fakes.values()].filter((f) => f.seated.has(moveId)).length === 1;
  }

  private fake(tableId: string): FakeTable {
    const fake = this.fakes.get(tableId);
    assert.ok(fake, `table ${tableId} was opened`);
    return fake;
  }

  private command(run: (t: Tournament, now: number) => TournamentEvent[]): void {
    const h4hBefore = this.t.state.handForHand?.round ?? null;
    const events = run(this.t, this.now);
    const h4hAfter = this.t.state.handForHand?.round ?? null;
    if (h4hBefore !== null && events.some((e) => e.type === 'eliminated')) {
      assert.notEqual(h4hAfter, h4hBefore, 'hand-for-hand busts are placed when their round is complete');
    }
    this.handle(events);
  }

  private runJob(job: Job): void {
    switch (job.kind) {
      case 'call':
        return this.call(job.event);
      case 'answer':
        return this.command(job.run);
      case 'pay':
        this.pay(job.key, job.amount);
        this.queue.push({ kind: 'answer', run: (t, now) => (job.prize ? t.prizePaid(job.key, now) : t.refundPaid(job.key, now)) });
        return;
      case 'endHand': {
        const report = this.fake(job.tableId).endHand(this.random, this.options.bustChance, this.options.singleBusts);
        this.stats.hands++;
        this.queue.push({ kind: 'report', report });
        return;
      }
      case 'report': {
        // Tables retry until answered; now and then the same report arrives twice.
        if (this.chance(0.1)) {
          this.queue.push({ kind: 'report', report: job.report });
          this.stats.repeatedReports++;
        }
        const events = this.t.handEnded(job.report, this.now);
        this.handle(events);
        this.checkBalanceAfterHand(job.report.tableId);
        return;
      }
      case 'confirm':
        return this.confirm(job.ticket);
    }
  }

  private confirm(ticket: EntryTicket | ChipsTicket): void {
    const t = this.t;
    const entry = 'buyIn' in ticket;
    const already = t.state.sales.some((s) => s.key === ticket.key);
    const late = t.state.status === 'running';
    try {
      if (entry) this.handle(t.confirmRegistration(ticket, this.now));
      else if (ticket.kind === 'rebuy') this.handle(t.confirmRebuy(ticket, this.now));
      else this.handle(t.confirmAddOn(ticket, this.now));
    } catch (error) {
      // The tournament moved on meanwhile (registration closed, the money reached): the actor refunds.
      assert.equal((error as { name?: string }).name, 'IllegalActionError');
      this.pay(`refund:${ticket.key}`, 'buyIn' in ticket ? ticket.buyIn + ticket.fee : ticket.price);
      return;
    }
    if (already) return;
    const chips = entry ? this.def.startingStack : ticket.chips;
    this.sold += chips;
    if (!entry) this.travelling.set(ticket.key, { playerId: null, chips });
    // A late entrant's seat may wait for a seat to empty: their chips travel until seatPlayers names it.
    else if (late && !this.issuedMoves.has(this.lastEntrySeat(ticket.playerId))) this.travelling.set(`entry:${ticket.playerId}`, { playerId: ticket.playerId, chips });
  }

  private call(event: TournamentEvent): void {
    // An actor opens a table before it calls it: a call that overtook its openTable waits for it.
    if (event.type !== 'openTable' && 'tableId' in event && !this.fakes.has(event.tableId)) {
      this.queue.push({ kind: 'call', event });
      return;
    }
    switch (event.type) {
      case 'openTable':
        if (!this.fakes.has(event.tableId)) this.fakes.set(event.tableId, new FakeTable(event.tableId, event.tableSize));
        return;
      case 'seatPlayers': {
        const fake = this.fake(event.tableId);
        for (const s of event.seats) if (!fake.seated.has(s.moveId)) this.travelling.delete(s.moveId);
        const seated = fake.seatPlayers(event.seats);
        for (const moveId of seated) this.queue.push({ kind: 'answer', run: (t, now) => t.moveSeated(moveId, now) });
        return;
      }
      case 'releasePlayer': {
        const fake = this.fake(event.tableId);
        const first = !fake.released.has(event.moveId);
        const stack = fake.releasePlayer(event.moveId, event.playerId);
        if (first) this.travelling.set(event.moveId, { playerId: event.playerId, chips: stack });
        this.queue.push({ kind: 'answer', run: (t, now) => t.moveReleased(event.moveId, stack, now) });
        return;
      }
      case 'deal':
        if (this.fake(event.tableId).deal(event.handNumber, event.stakes)) this.queue.push({ kind: 'endHand', tableId: event.tableId });
        return;
      case 'addChips':
        if (this.fake(event.tableId).addChips(event.key, event.playerId, event.amount)) this.travelling.delete(event.key);
        this.queue.push({ kind: 'answer', run: (t, now) => t.chipsAdded(event.key, now) });
        return;
      case 'closeTable':
        this.fake(event.tableId).close();
        this.queue.push({ kind: 'answer', run: (t, now) => t.tableClosed(event.tableId, now) });
        return;
      default:
        return;
    }
  }

  // ── checks ────────────────────────────────────────────────────────────

  private check(): void {
    const t = this.t;
    const status = t.state.status;
    if (status === 'cancelled' || status === 'registering') return;
    t.verifyChips();
    t.verifySeats();
    const count = t.chipsInPlay();
    assert.equal(count.expected, this.sold, 'the tournament counts the chips sold');
    let real = 0;
    for (const fake of this.fakes.values()) if (!fake.closed || status === 'finished') real += fake.chips();
    for (const { chips } of this.travelling.values()) real += chips;
    assert.equal(real, this.sold, 'the chips on the tables and travelling are the chips sold');
    this.checkEverybodySeatedOnce();
  }

  private checkEverybodySeatedOnce(): void {
    const where = new Map<string, string>();
    const place = (playerId: string, at: string): void => {
      assert.ok(!where.has(playerId), `${playerId} is at ${where.get(playerId)} and ${at}`);
      where.set(playerId, at);
    };
    for (const fake of this.fakes.values()) for (const id of fake.players()) place(id, fake.tableId);
    for (const [moveId, { playerId }] of this.travelling) if (playerId) place(playerId, moveId);
    // Players out whose table has not reported yet are out at the table and still in for the tournament.
    const goingOut = new Set(this.queue.flatMap((j) => (j.kind === 'report' ? j.report.seats.filter((s) => s.stack === 0).map((s) => s.playerId) : [])));
    for (const fake of this.fakes.values()) if (fake.hand) for (const id of Object.keys(fake.hand.startStacks)) goingOut.delete(id);
    for (const p of this.t.state.players) {
      if (p.out) assert.ok(!where.has(p.playerId) || this.t.state.status === 'finished', `${p.playerId} is out and seated nowhere`);
      else assert.ok(where.has(p.playerId) || goingOut.has(p.playerId), `${p.playerId} is in and sits somewhere`);
    }
  }

  /** After a hand ends and balancing ran, the table is within one player of the shortest (unless a table must still break). */
  private checkBalanceAfterHand(tableId: string): void {
    const state = this.t.state;
    if (state.status !== 'running' || state.handForHand) return;
    const table = state.tables.find((t) => t.tableId === tableId)!;
    const busy = state.moves.some((m) => m.toTable === tableId) || state.adds.some((a) => a.status === 'sent' && a.tableId === tableId);
    if (table.status !== 'open' || busy || table.handNumber > table.reported) return;
    const open = state.tables.filter((t) => t.status === 'open');
    const counts = open.map((t) => t.seats.filter(Boolean).length);
    const alive = state.players.filter((p) => !p.out).length;
    const mustBreak = open.length > Math.max(1, Math.ceil(alive / this.def.tableSize));
    if (!mustBreak) assert.ok(counts[open.indexOf(table)] <= Math.min(...counts) + 1, `${tableId} is balanced after its hand`);
  }

  /** With every hand over and nothing moving: as few tables as hold everyone, within one player of each other. */
  private checkBalanced(): void {
    const state = this.t.state;
    if (state.moves.length > 0 || state.handForHand) return;
    const open = state.tables.filter((t) => t.status === 'open');
    const counts = open.map((t) => t.seats.filter(Boolean).length);
    const alive = state.players.filter((p) => !p.out).length;
    assert.equal(open.length, Math.max(1, Math.ceil(alive / this.def.tableSize)), 'as few tables as hold everyone');
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `tables within one player of each other (${counts.join(', ')})`);
  }
}

/** Checks an ended tournament: places 1..N once each (ties share the best of theirs), prizes paid once each, summing to the pool. */
export function checkResults(sim: Simulation): void {
  const t = sim.t;
  const state = t.state;
  assert.equal(state.status, 'finished');
  assert.equal(state.results.length, state.entrants, 'every entry has a place');
  const entries = new Set(state.results.map((r) => `${r.playerId}#${r.entry}`));
  assert.equal(entries.size, state.results.length, 'each entry is placed once');
  const places = state.results.map((r) => r.place).sort((a, b) => a - b);
  places.forEach((place, i) => {
    assert.ok(place === i + 1 || (i > 0 && place === places[i - 1]), `places rank 1..N with ties sharing (${places.slice(Math.max(0, i - 3), i + 2).join(', ')})`);
  });
  const payouts = state.payouts!;
  const pool = payouts.reduce((n, p) => n + p.amount, 0);
  const def = sim.def;
  assert.equal(pool, state.entrants * def.buyIn + state.rebuys * (def.rebuy?.price ?? 0) + state.addOns * (def.addOn?.price ?? 0), 'the pool is every buy-in, rebuy and add-on');
  const prizes = state.results.filter((r) => r.prize > 0);
  assert.equal(prizes.reduce((n, r) => n + r.prize, 0), pool, 'the prizes sum to the pool');
  let paid = 0;
  for (const r of prizes) {
    assert.ok(r.paid, `${r.prizeKey} is marked paid`);
    assert.ok(sim.paid.has(r.prizeKey!), `${r.prizeKey} was paid`);
    paid += sim.paid.get(r.prizeKey!)!;
  }
  assert.equal(paid, pool, 'the ledger paid the pool, once per prize');
  const winner = state.results.find((r) => r.place === 1)!;
  assert.equal(t.standings()[0].playerId, winner.playerId);
  for (const fake of sim.fakes.values()) {
    for (const [moveId, times] of fake.applied) assert.equal(times, 1, `${moveId} applied once at ${fake.tableId}`);
  }
  for (const moveId of sim.issuedMoves) assert.ok(sim.fakeSeatedOnce(moveId), `${moveId} was seated exactly once`);
}
