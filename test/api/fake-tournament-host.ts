import { matchMaker, Room } from '@colyseus/core';
import { IllegalActionError } from '../../src/engine/errors.ts';
import type { Database } from '../../src/persistence/database.ts';
import { summaryOf } from '../../src/api/tournament-views.ts';
import {
  answerRefusals, refusal, TOURNAMENT_ROOM, type HandEndedReport, type HostAnswer, type PlayerAnswer, type TournamentDetail,
  type TournamentHost, type TournamentSummary,
} from '../../src/tournaments/tournament-host.ts';

/**
 * A stand-in for the `tournament` room, for the API's tests only: it keeps no
 * state of its own and does each command straight on the repositories, as
 * the real actor will after its rules have agreed. Its rebuy is always
 * refused as a value (the way refusals cross processes), its add-on throws a
 * coded error (what arrives when the actor runs in the same process).
 */
export class FakeTournamentHost extends Room implements TournamentHost {
  static db: Database | null = null;
  /** Commands it received, for the tests to check the API called it. */
  static calls: { tournamentId: string; method: string; args: unknown[] }[] = [];

  private tournamentId = '';

  override onCreate(options: { tournamentId: string }): void {
    this.roomId = options.tournamentId;
    this.tournamentId = options.tournamentId;
    this.autoDispose = false;
  }

  private get db(): Database {
    if (!FakeTournamentHost.db) throw new Error('FakeTournamentHost.db is not set');
    return FakeTournamentHost.db;
  }

  private note(method: string, args: unknown[]): void {
    FakeTournamentHost.calls.push({ tournamentId: this.tournamentId, method, args });
  }

  private async summary(): Promise<TournamentSummary> {
    return summaryOf((await this.db.tournaments.get(this.tournamentId))!);
  }

  async register(playerId: string, name: string): Promise<HostAnswer<PlayerAnswer & { entryNo: number }>> {
    this.note('register', [playerId, name]);
    return answerRefusals(async () => {
      const { definition } = (await this.db.tournaments.get(this.tournamentId))!;
      const entry = await this.db.entries.register({ tournamentId: this.tournamentId, playerId, name, buyIn: definition.buyIn, fee: definition.fee });
      return { tournamentId: this.tournamentId, playerId, entryNo: entry.entryNo };
    });
  }

  async unregister(playerId: string): Promise<HostAnswer<PlayerAnswer>> {
    this.note('unregister', [playerId]);
    return answerRefusals(async () => {
      await this.db.entries.unregister(this.tournamentId, playerId);
      return { tournamentId: this.tournamentId, playerId };
    });
  }

  async rebuy(playerId: string): Promise<HostAnswer<PlayerAnswer & { rebuys: number }>> {
    this.note('rebuy', [playerId]);
    return refusal('rebuy_not_allowed', 'This tournament has no rebuys.');
  }

  async addOn(playerId: string): Promise<HostAnswer<PlayerAnswer>> {
    this.note('addOn', [playerId]);
    throw new IllegalActionError('addon_not_available', 'The add-on is sold during break 1 only.');
  }

  async start(): Promise<HostAnswer<TournamentSummary>> {
    this.note('start', []);
    return answerRefusals(async () => {
      await this.db.tournaments.setStatus(this.tournamentId, 'running');
      return this.summary();
    });
  }

  async pause(): Promise<HostAnswer<TournamentSummary>> {
    this.note('pause', []);
    return refusal('tournament_not_running', 'Only a running tournament can be paused.');
  }

  async resume(): Promise<HostAnswer<TournamentSummary>> {
    this.note('resume', []);
    return refusal('not_paused', 'The tournament is not paused.');
  }

  async cancel(): Promise<HostAnswer<TournamentSummary>> {
    this.note('cancel', []);
    return answerRefusals(async () => {
      await this.db.entries.refundAll(this.tournamentId);
      await this.db.tournaments.setStatus(this.tournamentId, 'cancelled');
      return this.summary();
    });
  }

  async detail(): Promise<TournamentDetail> {
    this.note('detail', []);
    const summary = await this.summary();
    return {
      ...summary, level: { number: 2, smallBlind: 20, bigBlind: 40, ante: 5, endsAt: 1_900_000_000_000 }, onBreak: false, breakEndsAt: null,
      prizePool: summary.entrants * summary.buyIn, payouts: [{ place: 1, amount: summary.entrants * summary.buyIn }], remaining: summary.entrants,
      standings: [], tables: [{ tableId: 'live-table-1', seated: summary.entrants }],
    };
  }

  async handEnded(_report: HandEndedReport): Promise<HostAnswer<{ accepted: boolean }>> {
    return { accepted: true };
  }
}

/** Defines the stand-in under the `tournament` room name; returns how to open one for a tournament and how to take the definition away. */
export function defineFakeHost(db: Database): { open(tournamentId: string): Promise<void>; undefine(): void } {
  FakeTournamentHost.db = db;
  FakeTournamentHost.calls = [];
  matchMaker.defineRoomType(TOURNAMENT_ROOM, FakeTournamentHost);
  return {
    async open(tournamentId) {
      await matchMaker.createRoom(TOURNAMENT_ROOM, { tournamentId });
    },
    undefine() {
      matchMaker.removeRoomType(TOURNAMENT_ROOM);
      FakeTournamentHost.db = null;
    },
  };
}
