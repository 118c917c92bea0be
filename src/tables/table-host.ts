import { matchMaker } from '@colyseus/core';
import type { PublicTableView } from './public-view.ts';

/** What a table's room did about a banned player. */
export type ExpelResult = { seated: boolean; waiting: boolean; disconnected: number };

/**
 * What the rest of the process asks of a table's room; `rooms/TableRoom.ts`
 * implements it (see there for what each call does). The cluster drains
 * tables for a hand-over, lists them again and stops the ones it lost;
 * admins inspect, close and expel, wherever in the cluster the room runs
 * (`callTable`), so those answers are plain JSON.
 */
export interface TableHost {
  readonly roomId: string;
  /** Stops dealing and lets the hand in play finish for up to `ms`; true when no hand is left. */
  drain(ms: number): Promise<boolean>;
  /** Lists the room again, where no other process lists its table. */
  relist(): Promise<void>;
  /** Stops at once without writing anything more: another process runs the table now. */
  abandon(): Promise<void>;
  /** Public state only: no hidden card, no deck. */
  publicView(): Promise<PublicTableView>;
  /** No new hands, then everyone stands up with their chips; false when it was closing already. */
  closeGracefully(): Promise<boolean>;
  /** A ban: off the waiting list, stood up after the hand, disconnected. */
  expel(playerId: string): Promise<ExpelResult>;
}

/** The calls that may reach a table's room on another process. */
export type RemoteTableCall = 'publicView' | 'closeGracefully' | 'expel';

/** The room of a table that runs in this process, if it does. */
export function localTable(tableId: string): TableHost | undefined {
  return matchMaker.getLocalRoomById(tableId) as unknown as TableHost | undefined;
}

/** Calls a table's room wherever it runs: directly in this process, over the presence's IPC in another. */
export async function callTable<M extends RemoteTableCall>(tableId: string, method: M, args: Parameters<TableHost[M]>, timeoutMs: number): Promise<Awaited<ReturnType<TableHost[M]>>> {
  return await matchMaker.remoteRoomCall<TableHost, M>(tableId, method, args, timeoutMs) as Awaited<ReturnType<TableHost[M]>>;
}
