/**
 * A small actor for focused tests: it carries out the Tournament's calls at
 * once, in order, on fake tables (or keeps them for the test to carry out
 * when `auto` is off), while the test decides how each hand ends.
 */
import assert from 'node:assert/strict';
import { seededRandom } from '../../src/engine/random.ts';
import { Tournament } from '../../src/tournaments/Tournament.ts';
import type { TournamentEvent, TournamentEventType } from '../../src/tournaments/events.ts';
import type { TournamentDefinition } from '../../src/tournaments/rules/structure.ts';
import type { HandReport } from '../../src/tournaments/state.ts';
import { FakeTable } from './fake-table.ts';

export const T0 = 1_700_000_000_000;

export const refused = (code: string) => ({ name: 'IllegalActionError', code });

type EventOf<K extends TournamentEventType> = Extract<TournamentEvent, { type: K }>;

export class Driver {
  t: Tournament;
  now = T0;
  readonly fakes = new Map<string, FakeTable>();
  /** Every event, in order. */
  readonly log: TournamentEvent[] = [];
  /** Calls kept back while `auto` is off. */
  held: TournamentEvent[] = [];
  auto = true;
  readonly paid = new Map<string, number>();
  private players = 0;

  constructor(definition: TournamentDefinition, seed = 1) {
    this.t = Tournament.create('t1', definition, this.now, seededRandom(seed));
  }

  /** Runs a command and carries out what it asks; answers the command's own events. */
  run(command: (t: Tournament, now: number) => TournamentEvent[]): TournamentEvent[] {
    const events = command(this.t, this.now);
    this.carry(events);
    return events;
  }

  carry(events: TournamentEvent[]): void {
    for (const event of events) {
      this.log.push(event);
      if (this.auto) this.execute(event);
      else this.held.push(event);
    }
  }

  /** Carries out the calls kept back, in order (or those `which` picks). */
  release(which: (e: TournamentEvent) => boolean = () => true): void {
    const now = this.held.filter(which);
    this.held = this.held.filter((e) => !which(e));
    for (const event of now) this.execute(event);
  }

  execute(event: TournamentEvent): void {
    const t = this.t;
    switch (event.type) {
      case 'openTable':
        if (!this.fakes.has(event.tableId)) this.fakes.set(event.tableId, new FakeTable(event.tableId, event.tableSize));
        return;
      case 'seatPlayers':
        for (const moveId of this.fake(event.tableId).seatPlayers(event.seats)) this.carry(t.moveSeated(moveId, this.now));
        return;
      case 'releasePlayer': {
        const stack = this.fake(event.tableId).releasePlayer(event.moveId, event.playerId);
        this.carry(t.moveReleased(event.moveId, stack, this.now));
        return;
      }
      case 'deal':
        this.fake(event.tableId).deal(event.handNumber, event.stakes);
        return;
      case 'addChips':
        this.fake(event.tableId).addChips(event.key, event.playerId, event.amount);
        this.carry(t.chipsAdded(event.key, this.now));
        return;
      case 'closeTable':
        this.fake(event.tableId).close();
        this.carry(t.tableClosed(event.tableId, this.now));
        return;
      case 'payPrize':
      case 'refund':
        if (!this.paid.has(event.key)) this.paid.set(event.key, event.amount);
        this.carry(event.type === 'payPrize' ? t.prizePaid(event.key, this.now) : t.refundPaid(event.key, this.now));
        return;
      default:
        return;
    }
  }

  fake(tableId: string): FakeTable {
    const fake = this.fakes.get(tableId);
    assert.ok(fake, `table ${tableId} was opened`);
    return fake;
  }

  /** Registers (and pays for) `count` new players p0, p1, …; answers the last confirmation's events. */
  register(count: number): TournamentEvent[] {
    let events: TournamentEvent[] = [];
    for (let i = 0; i < count; i++) {
      const id = `p${this.players++}`;
      events = this.enter(id);
    }
    return events;
  }

  /** Registers (or re-enters) one player and confirms it. */
  enter(playerId: string): TournamentEvent[] {
    const ticket = this.t.register(playerId, `Name ${playerId}`, this.now);
    this.paid.set(ticket.key, ticket.buyIn + ticket.fee);
    return this.run((t, now) => t.confirmRegistration(ticket, now));
  }

  /** Moves the clock on and ticks. */
  wait(ms: number): TournamentEvent[] {
    this.now += ms;
    return this.run((t, now) => t.tick(now));
  }

  /** Ends the hand in play at `tableId` with these stacks (players not named keep theirs) and reports it. */
  endHand(tableId: string, stacks: Record<string, number> = {}): TournamentEvent[] {
    const report = this.fake(tableId).finishHand(stacks);
    return this.report(report);
  }

  report(report: HandReport): TournamentEvent[] {
    return this.run((t, now) => t.handEnded(report, now));
  }

  /** Ends the hand at `tableId`: `losers` lose everything to `winner`. */
  bust(tableId: string, losers: string[], winner: string): TournamentEvent[] {
    const fake = this.fake(tableId);
    const stackOf = (id: string): number => fake.seats.find((s) => s?.playerId === id)!.stack;
    const won = losers.reduce((n, id) => n + stackOf(id), stackOf(winner));
    return this.endHand(tableId, { ...Object.fromEntries(losers.map((id) => [id, 0])), [winner]: won });
  }

  /** Ends every hand in play with nobody out. */
  endAllHands(): TournamentEvent[] {
    const events: TournamentEvent[] = [];
    for (const fake of this.fakes.values()) if (fake.hand) events.push(...this.endHand(fake.tableId));
    return events;
  }

  /** Pauses, then lets every hand in play end: every table is between hands and deals no more. */
  pauseAndFinish(): void {
    this.run((t, now) => t.pause(now));
    this.endAllHands();
  }

  /** The players dealt into the hand in play at `tableId`. */
  dealtAt(tableId: string): string[] {
    return Object.keys(this.fake(tableId).hand?.startStacks ?? {});
  }

  tableIds(): string[] {
    return this.t.state.tables.filter((t) => t.status === 'open').map((t) => t.tableId);
  }

  of<K extends TournamentEventType>(type: K, events: TournamentEvent[] = this.log): EventOf<K>[] {
    return events.filter((e): e is EventOf<K> => e.type === type);
  }

  /** Restores the tournament from its state as JSON, as after a crash. */
  crash(downMs: number): TournamentEvent[] {
    this.now += downMs;
    this.t = Tournament.restore(JSON.parse(JSON.stringify(this.t.state)), seededRandom(99));
    return this.run((t, now) => t.resumeAfterRestore(now));
  }
}
