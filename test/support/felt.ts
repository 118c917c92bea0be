import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import type { DestinationStream } from 'pino';
import type { RoomTablesOptions, TournamentTables } from '../../src/tournaments/actor/tournament-tables.ts';
import { loadConfig } from '../../src/config.ts';
import { startServer, type FeltServer } from '../../src/server.ts';
import type { TemplateInput } from '../../src/persistence/types.ts';
import { DEFAULT_TEMPLATES } from '../../src/tables/default-templates.ts';
import { newTableId } from '../../src/tables/seed.ts';
import type { Backend } from '../persistence/databases.ts';
import { freePort } from '../../loadtest/free-port.ts';

export { freePort };

export type Felt = {
  url: string;
  server: FeltServer;
  /** The settings it ran with, to start it again on the same data. */
  env: Record<string, string>;
  guest(name: string): Promise<{ token: string; id: string }>;
  client(): Client;
  /** A table of its own from a template like the first default, with overrides; waits until its room is open. */
  openTable(overrides?: Partial<TemplateInput>): Promise<string>;
  close(): Promise<void>;
};

/** Quick clocks so tests wait milliseconds, not the production seconds. */
export const TEST_TIMINGS = { pauseMs: 150, reconnectMs: 3_000, standUpMs: 60_000, offerMs: 2_000 };

/**
 * Felt in this process on a free port: PGlite files in a temp folder, or a
 * fresh PostgreSQL database for the `postgresql` backend. `env` restarts one
 * on the data of an earlier run; `timings` changes some of the quick clocks
 * (a browser test gives a person time to see a hand's result);
 * `logDestination` receives its log lines (with `FELT_LOG_LEVEL` set in `env`).
 */
export type FeltOptions = {
  timings?: Partial<typeof TEST_TIMINGS>;
  logDestination?: DestinationStream;
  /** False: no tournament actors (the API's tests define a stand-in `tournament` room). */
  hostTournaments?: boolean;
  /** Tournament tables played by a stand-in (`test/support/fake-tournament-tables.ts`). */
  tournamentTables?: (options: RoomTablesOptions) => TournamentTables;
};

export async function startFelt(backend: Backend | null, env: Record<string, string> = {}, options: FeltOptions = {}): Promise<Felt> {
  const settings: Record<string, string> = { ...env };
  let dropDatabase: (() => Promise<void>) | null = null;
  let dataDir: string | null = null;
  if (!settings.FELT_DATA_DIR) {
    dataDir = mkdtempSync(join(tmpdir(), 'felt-test-'));
    settings.FELT_DATA_DIR = dataDir;
  }
  if (backend?.label === 'postgresql' && !settings.DATABASE_URL) {
    const fresh = await backend.create();
    settings.DATABASE_URL = fresh.options.databaseUrl as string;
    dropDatabase = fresh.drop;
  }
  settings.PORT = String(await freePort());
  settings.FELT_LOG_LEVEL ??= 'silent';
  settings.FELT_AUTH_RATE_LIMIT ??= '10000';
  const config = loadConfig(settings);
  // Jobs run when a test calls `server.jobs.runDue`, not on the minute, so a tick never lands mid-test.
  const server = await startServer({ ...config, tableTimings: { ...TEST_TIMINGS, ...options.timings }, runJobsOnSchedule: false, logDestination: options.logDestination,
    hostTournaments: options.hostTournaments, tournamentTables: options.tournamentTables,
  });
  const url = `http://127.0.0.1:${config.port}`;
  const felt: Felt = {
    url, server, env: settings,
    async guest(name) {
      const response = await fetch(`${url}/api/auth/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
      const body = (await response.json()) as { token: string; user: { id: string } };
      return { token: body.token, id: body.user.id };
    },
    client: () => new Client(url),
    async openTable(overrides = {}) {
      const template = await server.db.templates.create({ ...DEFAULT_TEMPLATES[0], minTables: 0, ...overrides });
      const id = newTableId();
      await server.db.tables.create({ id, templateId: template.id, name: `${template.name} (test)` });
      for (let i = 0; i < 100; i++) {
        const tables = (await (await fetch(`${url}/api/tables`)).json()) as { tableId: string }[];
        if (tables.some((table) => table.tableId === id)) return id;
        await sleepMs(100);
      }
      throw new Error(`table ${id} never opened`);
    },
    async close() {
      await server.close();
      if (!env.FELT_DATA_DIR && dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (dropDatabase) await dropDatabase();
    },
  };
  return felt;
}

/** Resolves once the server at `url` has written every snapshot change so far (`snapshotBacklog` 0 in `/api/health`). */
export async function waitForDurable(url: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const health = (await (await fetch(`${url}/api/health`)).json()) as { snapshotBacklog?: number };
    if (health.snapshotBacklog === 0) return;
    await sleepMs(20);
  }
  throw new Error(`${url} still had snapshots to write after ${ms} ms`);
}

function sleepMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves once `test(state)` holds, checking after every patch; rejects after `ms`. */
export function waitFor<T>(room: Room, test: (state: any) => T | undefined | false, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const value = test(room.state);
      if (value) {
        cleanup();
        resolve(value);
        return true;
      }
      return false;
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting on room ${room.roomId}: ${JSON.stringify(room.state?.toJSON?.())}`));
    }, ms);
    const listener = (): void => void check();
    room.onStateChange(listener);
    // Messages arrive without patches: look again now and then as well.
    const poll = setInterval(listener, 50);
    const cleanup = (): void => {
      clearTimeout(timer);
      clearInterval(poll);
      room.onStateChange.remove(listener);
    };
    if (room.state) check();
  });
}

/** The next message of a type on a room, or a rejection after `ms`. */
export function nextMessage<T = any>(room: Room, type: string, ms = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${type}" message within ${ms} ms`)), ms);
    const off = room.onMessage(type, (payload: T) => {
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

/** The seat (as a plain object) a player holds in a decoded table state, if any. */
export function seatOf(state: any, playerId: string): any {
  const json = state.toJSON();
  return Object.values(json.seats ?? {}).find((seat: any) => seat.playerId === playerId);
}

/**
 * Leaves and empties `rooms`, waiting at most `ms` for each: a test's clean-up
 * must not hang on a room whose server is already gone or slow to answer.
 */
export async function leaveRooms(rooms: Room[], ms = 500): Promise<void> {
  for (const room of rooms.splice(0)) {
    await Promise.race([room.leave(true).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms))]);
  }
}
