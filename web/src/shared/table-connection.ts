// One `table` room for the table page: joins as a watcher with the player's
// token, reads every patch into a TableView, and keeps the page connected.
// A dropped socket is resumed by the SDK's own reconnection; if that fails
// (the server restarted, the table moved to another process) the table is
// joined again by its id, which survives restarts (PROTOCOL.md).
import type { Client, Room } from '@colyseus/sdk';
import { signal } from '@preact/signals';
import { readTable, type TableView } from './table-view.ts';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'closed' | 'refused';

export type RoomError = { code: string; message: string; request?: string };

const CONSENTED = 4000;
const RETRY_MS = [500, 1_000, 2_000, 4_000, 8_000];
/** About a minute of tries: long enough for a restart or for another process to take the table over. */
const MAX_ATTEMPTS = 12;

export type TableHandlers = {
  onError?: (error: RoomError) => void;
  onSeatOffered?: (offer: { tableId?: string; seat: number; expiresAt: number }) => void;
  /** A tournament moved the player to another table (PROTOCOL.md, "Tournament tables"). */
  onMoved?: (move: { tableId: string; seat: number }) => void;
};

export class TableConnection {
  readonly status = signal<ConnectionStatus>('connecting');
  readonly view = signal<TableView | null>(null);
  readonly problem = signal('');
  /** When the patch now being applied started to decode (`performance.now()`), for the patch-apply measure. */
  patchStartedAt: number | null = null;
  private room: Room | null = null;
  private stopped = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly tableId: string;
  private readonly token: string;
  private readonly handlers: TableHandlers;
  private readonly client: () => Client;

  constructor(client: () => Client, tableId: string, token: string, handlers: TableHandlers = {}) {
    this.client = client;
    this.tableId = tableId;
    this.token = token;
    this.handlers = handlers;
  }

  start(): void {
    void this.join();
  }

  send(type: string, payload: unknown = {}): void {
    this.room?.send(type, payload);
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const room = this.room;
    this.room = null;
    void room?.leave(true).catch(() => undefined);
  }

  private async join(): Promise<void> {
    if (this.stopped) return;
    try {
      const room = await this.client().joinById(this.tableId, { token: this.token });
      if (this.stopped) {
        void room.leave(true).catch(() => undefined);
        return;
      }
      this.attach(room);
    } catch (error) {
      this.joinFailed(error as { code?: number; message?: string });
    }
  }

  private attach(room: Room): void {
    this.room = room;
    this.attempt = 0;
    this.problem.value = '';
    this.status.value = 'live';
    const serializer = room.serializer as unknown as { patch: (...args: unknown[]) => unknown };
    const patch = serializer.patch.bind(serializer);
    serializer.patch = (...args: unknown[]) => {
      this.patchStartedAt ??= performance.now();
      return patch(...args);
    };
    room.onStateChange((state) => {
      this.view.value = readTable(state);
    });
    room.onMessage('error', (error: RoomError) => this.handlers.onError?.(error));
    room.onMessage('seatOffered', (offer: { tableId?: string; seat: number; expiresAt: number }) => this.handlers.onSeatOffered?.(offer));
    room.onMessage('moved', (move: { tableId: string; seat: number }) => this.handlers.onMoved?.(move));
    room.onDrop(() => {
      this.status.value = 'reconnecting';
    });
    room.onReconnect(() => {
      this.status.value = 'live';
    });
    room.onLeave((code) => {
      if (this.stopped || this.room !== room) return;
      this.room = null;
      if (code === CONSENTED) {
        // The server sent us away on purpose (a ban, or the table closed): do not knock again.
        this.status.value = 'closed';
        this.problem.value = 'You left this table.';
        return;
      }
      this.status.value = 'reconnecting';
      this.retry();
    });
  }

  private joinFailed(error: { code?: number; message?: string }): void {
    const message = error?.message ?? 'The table could not be joined.';
    if (error?.code === 401 || error?.code === 403) {
      this.status.value = 'refused';
      this.problem.value = message;
      return;
    }
    this.problem.value = message;
    if (this.attempt >= MAX_ATTEMPTS) {
      this.status.value = 'closed';
      return;
    }
    this.status.value = this.view.value ? 'reconnecting' : 'connecting';
    this.retry();
  }

  private retry(): void {
    const delay = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)];
    this.attempt++;
    this.retryTimer = setTimeout(() => void this.join(), delay);
  }
}
