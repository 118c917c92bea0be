import assert from 'node:assert/strict';
import type { Room } from '@colyseus/sdk';
import { CashTable } from '../../src/engine/cash/CashTable.ts';
import type { CashTableState } from '../../src/engine/cash/state.ts';
import type { Database } from '../../src/persistence/database.ts';
import type { TestCluster } from '../support/cluster.ts';
import { DEFAULT_TEMPLATES } from '../../src/tables/default-templates.ts';
import { newTableId } from '../../src/tables/seed.ts';
import { seatOf, waitFor } from '../support/felt.ts';
import { eventually, startAHand, type Player, type Seen } from '../support/hand-in-play.ts';

export { assertResumed, eventually, guest, joinWhenBack, startAHand, type Player, type Seen } from '../support/hand-in-play.ts';

/** Table ids `url`'s lobby lists: every process's rooms, through the driver. */
export async function listedTables(url: string): Promise<string[]> {
  const tables = (await (await fetch(`${url}/api/tables`)).json()) as { tableId: string }[];
  return tables.map((table) => table.tableId);
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

/** Waits until the table's snapshot in the database holds the hand as the players see it (who is to act). */
export async function snapshotCaughtUp(db: Database, tableId: string, room: Room): Promise<void> {
  const toAct = room.state.toAct as number;
  await eventually(async () => {
    const snapshot = await db.snapshots.load(tableId);
    return snapshot && CashTable.restore(snapshot.state as CashTableState).actorSeat() === toAct;
  }, 5_000, 'the snapshot to catch up');
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

/**
 * A new table, which the cluster opens on its second process (the first holds
 * the seeded tables), with a hand in play there that the database has caught
 * up with. Its players do not reconnect on their own. `held`: every chip in
 * wallets and at tables by then.
 */
export async function handOnSecondProcess(cluster: TestCluster, db: Database): Promise<{ tableId: string; players: Player[]; before: Seen[]; held: number }> {
  const [a, b] = cluster.nodes;
  const tableId = await addTable(db, a.url);
  assert.equal(await ownerOf(db, tableId), b.processId);
  const { players, before } = await startAHand(a.url, tableId);
  await snapshotCaughtUp(db, tableId, players[0].room);
  const held = await db.ledger.totalHeld();
  for (const p of players) p.room.reconnection.enabled = false;
  return { tableId, players, before, held };
}
