import { matchMaker, type Client } from '@colyseus/core';
import type { CashTableState } from '../src/engine/cash/state.ts';
import type { DealerEvent } from '../src/engine/table/dealer-state.ts';
import { TournamentTable } from '../src/engine/tournament/TournamentTable.ts';
import { DEFAULT_TIMINGS } from '../src/engine/cash/settings.ts';
import type { TournamentHandReport } from '../src/engine/tournament/state.ts';
import { SNAPSHOT_REFUSAL, SnapshotRefusedError } from '../src/persistence/snapshot-format.ts';
import { tournamentTableRow, tournamentTableState } from '../src/persistence/tournament-table-schema.ts';
import { PersistenceError, type TableRecord } from '../src/persistence/types.ts';
import type { SeatInstruction } from '../src/tournaments/events.ts';
import { answerRefusals, isRefusal, refusal, refusalCode, TOURNAMENT_ROOM, type HandEndedReport, type HostAnswer } from '../src/tournaments/tournament-host.ts';
import type { DealOrder } from '../src/tournaments/tournament-table-host.ts';
import type { TableState } from '../schema/TableState.ts';
import type { RoomServices } from './services.ts';
import { refuseSnapshot } from './snapshot-refusal.ts';

/** How long one `handEnded` call may take before it is tried again. */
const REPORT_TIMEOUT_MS = 5_000;
/** The waits before a report is sent again, one per failure in a row; the last repeats until it is answered. */
const REPORT_BACKOFF_MS = [100, 200, 500, 1_000, 2_000, 5_000];

/** What the link needs of its room: the command queue, an immediate snapshot write, and the room's clients. */
export type TournamentRoomSide = {
  services: RoomServices;
  /** Runs a command in turn with the players' (TableRoom's `runInTurn`): a refusal is thrown back. */
  run(request: string, command: () => DealerEvent[]): Promise<void>;
  /** Writes the snapshot now: an answer to the tournament is given only once what it answers is durable. */
  saveNow(): Promise<void>;
  clients(): Iterable<Client>;
};

/**
 * The tournament table of a table room (`TableRoom` in tournament mode,
 * when its row has a `tournamentId`): opens or restores the table from the
 * row and the snapshot, carries out what the tournament's actor calls
 * (`TournamentTableHost`, through `matchMaker.remoteRoomCall(tableId, …)`),
 * and reports each hand's end to the tournament
 * (`remoteRoomCall(tournamentId, 'handEnded', [report])`), again and again
 * with a growing pause until it is answered — a restored table sends a
 * report that was not answered before.
 */
export class TournamentTableLink {
  readonly table: TournamentTable;
  readonly tournamentId: string;
  private readonly room: TournamentRoomSide;
  private reporting = false;
  private stopped = false;
  private wake: (() => void) | null = null;

  constructor(table: TournamentTable, room: TournamentRoomSide) {
    this.table = table;
    this.tournamentId = table.state.tournament.tournamentId;
    this.room = room;
  }

  /** The tournament table of `record`: restored from its snapshot's state, or new from the row's settings. */
  static open(record: TableRecord, snapshot: CashTableState | null, room: TournamentRoomSide): TournamentTableLink {
    if (snapshot) {
      const state = tournamentTableState(snapshot, record);
      if (!state) {
        const refused = new SnapshotRefusedError(SNAPSHOT_REFUSAL.invalid, `The snapshot of table ${record.id} is not the state of a table of tournament ${record.tournamentId}.`, record.id, 0);
        refuseSnapshot(refused, record.id, room.services.log);
      }
      return new TournamentTableLink(TournamentTable.restore(state), room);
    }
    const parsed = tournamentTableRow.safeParse(record.settings);
    if (!parsed.success) throw new Error(`Tournament table ${record.id} has settings it cannot open with: ${parsed.error.issues[0]?.message}.`);
    const row = parsed.data;
    const timings = room.services.timings;
    const table = TournamentTable.create({
      tableId: record.id, name: record.name, tournamentId: record.tournamentId as string, number: row.number,
      variant: row.variant, maxSeats: (row.maxSeats ?? row.tableSize) as number, level: row.level ?? 1, stakes: row.stakes,
      smallBet: row.smallBet, bigBet: row.bigBet,
      actionMs: row.actionSeconds !== undefined ? row.actionSeconds * 1000 : DEFAULT_TIMINGS.actionMs,
      timeBankMs: row.timeBankSeconds !== undefined ? row.timeBankSeconds * 1000 : DEFAULT_TIMINGS.timeBankMs,
      pauseMs: timings.pauseMs ?? DEFAULT_TIMINGS.pauseMs, reconnectMs: timings.reconnectMs ?? DEFAULT_TIMINGS.reconnectMs,
    });
    return new TournamentTableLink(table, room);
  }

  // ── what the actor calls (TournamentTableHost) ────────────────────────

  seatPlayers(seats: SeatInstruction[]): Promise<HostAnswer<{ seated: string[] }>> {
    return this.command('seatPlayers', () => {
      const { seated, events } = this.table.seatPlayers(seats, this.room.services.now());
      return { answer: { seated }, events };
    });
  }

  deal(order: DealOrder): Promise<HostAnswer<{ accepted: boolean }>> {
    return this.command('deal', () => {
      const { accepted, events } = this.table.deal(order, this.room.services.now());
      return { answer: { accepted }, events };
    });
  }

  releasePlayer(moveId: string, playerId: string): Promise<HostAnswer<{ stack: number }>> {
    return this.command('releasePlayer', () => ({ answer: { stack: this.table.releasePlayer(moveId, playerId) }, events: [] }));
  }

  addChips(key: string, playerId: string, amount: number): Promise<HostAnswer<{ stack: number }>> {
    return this.command('addChips', () => ({ answer: { stack: this.table.addChips(key, playerId, amount) }, events: [] }));
  }

  tellMoved(playerId: string, tableId: string, seat: number): Promise<HostAnswer<{ told: boolean }>> {
    return this.command('tellMoved', () => {
      this.table.noteMoved(playerId, tableId, seat);
      return { answer: { told: this.tell(playerId) }, events: [] };
    });
  }

  closeTable(): Promise<HostAnswer<{ closed: boolean }>> {
    return this.command('closeTable', () => ({ answer: { closed: true }, events: this.table.closeTable() }));
  }

  /** Runs a call in the room's queue and answers once its result is durable; a refusal is an answer. */
  private command<T>(request: string, work: () => { answer: T; events: DealerEvent[] }): Promise<HostAnswer<T>> {
    return answerRefusals(async () => {
      let answer: T | undefined;
      await this.room.run(request, () => {
        const done = work();
        answer = done.answer;
        return done.events;
      });
      // Not run: the room has lost its table to another process, where the call is to go again.
      if (answer === undefined) throw new Error(`Table ${this.table.state.tableId} does not run here any more; call it again.`);
      // A closed table has written its last snapshot and given its lease up.
      if (!this.table.isClosed()) await this.saveNow();
      return answer;
    });
  }

  /**
   * Writes the snapshot before answering. A refused write means another
   * process holds the table now: that is a failure for the actor to call
   * again (the table's new room answers), not a refusal of the rules.
   */
  private async saveNow(): Promise<void> {
    try {
      await this.room.saveNow();
    } catch (error) {
      if (!(error instanceof PersistenceError && error.code === 'lease_lost')) throw error;
      const tableId = this.table.state.tableId;
      this.room.services.leaseLost(tableId);
      throw new Error(`Table ${tableId} has moved to another process; call it again.`);
    }
  }

  /** Sends `moved` to the player's clients here; whether anyone was told. */
  private tell(playerId: string): boolean {
    const where = this.table.state.tournament.movedTo[playerId];
    let told = false;
    for (const client of this.room.clients()) {
      if ((client.userData as { playerId?: string } | undefined)?.playerId !== playerId || !where) continue;
      client.send('moved', { tableId: where.tableId, seat: where.seat });
      told = true;
    }
    return told;
  }

  /** A player joins: one who has been moved from here is told again where to go. */
  joined(client: Client, playerId: string): void {
    const where = this.table.state.tournament.movedTo[playerId];
    if (where && this.table.seatOf(playerId) < 0) client.send('moved', { tableId: where.tableId, seat: where.seat });
  }

  // ── after every command ───────────────────────────────────────────────

  /** The wire state follows the level (the stakes of the hand in play), and a report waiting is sent. */
  refreshed(wire: TableState): void {
    const { stakes } = this.table.state.settings;
    if (wire.smallBlind !== stakes.smallBlind) wire.smallBlind = stakes.smallBlind;
    if (wire.bigBlind !== stakes.bigBlind) wire.bigBlind = stakes.bigBlind;
    if (wire.ante !== stakes.ante) wire.ante = stakes.ante;
    if (this.table.pendingReport && !this.reporting && !this.stopped) void this.report();
  }

  /** The room is going (disposed, or fenced off): nothing more is sent from here. */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** Sends the pending report until the tournament answers it (or the room goes); a refusal is logged and not sent again. */
  private async report(): Promise<void> {
    this.reporting = true;
    const { log } = this.room.services;
    let failures = 0;
    try {
      for (let report = this.table.pendingReport; report && !this.stopped; report = this.table.pendingReport) {
        const answered = await this.send(report);
        if (this.stopped) return;
        if (answered) {
          failures = 0;
          const handNumber = report.handNumber;
          await this.room.run('reportAnswered', () => {
            this.table.reportAnswered(handNumber);
            return [];
          });
          continue;
        }
        await this.pause(REPORT_BACKOFF_MS[Math.min(failures++, REPORT_BACKOFF_MS.length - 1)]);
      }
    } catch (error) {
      log.error({ err: error, tableId: this.table.state.tableId, tournamentId: this.tournamentId }, 'tournament table stopped reporting');
    } finally {
      this.reporting = false;
    }
  }

  /** One attempt: true once the tournament answered (taken or refused), false to try again. */
  private async send(report: TournamentHandReport): Promise<boolean> {
    const { log } = this.room.services;
    const where = { tableId: report.tableId, tournamentId: this.tournamentId, handNumber: report.handNumber };
    try {
      const running = await matchMaker.query({ name: TOURNAMENT_ROOM, roomId: this.tournamentId });
      if (running.length === 0) return false;
      const sent: HandEndedReport = report;
      const answer: unknown = await matchMaker.remoteRoomCall(this.tournamentId, 'handEnded', [sent], REPORT_TIMEOUT_MS);
      if (isRefusal(answer)) log.warn({ ...where, code: answer.refused.code }, `the tournament refused a hand's report: ${answer.refused.message}`);
      return true;
    } catch (error) {
      // A coded error is the actor's refusal, thrown in this process; anything else is a failure to try again.
      const code = refusalCode(error);
      if (code !== null) {
        log.warn({ ...where, code }, `the tournament refused a hand's report: ${(error as Error).message}`);
        return true;
      }
      log.debug({ ...where, err: error }, 'a hand report did not reach the tournament; trying again');
      return false;
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done(): void {
        clearTimeout(timer);
        self.wake = null;
        resolve();
      }
      this.wake = done;
    });
  }
}

/** What a cash table answers the tournament's calls. */
export function notATournamentTable(tableId: string): Promise<ReturnType<typeof refusal>> {
  return Promise.resolve(refusal('not_tournament_table', `Table ${tableId} is a cash table, not a tournament's.`));
}
