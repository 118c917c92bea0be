import type { Logger } from 'pino';
import { IllegalActionError } from '../../engine/errors.ts';
import type { Database } from '../../persistence/database.ts';
import { PersistenceError } from '../../persistence/types.ts';
import { RUNNABLE_STATUSES } from '../../persistence/tournaments.ts';
import type { TournamentStatus } from '../rules/structure.ts';
import type { TournamentState } from '../state.ts';
import { Tournament } from '../Tournament.ts';
import type { TournamentEvent } from '../events.ts';
import {
  answerRefusals, type HandEndedReport, type HostAnswer, type PlayerAnswer, type TournamentDetail, type TournamentHost, type TournamentSummary,
} from '../tournament-host.ts';
import { carryOut, type Effects } from './effects.ts';
import { reconcileEntries } from './reconcile.ts';
import { RetryLanes } from './retry-lanes.ts';
import { recordPlace, refundEntry, takeChips, takeEntry } from './tournament-money.ts';
import type { TournamentTables } from './tournament-tables.ts';

/** The actor no longer runs the tournament (its lease went to another process): a failure, not a refusal, so the API answers 503 and the caller retries. */
export class ActorGoneError extends Error {
  constructor(tournamentId: string) {
    super(`Tournament ${tournamentId} is no longer run by this process; it is moving to another.`);
    this.name = 'ActorGoneError';
  }
}

/** What an actor needs of its room and its process. */
export type ActorPorts = {
  db: Database;
  tables: TournamentTables;
  /** The Felt process id whose lease fences every write. */
  processId: string;
  log: Logger;
  now: () => number;
  /** A message to every connection of one player. */
  tell(playerId: string, type: string, payload: unknown): void;
  /** A message to everyone in the room. */
  broadcast(type: string, payload: unknown): void;
  /** The state changed: show it. */
  changed(): void;
  /** A fenced write was refused: another process holds the lease now. */
  leaseLost(): void;
  /** The tournament is over and owes nothing more: its lease may go. */
  done(): void;
};

/** How long after a failed snapshot write the actor tries again (the command waits: nothing is carried out before its state is durable). */
const SAVE_RETRY_MS = 200;

/** Events that `pendingWork` re-issues after a restore: carried from there, not twice. */
const PENDING_TYPES = new Set<TournamentEvent['type']>(['openTable', 'releasePlayer', 'seatPlayers', 'addChips', 'deal', 'closeTable', 'payPrize', 'refund']);

/**
 * The live actor of one tournament, wherever it runs: it holds the
 * `Tournament` (the rules), runs every command one at a time, makes each new
 * state durable (a fenced snapshot under the process's lease) before it
 * carries out what the state decided (`effects.ts`: calls to tables, money,
 * messages), feeds the answers back as commands, and ticks the clock at
 * `nextDeadline`. After a crash, `open` restores it from the snapshot,
 * settles money the database took without the state knowing
 * (`reconcileEntries`), and re-issues `pendingWork`: a prize decided and not
 * paid is paid once (the repositories are idempotent by the place).
 *
 * Independent of Colyseus: `rooms/TournamentRoom.ts` hosts it and exposes
 * its `TournamentHost` methods to `matchMaker.remoteRoomCall`.
 */
export class TournamentActor implements TournamentHost {
  readonly tournamentId: string;
  private readonly ports: ActorPorts;
  private readonly t: Tournament;
  private queue: Promise<void> = Promise.resolve();
  private readonly lanes: RetryLanes;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private finishedUp = false;
  /** The status the tournament's row has, as far as this actor set it. */
  private rowStatus: TournamentStatus;

  private constructor(t: Tournament, rowStatus: TournamentStatus, ports: ActorPorts) {
    this.t = t;
    this.tournamentId = t.state.tournamentId;
    this.ports = ports;
    this.rowStatus = rowStatus;
    this.lanes = new RetryLanes({
      onFailure: (lane, what, error, attempt) => {
        if (attempt === 1 || attempt % 20 === 0) ports.log.warn({ err: error, tournamentId: this.tournamentId, lane, what, attempt }, 'tournament work failed; retrying');
      },
      onIdle: () => this.settle(),
    });
  }

  /**
   * The actor of a registering or running tournament: restored from its
   * snapshot (the time down is not charged to the clock), or new from its
   * definition; entries the database has and the state lacks are settled, the
   * state is written, and the work pending is re-issued.
   */
  static async open(tournamentId: string, ports: ActorPorts): Promise<TournamentActor> {
    const { db } = ports;
    const record = await db.tournaments.get(tournamentId);
    if (!record) throw new Error(`No tournament ${tournamentId} in the database.`);
    if (!RUNNABLE_STATUSES.includes(record.status)) throw new Error(`Tournament ${tournamentId} is ${record.status}: it needs no actor.`);
    const snapshot = await db.tournaments.loadSnapshot(tournamentId);
    const now = ports.now();
    const t = snapshot
      ? Tournament.restore(snapshot.state as unknown as TournamentState)
      : Tournament.create(tournamentId, record.definition, Math.min(record.createdAt.getTime(), now));
    const actor = new TournamentActor(t, record.status, ports);
    const events = snapshot ? t.resumeAfterRestore(now) : [];
    events.push(...await reconcileEntries(t, db, now, ports.log));
    events.push(...t.tick(now));
    await actor.save();
    actor.carry(events.filter((e) => !PENDING_TYPES.has(e.type)));
    actor.carry(t.pendingWork());
    for (const result of t.state.results) {
      if (result.prize === 0) actor.lanes.push('money', 'place', () => recordPlace(db, { tournamentId, ...result }));
    }
    // After the prizes and refunds pending: the row is marked over only once nothing is owed.
    const target = t.state.status;
    actor.lanes.push('money', 'status', () => actor.syncStatus(target));
    actor.schedule();
    ports.log.info({ tournamentId, restored: Boolean(snapshot), status: t.state.status, version: t.state.version }, 'tournament actor open');
    return actor;
  }

  /** The tournament's state (read only: the wire mapping reads it). */
  get state(): TournamentState {
    return this.t.state;
  }

  /** The seat a player still in has taken (null while moving, out or not seated). */
  seatOf(playerId: string): { tableId: string; seat: number } | null {
    const player = this.t.state.players.find((p) => p.playerId === playerId);
    if (!player || player.out || player.tableId === null || player.moveId !== null) return null;
    return { tableId: player.tableId, seat: player.seat };
  }

  view(): ReturnType<Tournament['detail']> {
    return this.t.detail(Math.max(this.ports.now(), this.t.state.aliveAt));
  }

  // ── the command queue ────────────────────────────────────────────────

  private run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      if (this.stopped) throw new ActorGoneError(this.tournamentId);
      try {
        return await work();
      } catch (error) {
        // Not a refusal: the caller is told the tournament is moving (503), and asks its new owner.
        if (error instanceof PersistenceError && error.code === 'lease_lost') throw new ActorGoneError(this.tournamentId);
        throw error;
      }
    });
    this.queue = result.then(() => undefined, () => undefined);
    return result;
  }

  /** Before money moves: this process still holds the lease (a fenced write would refuse the state afterwards, with the money gone). */
  private async holdLease(): Promise<void> {
    const record = await this.ports.db.tournaments.get(this.tournamentId);
    if (record?.ownerProcess === this.ports.processId) return;
    this.fence();
    this.ports.leaseLost();
    throw new ActorGoneError(this.tournamentId);
  }

  /** In the queue: runs one or more commands of the Tournament, makes the state durable, then carries out their events. */
  private async apply(command: (t: Tournament, now: number) => TournamentEvent[]): Promise<TournamentEvent[]> {
    const now = Math.max(this.ports.now(), this.t.state.aliveAt);
    const events = command(this.t, now);
    await this.save();
    this.carry(events);
    this.schedule();
    this.ports.changed();
    this.settle();
    return events;
  }

  /** Writes the state under the lease, retrying a database that does not answer; a refused lease stops the actor. */
  private async save(): Promise<void> {
    const { db, processId, log } = this.ports;
    for (let attempt = 1; ; attempt++) {
      try {
        await db.tournaments.saveSnapshot(this.tournamentId, this.t.state.version, this.t.state, processId);
        return;
      } catch (error) {
        if (error instanceof PersistenceError && error.code === 'lease_lost') {
          this.fence();
          this.ports.leaseLost();
          throw error;
        }
        if (this.stopped) throw error;
        if (attempt === 1 || attempt % 25 === 0) log.error({ err: error, tournamentId: this.tournamentId, attempt }, 'tournament snapshot write failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, SAVE_RETRY_MS));
      }
    }
  }

  /** A command fed back by a table's or the ledger's answer: refused ones are logged (the state knows better), never thrown. */
  feed(what: string, command: (t: Tournament, now: number) => TournamentEvent[]): Promise<void> {
    return this.run(() => this.apply(command)).then(() => undefined, (error: unknown) => {
      if (this.stopped) return;
      this.ports.log.error({ err: error, tournamentId: this.tournamentId, what }, 'the tournament refused an answer');
    });
  }

  private carry(events: TournamentEvent[]): void {
    if (events.length > 0 && !this.stopped) carryOut(events, this.effects());
  }

  private effects(): Effects {
    return {
      tournamentId: this.tournamentId,
      name: this.t.state.definition.name,
      db: this.ports.db,
      tables: this.ports.tables,
      lanes: this.lanes,
      cancelled: () => this.t.state.status === 'cancelled',
      tell: this.ports.tell,
      broadcast: this.ports.broadcast,
      feed: (what, command) => this.feed(what, command),
      status: (target) => this.syncStatus(target),
    };
  }

  /** Brings the row's status up to `target` (fenced by the lease), one step at a time as the repository allows. */
  private async syncStatus(target: TournamentStatus): Promise<void> {
    const steps: TournamentStatus[] = target === 'finished' ? ['running', 'finished'] : [target];
    for (const status of steps) {
      if (this.rowStatus === status || (status === 'running' && this.rowStatus === 'finished')) continue;
      if (status === 'running' && this.rowStatus !== 'registering') continue;
      const record = await this.ports.db.tournaments.setStatus(this.tournamentId, status, { owner: this.ports.processId });
      if (record) this.rowStatus = record.status;
    }
    this.settle();
  }

  /** Once over with nothing owed or unanswered, the actor is done (once). */
  private settle(): void {
    if (this.finishedUp || this.stopped) return;
    const status = this.t.state.status;
    if (status !== 'finished' && status !== 'cancelled') return;
    if (this.rowStatus !== status || this.t.pendingWork().length > 0 || this.lanes.size > 0) return;
    this.finishedUp = true;
    this.ports.done();
  }

  /** Ticks at the tournament's next deadline: levels, breaks, a scheduled start, the alive beat. */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const deadline = this.t.nextDeadline();
    if (deadline <= 0 || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.feed('tick', (t, now) => t.tick(now));
    }, Math.max(0, deadline - this.ports.now()));
  }

  // ── TournamentHost: what the API and the tables call ─────────────────

  register(playerId: string, name: string): Promise<HostAnswer<PlayerAnswer & { entryNo: number }>> {
    return answerRefusals(() => this.run(async () => {
      const now = this.now();
      const ticket = this.t.register(playerId, name, now);
      await this.holdLease();
      await takeEntry(this.ports.db, ticket);
      try {
        await this.apply((t, at) => t.confirmRegistration(ticket, at));
      } catch (error) {
        // The tournament moved on between the check and the confirmation: the money goes back.
        if (error instanceof IllegalActionError) {
          await refundEntry(this.ports.db, { tournamentId: this.tournamentId, playerId, entry: ticket.entry, amount: ticket.buyIn + ticket.fee, key: '', saleKey: ticket.key })
            .catch((refundError: unknown) => this.ports.log.error({ err: refundError, tournamentId: this.tournamentId, playerId }, 'could not refund a refused registration'));
        }
        throw error;
      }
      return { tournamentId: this.tournamentId, playerId, entryNo: ticket.entry };
    }));
  }

  unregister(playerId: string): Promise<HostAnswer<PlayerAnswer>> {
    return answerRefusals(() => this.run(async () => {
      const ticket = this.t.unregister(playerId, this.now());
      await this.holdLease();
      await refundEntry(this.ports.db, ticket);
      await this.apply((t, at) => t.confirmUnregistration(ticket, at));
      return { tournamentId: this.tournamentId, playerId };
    }));
  }

  rebuy(playerId: string): Promise<HostAnswer<PlayerAnswer & { rebuys: number }>> {
    return answerRefusals(() => this.run(async () => {
      const ticket = this.t.rebuy(playerId, this.now());
      await this.holdLease();
      await takeChips(this.ports.db, ticket, this.entryOf(playerId));
      await this.apply((t, at) => t.confirmRebuy(ticket, at));
      return { tournamentId: this.tournamentId, playerId, rebuys: ticket.number };
    }));
  }

  addOn(playerId: string): Promise<HostAnswer<PlayerAnswer>> {
    return answerRefusals(() => this.run(async () => {
      const ticket = this.t.addOn(playerId, this.now());
      await this.holdLease();
      await takeChips(this.ports.db, ticket, this.entryOf(playerId));
      await this.apply((t, at) => t.confirmAddOn(ticket, at));
      return { tournamentId: this.tournamentId, playerId };
    }));
  }

  private entryOf(playerId: string): number {
    return this.t.state.players.find((p) => p.playerId === playerId)!.entry;
  }

  start(): Promise<HostAnswer<TournamentSummary>> {
    return this.operate((t, now) => t.start(now));
  }

  pause(): Promise<HostAnswer<TournamentSummary>> {
    return this.operate((t, now) => t.pause(now));
  }

  resume(): Promise<HostAnswer<TournamentSummary>> {
    return this.operate((t, now) => t.resume(now));
  }

  cancel(): Promise<HostAnswer<TournamentSummary>> {
    return this.operate((t, now) => t.cancel(now));
  }

  private operate(command: (t: Tournament, now: number) => TournamentEvent[]): Promise<HostAnswer<TournamentSummary>> {
    return answerRefusals(() => this.run(async () => {
      await this.apply(command);
      return this.t.summary();
    }));
  }

  async detail(): Promise<TournamentDetail> {
    await this.queue;
    const d = this.view();
    return {
      tournamentId: d.tournamentId, name: d.name, kind: d.kind, variant: d.variant, status: d.status, buyIn: d.buyIn, fee: d.fee,
      startingStack: d.startingStack, tableSize: d.tableSize, entrants: d.entrants, minEntrants: d.minEntrants, maxEntrants: d.maxEntrants,
      startsAt: d.startsAt, level: d.level, onBreak: d.onBreak, breakEndsAt: d.breakEndsAt, prizePool: d.prizePool, payouts: d.payouts,
      remaining: d.remaining,
      standings: d.standings.map(({ playerId, name, stack, tableId, place, prize }) => ({ playerId, name, stack, tableId, place, prize })),
      tables: d.tables,
    };
  }

  handEnded(report: HandEndedReport): Promise<HostAnswer<{ accepted: boolean }>> {
    return answerRefusals(() => this.run(async () => {
      const table = this.t.state.tables.find((tr) => tr.tableId === report?.tableId);
      // A report the tournament has: answered without a write (the table retries until it hears back).
      if (table && Number.isSafeInteger(report.handNumber) && report.handNumber <= table.reported) return { accepted: false };
      await this.apply((t, now) => t.handEnded(report, now));
      const after = this.t.state.tables.find((tr) => tr.tableId === report.tableId);
      return { accepted: Boolean(after && after.reported >= report.handNumber) };
    }));
  }

  private now(): number {
    return Math.max(this.ports.now(), this.t.state.aliveAt);
  }

  // ── lifecycle ────────────────────────────────────────────────────────

  private fence(): void {
    this.stopped = true;
    this.lanes.stop();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Another process runs the tournament now: nothing more is done or written here. */
  abandon(): void {
    this.fence();
  }

  /** The room goes (a shutdown): commands in flight finish, retries stop; the next owner re-issues what is pending. */
  async stop(): Promise<void> {
    this.fence();
    await this.queue;
  }

  /** Resolves once no command is queued and no table call, payment or status change is waiting (tests). */
  async quiet(): Promise<void> {
    do {
      await this.queue;
      await this.lanes.idle();
      await this.queue;
    } while (this.lanes.size > 0);
  }
}
