import { LobbyRoom, matchMaker, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { Config } from './config.ts';
import { createLogger } from './log.ts';
import { openDatabase, type Database } from './persistence/database.ts';
import { SnapshotWriter } from './persistence/snapshot-writer.ts';
import { resolveJwtSecret } from './auth/secret.ts';
import { ensureAdmin } from './auth/admin.ts';
import { createApiRouter } from './api/router.ts';
import { seedTables } from './tables/seed.ts';
import { TableOwnership } from './cluster/ownership.ts';
import { setRoomServices, type RoomServices } from '../rooms/services.ts';
import { TableRoom, type TableMetadata } from '../rooms/TableRoom.ts';

export type FeltServer = {
  port: number;
  db: Database;
  /** Stops taking players, flushes snapshots and closes the database. */
  close(): Promise<void>;
};

/** How long a process's claim on its tables lasts without renewal. */
const LEASE_MS = 3_000;

async function listTables(): Promise<{ tableId: string; name: string; variant: string; stakes: string; seated: number; maxSeats: number; waiting: number }[]> {
  const rooms = await matchMaker.query({ name: 'table' });
  return rooms
    .map((room) => room.metadata as TableMetadata | undefined)
    .filter((meta): meta is TableMetadata => Boolean(meta?.tableId))
    .map(({ tableId, name, variant, stakes, seated, maxSeats, waiting }) => ({ tableId, name, variant, stakes, seated, maxSeats, waiting }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Starts Felt: the database (PGlite unless DATABASE_URL), the HTTP API, the
 * lobby and every table this process can claim, restored from its snapshot.
 */
export async function startServer(config: Config & { tableTimings?: RoomServices['timings'] }): Promise<FeltServer> {
  const log = createLogger(config);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const secret = await resolveJwtSecret(config);
  await ensureAdmin(db, config);
  await seedTables(db);
  const snapshots = new SnapshotWriter(db.snapshots, 50, (error) => log.error({ err: error }, 'snapshot write failed'));
  setRoomServices({ db, secret, log, snapshots, processId: config.processId, now: Date.now, timings: config.tableTimings ?? {} });

  const server = new Server({
    transport: new WebSocketTransport(),
    greet: false,
    gracefullyShutdown: false,
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
    express: (app) => {
      app.use(createApiRouter({
        db, config, secret, listTables,
        health: async () => ({ db: await db.ping(), presence: 'local' }),
        log,
        authRateLimit: { limit: config.authRateLimit, windowMs: 60_000 },
      }));
    },
  });
  server.define('lobby', LobbyRoom);
  server.define('table', TableRoom).enableRealtimeListing();
  await server.listen(config.port);

  const ownership = new TableOwnership({ db, processId: config.processId, log, leaseMs: LEASE_MS });
  const opened = await ownership.claimOrphans();
  ownership.start();
  log.info({ port: config.port, tables: opened.length, database: db.kind }, 'Felt is serving');

  let closed = false;
  return {
    port: config.port,
    db,
    async close() {
      if (closed) return;
      closed = true;
      await ownership.stop(false);
      await server.gracefullyShutdown(false);
      await snapshots.flush();
      await ownership.stop(true);
      setRoomServices(null);
      await db.close();
    },
  };
}
