import type { Logger } from 'pino';
import type { Database } from '../src/persistence/database.ts';
import type { SnapshotWriter } from '../src/persistence/snapshot-writer.ts';
import type { FeltMetrics } from '../src/observability/metrics.ts';
import type { CashTableSettings } from '../src/engine/cash/settings.ts';
import type { LimitedLog } from '../src/transport/limited-log.ts';
import type { Rate } from '../src/transport/token-bucket.ts';
import type { CoolOff } from './cool-off.ts';

/**
 * What rooms need from the process: the database, the token secret, the
 * snapshot writer, a clock and the limits on what clients send. The server
 * hands it to each room type it defines (`server.define(name, Room, {
 * services })`), and every room of that type gets it in `onCreate`.
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
  /** How fast each client may send to any room (`FELT_MESSAGE_RATE`, `FELT_MESSAGE_BURST`; see `guardFrames`). */
  messages: Rate;
  /** Rejected frames and disconnected flooders, one line each, rate-limited across the process. */
  frameLog: LimitedLog;
  /** Players disconnected for flooding, refused at the process's tables for a while (see `CoolOff`). */
  coolOff: CoolOff;
};

/** The options every room's `onCreate` receives: the define-time services merged with what the creator passed. */
export type RoomCreateOptions = { services: RoomServices };
