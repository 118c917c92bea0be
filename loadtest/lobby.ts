import type { Client, Room } from '@colyseus/sdk';

/** A table as the lobby lists it (PROTOCOL.md, `lobby`). */
export type TableListing = {
  tableId: string; name: string; variant: string; minBuyIn: number; maxBuyIn: number;
  bigBlind: number; seated: number; maxSeats: number;
};

/** The buy-in a bot asks: 50 big blinds, within the table's range. */
export function standardBuyIn(table: Pick<TableListing, 'minBuyIn' | 'maxBuyIn' | 'bigBlind'>): number {
  return Math.min(table.maxBuyIn, Math.max(table.minBuyIn, 50 * table.bigBlind));
}

type RoomCache = { roomId: string; name: string; metadata?: Partial<TableListing> };

/**
 * The bots' view of the `lobby` room: one connection per bot process holds
 * the live listing (`rooms`, then `+` and `-`), and hands seats out to the
 * bots. One shared connection rather than one per bot, because every lobby
 * client receives every listing change: thousands of bots in the lobby would
 * measure the lobby's fan-out, not the tables.
 */
export class Lobby {
  private readonly room: Room;
  private readonly tables = new Map<string, TableListing>();
  /** Our bots at (or on their way to) each table, so bots of this process never race each other for a seat. */
  private readonly ours = new Map<string, number>();
  private allowed: Set<string> | null = null;
  private limit = Infinity;
  private only: Set<string> | null = null;

  private constructor(room: Room) {
    this.room = room;
  }

  /** Joins the lobby and resolves once the first listing has arrived. */
  static async open(client: Client, timeoutMs = 10_000): Promise<Lobby> {
    // Each Felt process opens its lobby at start-up; clients may only join it.
    const room = await client.join('lobby');
    const lobby = new Lobby(room);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the lobby sent no listing within ${timeoutMs} ms`)), timeoutMs);
      room.onMessage('rooms', (rooms: RoomCache[]) => {
        lobby.tables.clear();
        for (const entry of rooms) lobby.list(entry);
        lobby.allowed = null;
        clearTimeout(timer);
        resolve();
      });
      // The listing sent on join may arrive before the handler above exists; asking
      // for tables only makes the lobby send it again, now that we listen.
      room.send('filter', { name: 'table' });
    });
    room.onMessage('+', ([, entry]: [string, RoomCache]) => lobby.list(entry));
    room.onMessage('-', (roomId: string) => {
      lobby.tables.delete(roomId);
      lobby.allowed = null;
    });
    return lobby;
  }

  /** Plays only at these tables (by id). */
  restrictTo(tableIds: readonly string[]): void {
    this.only = new Set(tableIds);
    this.allowed = null;
  }

  /** Plays at the first `count` listed tables (by id), so a run uses exactly the tables it asked for. */
  useTables(count: number): void {
    this.limit = count;
    this.allowed = null;
  }

  /** The tables bots may use now, by id. */
  listings(): TableListing[] {
    return [...this.allowedIds()].map((id) => this.tables.get(id) as TableListing);
  }

  /** How many tables bots may use now. */
  tableCount(): number {
    return this.allowedIds().size;
  }

  /**
   * A table with a free seat for one more bot, the emptiest first so bots
   * spread evenly; null when every allowed table is full. The caller must
   * `release` it if it does not sit there after all.
   */
  claim(except: ReadonlySet<string> = new Set()): TableListing | null {
    let best: TableListing | null = null;
    let bestTaken = Infinity;
    for (const id of this.allowedIds()) {
      const table = this.tables.get(id);
      if (!table || except.has(id)) continue;
      const taken = Math.max(table.seated, this.ours.get(id) ?? 0);
      if (taken < table.maxSeats && taken < bestTaken) {
        best = table;
        bestTaken = taken;
      }
    }
    if (best) this.ours.set(best.tableId, (this.ours.get(best.tableId) ?? 0) + 1);
    return best;
  }

  release(tableId: string): void {
    const count = (this.ours.get(tableId) ?? 0) - 1;
    if (count > 0) this.ours.set(tableId, count);
    else this.ours.delete(tableId);
  }

  async close(): Promise<void> {
    await this.room.leave(true).catch(() => undefined);
  }

  private list(entry: RoomCache): void {
    const meta = entry.metadata;
    if (entry.name !== 'table' || !meta?.tableId) return;
    if (!this.tables.has(meta.tableId)) this.allowed = null;
    this.tables.set(meta.tableId, meta as TableListing);
  }

  private allowedIds(): Set<string> {
    if (this.allowed) return this.allowed;
    const ids = [...this.tables.keys()].filter((id) => !this.only || this.only.has(id)).sort();
    this.allowed = new Set(ids.slice(0, this.limit));
    return this.allowed;
  }
}
