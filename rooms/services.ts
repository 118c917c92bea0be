import type { Logger } from 'pino';
import type { Database } from '../src/persistence/database.ts';
import type { SnapshotWriter } from '../src/persistence/snapshot-writer.ts';
import type { FeltMetrics } from '../src/observability/metrics.ts';
import type { CashTableSettings } from '../src/engine/cash/settings.ts';

/**
 * What rooms need from the process: the database, the token secret, the
 * snapshot writer and a clock. Set once at start-up; rooms read it in onCreate.
 */
export type RoomServices = {
  db: Database;
  secret: Uint8Array;
  log: Logger;
  /** Hands, actions and patch latency are counted here (see TableObserver). */
  metrics: FeltMetrics;
  snapshots: SnapshotWriter;
  processId: string;
  /** The database refused a write of this table's because another process holds its lease: the room is stopped (`TableOwnership.lost`). */
  leaseLost: (tableId: string) => void;
  now: () => number;
  /** Overrides of the table clocks (pause between hands, reconnection window …), for operators and tests. */
  timings: Partial<Pick<CashTableSettings, 'pauseMs' | 'reconnectMs' | 'standUpMs' | 'offerMs' | 'maxTimeouts'>>;
};

let current: RoomServices | null = null;

export function setRoomServices(services: RoomServices | null): void {
  current = services;
}

export function roomServices(): RoomServices {
  if (!current) throw new Error('Room services are not set; start the server with startServer().');
  return current;
}
