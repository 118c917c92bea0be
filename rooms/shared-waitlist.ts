import { randomUUID } from 'node:crypto';
import type { Client, Presence } from '@colyseus/core';
import type { CashTable } from '../src/engine/cash/CashTable.ts';
import type { CashTableEvent } from '../src/engine/cash/state.ts';
import { Rejection } from './rejection.ts';

/** Where the cluster keeps one template's list: ordered entries, and who is on it (an entry counts only while its token is the player's). */
const listKey = (templateId: string): string => `felt:waitlist:${templateId}`;
const whoKey = (templateId: string): string => `felt:waitlist:${templateId}:who`;
/** Published when a player joins: the template's tables look for a seat to offer. */
const joinedTopic = (templateId: string): string => `felt:waitlist:${templateId}:joined`;
/** A seat offered to a player, to the room they wait in, whichever process hosts it. */
const offerTopic = (playerId: string): string => `felt:seat-offer:${playerId}`;

type Waiter = { name: string; token: string };
export type SharedSeatOffer = { tableId: string; seat: number; expiresAt: number };

/** What the link needs of its room: to run a command in turn with the others, and the room's clients. */
export type SharedWaitlistHost = {
  presence: Presence;
  table: () => CashTable;
  tableId: string;
  templateId: string;
  now: () => number;
  /** Runs a command in the room's queue; its events are the room's to handle. */
  run: (request: string, command: () => Promise<CashTableEvent[]>) => void;
  clientsOf: (playerId: string) => Client[];
};

/**
 * One table's link to its template's shared waiting list (`waitlist {join,
 * anyTable: true}`), which lives in the presence, so every process hosting a
 * table of the template sees the same list (Redis; the local presence in
 * embedded mode). A player joins from any table room of the template and is
 * told from there (`seatOffered {tableId, seat, expiresAt}`) of the first
 * seat that frees at any of its tables: a table with a free seat and no
 * offer takes the first player off the list (an atomic pop, so two tables
 * never offer the same player) and holds the seat for them as it would for
 * its own list. Not taken in time, the offer passes on and the player is off
 * the list. Leaving the room they wait in takes them off it.
 */
export class SharedWaitlist {
  private readonly host: SharedWaitlistHost;
  /** Players waiting from this room, with the listener that delivers their offers. */
  private readonly listening = new Map<string, (offer: SharedSeatOffer) => void>();
  private readonly onJoined = (): void => this.claimSoon();
  private hadOffer = false;

  constructor(host: SharedWaitlistHost) {
    this.host = host;
  }

  async open(): Promise<void> {
    // A restored table may hold an offer: when it ends untaken, the next player is offered the seat.
    this.hadOffer = this.host.table().state.offer !== null;
    await this.host.presence.subscribe(joinedTopic(this.host.templateId), this.onJoined);
    this.claimSoon();
  }

  /** The room goes: nobody waiting from it could be told of a seat any more, so they leave the list. */
  close(): void {
    const { presence, templateId } = this.host;
    presence.unsubscribe(joinedTopic(templateId), this.onJoined);
    for (const [playerId, listener] of this.listening) {
      presence.unsubscribe(offerTopic(playerId), listener);
      void Promise.resolve(presence.hdel(whoKey(templateId), playerId)).catch(() => undefined);
    }
    this.listening.clear();
  }

  /** `waitlist {join, anyTable: true}` from a player in this room. */
  async request(playerId: string, name: string, join: boolean): Promise<void> {
    const { presence, templateId } = this.host;
    const listed = await presence.hget(whoKey(templateId), playerId);
    if (!join) {
      if (!listed) throw new Rejection('not_waiting', 'You are not on the waiting list of this table\'s template.');
      await this.forget(playerId);
      return;
    }
    if (listed) throw new Rejection('already_waiting', 'You are already on the waiting list of this table\'s template.');
    if (this.host.table().seatOf(playerId) >= 0) throw new Rejection('already_seated', 'You already have a seat at this table.');
    const token = randomUUID();
    await presence.hset(whoKey(templateId), playerId, JSON.stringify({ name, token } satisfies Waiter));
    await presence.rpush(listKey(templateId), `${playerId} ${token}`);
    await this.listen(playerId);
    presence.publish(joinedTopic(templateId), { playerId });
  }

  /** The player's last client left this room: they can no longer be told of a seat, so they leave the list. */
  async left(playerId: string): Promise<void> {
    if (this.listening.has(playerId)) await this.forget(playerId);
  }

  /** After every command of the room: a seat that freed, or an offer that ended untaken, goes to the list. */
  afterCommand(events: readonly CashTableEvent[]): void {
    const offer = this.host.table().state.offer !== null;
    const ended = this.hadOffer && !offer;
    this.hadOffer = offer;
    if (ended || events.some((event) => event.type === 'cashOut')) this.claimSoon();
  }

  private claimSoon(): void {
    if (this.host.table().seatForSharedList() < 0) return;
    this.host.run('sharedWaitlist', () => this.claim());
  }

  /** In the room's queue: offers the free seat to the first player on the list who is still waiting and not seated here. */
  private async claim(): Promise<CashTableEvent[]> {
    const { presence, templateId, tableId } = this.host;
    const table = this.host.table();
    while (table.seatForSharedList() >= 0) {
      const entry = await presence.lpop(listKey(templateId));
      if (!entry) return [];
      const [playerId, token] = entry.split(' ');
      const raw = await presence.hget(whoKey(templateId), playerId);
      const waiter = raw ? (JSON.parse(raw) as Waiter) : null;
      // Left the list, or joined it again since this entry (the newer entry keeps their place).
      if (!waiter || waiter.token !== token) continue;
      await presence.hdel(whoKey(templateId), playerId);
      const events = table.offerSharedSeat(playerId, this.host.now());
      const offered = events.find((event) => event.type === 'seatOffered');
      if (!offered || offered.type !== 'seatOffered') continue;
      this.hadOffer = true;
      presence.publish(offerTopic(playerId), { tableId, seat: offered.seat, expiresAt: offered.expiresAt } satisfies SharedSeatOffer);
      // The room's own `seatOffered` is for players waiting here; this one went through the presence.
      return events.filter((event) => event !== offered);
    }
    return [];
  }

  private async listen(playerId: string): Promise<void> {
    if (this.listening.has(playerId)) return;
    const listener = (offer: SharedSeatOffer): void => {
      for (const client of this.host.clientsOf(playerId)) client.send('seatOffered', offer);
      // Offered: off the list, so no more offers come here.
      this.host.presence.unsubscribe(offerTopic(playerId), listener);
      this.listening.delete(playerId);
    };
    this.listening.set(playerId, listener);
    await this.host.presence.subscribe(offerTopic(playerId), listener);
  }

  private async forget(playerId: string): Promise<void> {
    await this.host.presence.hdel(whoKey(this.host.templateId), playerId);
    const listener = this.listening.get(playerId);
    if (listener) this.host.presence.unsubscribe(offerTopic(playerId), listener);
    this.listening.delete(playerId);
  }
}
