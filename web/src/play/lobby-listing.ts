// The `lobby` room (PROTOCOL.md): the live list of cash tables, `rooms` on
// join, then `+` and `-` as tables open, fill, empty and close.
import type { Room } from '@colyseus/sdk';
import { signal, type Signal } from '@preact/signals';
import { sdk } from './state.ts';

/** A table's lobby metadata (PROTOCOL.md, `lobby`). */
export type TableListing = {
  tableId: string; name: string; variant: string; stakes: string; smallBlind: number; bigBlind: number;
  minBuyIn: number; maxBuyIn: number; seated: number; maxSeats: number; waiting: number; closing?: boolean;
};

type LobbyEntry = { roomId: string; name?: string; metadata?: Partial<TableListing> };

export type LobbyState = { status: 'connecting' | 'live' | 'lost'; tables: TableListing[] };

function listing(entry: LobbyEntry): TableListing | null {
  const meta = entry.metadata;
  if (!meta?.tableId || (entry.name && entry.name !== 'table')) return null;
  return {
    tableId: meta.tableId, name: meta.name ?? meta.tableId, variant: meta.variant ?? '', stakes: meta.stakes ?? '',
    smallBlind: meta.smallBlind ?? 0, bigBlind: meta.bigBlind ?? 0, minBuyIn: meta.minBuyIn ?? 0, maxBuyIn: meta.maxBuyIn ?? 0,
    seated: meta.seated ?? 0, maxSeats: meta.maxSeats ?? 0, waiting: meta.waiting ?? 0, closing: meta.closing,
  };
}

/** Joins the lobby and keeps `state` current until the returned function is called. */
export function watchLobby(): { state: Signal<LobbyState>; stop: () => void } {
  const state = signal<LobbyState>({ status: 'connecting', tables: [] });
  const tables = new Map<string, TableListing>();
  let room: Room | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const publish = (status: LobbyState['status'] = 'live'): void => {
    state.value = { status, tables: [...tables.values()] };
  };
  const connect = async (): Promise<void> => {
    try {
      // Each Felt process opens its lobby itself; clients may only join it.
      const joined = await sdk().join('lobby');
      if (stopped) {
        void joined.leave();
        return;
      }
      room = joined;
      joined.onMessage('rooms', (entries: LobbyEntry[]) => {
        tables.clear();
        for (const entry of entries) {
          const table = listing(entry);
          if (table) tables.set(entry.roomId, table);
        }
        publish();
      });
      joined.onMessage('+', ([roomId, entry]: [string, LobbyEntry]) => {
        const table = listing(entry);
        if (table) tables.set(roomId, table);
        publish();
      });
      joined.onMessage('-', (roomId: string) => {
        tables.delete(roomId);
        publish();
      });
      joined.onLeave(() => {
        if (stopped) return;
        publish('lost');
        retry = setTimeout(() => void connect(), 2_000);
      });
      // Asking for tables makes the lobby send the listing again, now that the handlers are in place.
      joined.send('filter', { name: 'table' });
    } catch {
      if (stopped) return;
      publish('lost');
      retry = setTimeout(() => void connect(), 2_000);
    }
  };
  void connect();
  return {
    state,
    stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      void room?.leave();
    },
  };
}
