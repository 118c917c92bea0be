import { LobbyRoom, type Client } from '@colyseus/core';
import { guardFrames } from './frame-guard.ts';
import { describeIssue, LobbyFilter } from './messages.ts';
import type { RoomCreateOptions } from './services.ts';

/** A lobby client's filter, as LobbyRoom keeps it. */
type FilterInput = LobbyRoom['clientOptions'][string]['filter'];

/** A filter as text that is the same for the same question, whatever the order of its fields (an empty filter lists nothing; none lists everything). */
function filterKey(filter: unknown): string {
  if (filter === undefined || filter === null) return 'none';
  try {
    return JSON.stringify(filter, (_key, value: unknown) => (value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value));
  } catch {
    return 'unreadable';
  }
}

/**
 * The `lobby` room: Colyseus's LobbyRoom (`rooms` on join, then `+` and `-`
 * as tables and tournaments change: every listed room, the `table` rooms and
 * the `tournament` rooms, each with its metadata), one per process, opened by the server at start-up and
 * never disposed, so `client.join('lobby')` always finds one. Its clients are
 * on the same message budget as any room's (`guardFrames`), and a `filter`
 * is answered only when it asks something new: the same filter again sends
 * nothing (the client has that listing, and its updates keep coming), a bad
 * one gets `error` `bad_message`, so a flood of filters cannot turn into a
 * flood of listings.
 */
export class FeltLobbyRoom extends LobbyRoom {
  override async onCreate(options: RoomCreateOptions): Promise<void> {
    const { services } = options;
    guardFrames(this, { messages: services.messages, frameLog: services.frameLog, now: services.now });
    this.autoDispose = false;
    await super.onCreate(options);
    this.answerFiltersHere();
  }

  /**
   * LobbyRoom's own `filter` handler answers every filter with the whole
   * listing; this room's replaces it. Colyseus has no call to remove a
   * handler it registered itself: its handler registry, which it exposes for
   * handler swapping in tests, is the way in.
   */
  private answerFiltersHere(): void {
    const registry = (this as unknown as { onMessageEvents?: { events?: Record<string, unknown> } }).onMessageEvents;
    if (!registry?.events || !('filter' in registry.events)) throw new Error('LobbyRoom no longer registers its filter handler where rooms/FeltLobbyRoom.ts looks for it.');
    delete registry.events.filter;
    this.onMessage('filter', (client: Client, raw: unknown) => this.answerFilter(client, raw));
  }

  private answerFilter(client: Client, raw: unknown): void {
    // No filter at all lists every room.
    const parsed = raw === undefined || raw === null ? null : LobbyFilter.safeParse(raw);
    if (parsed && !parsed.success) {
      client.send('error', { code: 'bad_message', message: describeIssue(parsed.error), request: 'filter' });
      return;
    }
    const options = this.clientOptions[client.sessionId];
    if (!options) return;
    const filter: FilterInput = parsed ? parsed.data : undefined;
    if (filterKey(options.filter) === filterKey(filter)) return;
    options.filter = filter;
    client.send('rooms', this.filterItemsForClient(options));
  }
}
