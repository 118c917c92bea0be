import { matchMaker } from '@colyseus/core';
import type { TableAnswer, TournamentTables } from '../../src/tournaments/actor/tournament-tables.ts';
import { refusal, type HandEndedReport, type HostAnswer } from '../../src/tournaments/tournament-host.ts';
import type { SeatInstruction } from '../../src/tournaments/events.ts';
import type { DealOrder } from '../../src/tournaments/tournament-table-host.ts';
import type { TournamentTableHost, TournamentTableMethod, TournamentTableOptions } from '../../src/tournaments/tournament-table-host.ts';
import { FakeTable } from '../tournaments/fake-table.ts';

type Call = { tableId: string; method: TournamentTableMethod; args: unknown[] };

/**
 * Tournament tables for tests of the actor (the `TournamentTables` port):
 * each table is a `FakeTable` in memory that does what a tournament table
 * does with the actor's calls (seat by move id, deal on `deal` only, release
 * between hands, add chips by key, close), and a test ends each hand by
 * deciding the stacks (`endHand`), which reports to the tournament as a real
 * table does, through `matchMaker.remoteRoomCall(tournamentId, 'handEnded', …)`.
 * One instance may serve two servers in turn (a restart): the tables live on.
 */
export class FakeTournamentTables implements TournamentTables {
  readonly tables = new Map<string, FakeTable>();
  readonly options = new Map<string, TournamentTableOptions>();
  readonly calls: Call[] = [];
  /** Calls to fail (thrown) before they reach the table, by method: a table that is down. */
  failing = new Set<TournamentTableMethod>();
  private waiters: (() => void)[] = [];

  async open(options: TournamentTableOptions): Promise<void> {
    if (!this.tables.has(options.tableId)) this.tables.set(options.tableId, new FakeTable(options.tableId, options.tableSize));
    this.options.set(options.tableId, options);
    this.wake();
  }

  async call<M extends TournamentTableMethod>(tableId: string, method: M, args: Parameters<TournamentTableHost[M]>): Promise<TableAnswer<M>> {
    this.calls.push({ tableId, method, args });
    if (this.failing.has(method)) throw new Error(`table ${tableId} is down`);
    const table = this.tables.get(tableId);
    const answer = ((): unknown => {
      if (!table) return method === 'closeTable' ? { closed: true } : refusal('unknown_table', `No table ${tableId} here.`);
      switch (method) {
        case 'seatPlayers':
          return { seated: table.seatPlayers(args[0] as SeatInstruction[]) };
        case 'deal': {
          const order = args[0] as DealOrder;
          return { accepted: table.deal(order.handNumber, order.stakes) };
        }
        case 'releasePlayer':
          return { stack: table.releasePlayer(args[0] as string, args[1] as string) };
        case 'addChips': {
          table.addChips(args[0] as string, args[1] as string, args[2] as number);
          return { stack: table.seats.find((s) => s?.playerId === args[1])?.stack ?? 0 };
        }
        case 'tellMoved':
          return { told: true };
        case 'closeTable':
          table.close();
          return { closed: true };
        default:
          return refusal('unknown_method', `No method ${String(method)}.`);
      }
    })();
    this.wake();
    return answer as TableAnswer<M>;
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Resolves once `test` holds, checking after every call the tables get. */
  async until<T>(test: () => T | undefined | null | false, ms = 10_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = test();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`the fake tables never got there; calls: ${JSON.stringify(this.calls.map((c) => `${c.tableId} ${c.method}`))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** The first table with a hand in play (or the one named), once it has one. */
  handInPlay(tableId?: string): Promise<FakeTable> {
    return this.until(() => [...this.tables.values()].find((t) => t.hand !== null && !t.closed && (tableId === undefined || t.tableId === tableId)));
  }

  /** Ends the hand in play with these stacks (players not named keep theirs) and reports it as the table would; answers the tournament's answer and the report. */
  async endHand(table: FakeTable, stacks: Record<string, number>): Promise<{ answer: HostAnswer<{ accepted: boolean }>; report: HandEndedReport }> {
    const report = table.finishHand(stacks);
    const answer = await this.report(table.tableId, report);
    return { answer, report };
  }

  /** Sends a report to the table's tournament (again, when a test repeats one). */
  async report(tableId: string, report: HandEndedReport): Promise<HostAnswer<{ accepted: boolean }>> {
    const tournamentId = this.options.get(tableId)!.tournamentId;
    return await matchMaker.remoteRoomCall(tournamentId, 'handEnded', [report]) as HostAnswer<{ accepted: boolean }>;
  }
}
