import assert from 'node:assert/strict';
import { Client, type Room } from '@colyseus/sdk';
import { seatOf, waitFor } from './felt.ts';

// A hand in play, seen from its players' seats: started, then checked after a
// restart or a failover. Shared by the recovery and the cluster suites.

export type Player = { token: string; id: string; room: Room };
export type Seen = { handNumber: number; phase: string; board: string[]; stack: number; cards: string[] };

/** A guest signed in through `url`: its token and player id. */
export async function guest(url: string, name: string): Promise<{ token: string; id: string }> {
  const response = await fetch(`${url}/api/auth/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
  const body = (await response.json()) as { token: string; user: { id: string } };
  return { token: body.token, id: body.user.id };
}

/** Resolves with `test()`'s first truthy answer, asking every 50 ms; rejects after `ms`. */
export async function eventually<T>(test: () => Promise<T | false | null | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await test().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What a player sees of the hand from their seat. */
function seen(room: Room, playerId: string): Seen {
  const state = room.state.toJSON();
  const seat = seatOf(room.state, playerId);
  return { handNumber: state.handNumber, phase: state.phase, board: state.board ?? [], stack: seat.stack, cards: seat.cards ?? [] };
}

/**
 * Two guests join `tableId` through `url` (whichever process hosts it), sit
 * with 100 each, the first hand is dealt and the first to act calls: the hand
 * is live, mid-street. Returns what each player sees then.
 */
export async function startAHand(url: string, tableId: string): Promise<{ players: Player[]; before: Seen[] }> {
  const players: Player[] = [];
  for (const name of ['Ann', 'Bob']) {
    const { token, id } = await guest(url, name);
    const room = await new Client(url).joinById(tableId, { token });
    room.send('sit', { buyIn: 100 });
    players.push({ token, id, room });
  }
  const actor = await waitFor(players[0].room, (state) => state.handNumber === 1 && state.toAct >= 0 && { seat: state.toAct as number });
  const acting = players.find((p) => seatOf(players[0].room.state, p.id)?.seat === actor.seat);
  acting?.room.send('act', { action: 'call' });
  await waitFor(players[0].room, (state) => state.toAct >= 0 && state.toAct !== actor.seat);
  for (const p of players) await waitFor(p.room, (state) => (seatOf(state, p.id)?.cards?.length ?? 0) === 2);
  return { players, before: players.map((p) => seen(p.room, p.id)) };
}

/** Joins by table id through `url` until some process serves the table again; the room, or a rejection after `ms`. */
export async function joinWhenBack(url: string, tableId: string, token: string, ms: number): Promise<Room> {
  return eventually(() => new Client(url).joinById(tableId, { token }), ms, `table ${tableId} to come back`);
}

/** A player rejoins and finds seat, stack, cards and the hand where they were. */
export async function assertResumed(room: Room, player: { id: string }, before: Seen): Promise<void> {
  await waitFor(room, (state) => (seatOf(state, player.id)?.cards?.length ?? 0) === 2);
  assert.deepEqual(seen(room, player.id), before);
}
