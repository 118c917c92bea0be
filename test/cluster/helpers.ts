import assert from 'node:assert/strict';
import { Client, type Room } from '@colyseus/sdk';
import { CashTable } from '../../src/engine/cash/CashTable.ts';
import type { CashTableState } from '../../src/engine/cash/state.ts';
import type { Database } from '../../src/persistence/database.ts';
import { DEFAULT_TEMPLATES } from '../../src/tables/default-templates.ts';
import { newTableId } from '../../src/tables/seed.ts';
import { seatOf, waitFor } from '../support/felt.ts';

export type Player = { token: string; id: string; room: Room };
export type Seen = { handNumber: number; phase: string; board: string[]; stack: number; cards: string[] };

export async function guest(url: string, name: string): Promise<{ token: string; id: string }> {
  const response = await fetch(`${url}/api/auth/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
  const body = (await response.json()) as { token: string; user: { id: string } };
  return { token: body.token, id: body.user.id };
}

/** Table ids `url`'s lobby lists: every process's rooms, through the driver. */
export async function listedTables(url: string): Promise<string[]> {
  const tables = (await (await fetch(`${url}/api/tables`)).json()) as { tableId: string }[];
  return tables.map((table) => table.tableId);
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

/** A new table in the shared database; the cluster's ownership loop opens it on the process with the fewest tables. */
export async function addTable(db: Database, url: string): Promise<string> {
  const template = await db.templates.create({ ...DEFAULT_TEMPLATES[0], minTables: 0 });
  const id = newTableId();
  await db.tables.create({ id, templateId: template.id, name: `${template.name} ${id.slice(0, 6)}` });
  await eventually(async () => (await listedTables(url)).includes(id), 10_000, `table ${id} to open`);
  return id;
}

/** The process (FELT_PROCESS_ID) holding a table's lease. */
export async function ownerOf(db: Database, tableId: string): Promise<string | null> {
  return (await db.tables.get(tableId))?.ownerProcess ?? null;
}

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

/** Waits until the table's snapshot in the database holds the hand as the players see it (who is to act). */
export async function snapshotCaughtUp(db: Database, tableId: string, room: Room): Promise<void> {
  const toAct = room.state.toAct as number;
  await eventually(async () => {
    const snapshot = await db.snapshots.load(tableId);
    return snapshot && CashTable.restore(snapshot.state as CashTableState).actorSeat() === toAct;
  }, 5_000, 'the snapshot to catch up');
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

/** The player to act acts (check or call) and the table moves on: the hand is playable. */
export async function playOneAction(rooms: { id: string; room: Room }[]): Promise<void> {
  const state = rooms[0].room.state;
  const toAct = state.toAct as number;
  const acting = rooms.find((p) => seatOf(rooms[0].room.state, p.id)?.seat === toAct);
  assert.ok(acting, 'somebody is to act');
  const legal = seatOf(acting.room.state, acting.id).legal;
  const { handNumber, phase } = state;
  const board = state.board.length;
  acting.room.send('act', { action: legal?.check ? 'check' : 'call' });
  await waitFor(acting.room, (s) => s.toAct !== toAct || s.phase !== phase || s.handNumber !== handNumber || s.board.length !== board);
}
