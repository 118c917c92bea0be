// `cluster.failover_s`: two Felt processes on PostgreSQL and Redis (the test
// cluster of test/support/cluster.ts), a live hand at each table of the
// second; `kill -9` it, and time until every one of its tables is playable on
// the survivor: its players rejoin the same table id and an action is applied.
import { Client, type Room } from '@colyseus/sdk';
import { openDatabase } from '../src/persistence/database.ts';
import { DEFAULT_TEMPLATES } from '../src/tables/default-templates.ts';
import { newTableId } from '../src/tables/seed.ts';
import { pinProcess } from '../loadtest/proc.ts';
import { clusterUnavailable, startCluster } from '../test/support/cluster.ts';
import { seatOf, waitFor } from '../test/support/felt.ts';
import type { ServerFigure } from './server.ts';

type Seated = { tableId: string; players: { id: string; token: string; room: Room }[] };

const NAME = 'cluster.failover_s';

async function guest(url: string, name: string): Promise<{ id: string; token: string }> {
  const response = await fetch(`${url}/api/auth/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
  const body = (await response.json()) as { token: string; user: { id: string } };
  return { id: body.user.id, token: body.token };
}

async function retry<T>(attempt: () => Promise<T>, ms: number, what: string): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (performance.now() > deadline) throw new Error(`${what}: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Two players sit at `tableId` (through `url`) and the first hand is dealt. */
async function seatTwo(url: string, tableId: string): Promise<Seated> {
  const players = [];
  for (const name of ['fo-a', 'fo-b']) {
    const { id, token } = await guest(url, name);
    const room = await new Client(url).joinById(tableId, { token });
    room.send('sit', { buyIn: 100 });
    players.push({ id, token, room });
  }
  await waitFor(players[0].room, (state) => state.handNumber >= 1 && state.toAct >= 0, 15_000);
  return { tableId, players };
}

/** The table is playable: both players are back in it and the one to act gets an action applied. */
async function playable(url: string, table: Seated): Promise<void> {
  const rooms = await Promise.all(table.players.map((p) => retry(() => new Client(url).joinById(table.tableId, { token: p.token }), 30_000, `rejoin ${table.tableId}`)));
  table.players.forEach((p, i) => (p.room = rooms[i]));
  const first = rooms[0];
  const toAct = await waitFor(first, (state) => state.toAct >= 0 && { seat: state.toAct as number }, 15_000);
  const acting = table.players.find((p) => seatOf(first.state, p.id)?.seat === toAct.seat);
  if (!acting) throw new Error(`nobody of ours is to act at ${table.tableId}`);
  const legal = await waitFor(acting.room, (state) => seatOf(state, acting.id)?.legal, 5_000);
  const { handNumber, phase } = first.state as any;
  acting.room.send('act', { action: legal.check ? 'check' : 'call' });
  await waitFor(first, (state) => state.toAct !== toAct.seat || state.phase !== phase || state.handNumber !== handNumber, 5_000);
}

/** Measures `cluster.failover_s`, or says (value null) why it cannot be measured here. */
export async function benchFailover(options: { serverCpus: string; tables?: number }): Promise<ServerFigure> {
  const unavailable = clusterUnavailable();
  if (unavailable) return { name: NAME, value: null, unit: 's', reason: unavailable };
  const cluster = await startCluster(2).catch((error: Error) => error);
  if (cluster instanceof Error) return { name: NAME, value: null, unit: 's', reason: `the cluster did not start: ${cluster.message}` };
  const db = await openDatabase({ databaseUrl: cluster.databaseUrl, deckKey: cluster.deckKey });
  const seated: Seated[] = [];
  try {
    for (const node of cluster.nodes) if (node.child.pid) pinProcess(node.child.pid, options.serverCpus);
    const [survivor, victim] = cluster.nodes;
    const template = await db.templates.create({ ...DEFAULT_TEMPLATES[0], name: 'Failover NL 1/2 6-max', minTables: 0 });
    const ids: string[] = [];
    for (let i = 0; i < (options.tables ?? 10); i++) {
      const id = newTableId();
      await db.tables.create({ id, templateId: template.id, name: `Failover ${i + 1}` });
      ids.push(id);
    }
    await retry(async () => {
      const listed = ((await (await fetch(`${survivor.url}/api/tables`)).json()) as { tableId: string }[]).map((t) => t.tableId);
      if (!ids.every((id) => listed.includes(id))) throw new Error('not all listed yet');
    }, 30_000, 'the new tables to open');
    const victimTables = (await db.tables.listOpen()).filter((t) => t.ownerProcess === victim.processId && ids.includes(t.id)).map((t) => t.id);
    if (victimTables.length === 0) return { name: NAME, value: null, unit: 's', reason: 'the second process was given none of the tables' };
    for (const id of victimTables) seated.push(await seatTwo(survivor.url, id));
    // The hands are live in the last snapshots, so the survivor restores them mid-hand.
    await retry(async () => {
      for (const { tableId } of seated) if (((await db.snapshots.load(tableId))?.state as any)?.handNumber < 1) throw new Error(tableId);
    }, 10_000, 'the snapshots to hold the live hands');
    for (const { players } of seated) for (const p of players) p.room.reconnection.enabled = false;
    const held = await db.ledger.totalHeld();

    const killedAt = performance.now();
    await cluster.kill(1);
    const times = await Promise.all(seated.map(async (table) => {
      await playable(survivor.url, table);
      return performance.now() - killedAt;
    }));
    const seconds = Math.round(Math.max(...times) / 10) / 100;
    return {
      name: NAME, value: seconds, unit: 's', database: 'postgresql', presence: 'redis', tables: victimTables.length,
      fastestS: Math.round(Math.min(...times) / 10) / 100, chipsConserved: (await db.ledger.totalHeld()) === held,
    };
  } catch (error) {
    return { name: NAME, value: null, unit: 's', reason: `the measurement failed: ${(error as Error).message}` };
  } finally {
    for (const { players } of seated) for (const p of players) await Promise.race([p.room.leave(true).catch(() => undefined), new Promise((r) => setTimeout(r, 300))]);
    await db.close();
    await cluster.close();
  }
}
