import { matchMaker, Server } from '@colyseus/core';
import type { DestinationStream } from 'pino';
import type { Config } from './config.ts';
import { createLogger } from './log.ts';
import { createServerMetrics, snapshotWritesObserver } from './observability/server-metrics.ts';
import { metricsHandler } from './observability/metrics-route.ts';
import { requestContext } from './observability/request-context.ts';
import { countJobRuns } from './observability/job-runs.ts';
import { quietPm2Io } from './observability/pm2-io.ts';
import { openDatabase, type Database } from './persistence/database.ts';
import { SnapshotWriter } from './persistence/snapshot-writer.ts';
import { deckKeyWarning, resolveDeckKey } from './persistence/deck-key.ts';
import { resolveJwtSecret } from './auth/secret.ts';
import { ensureAdmin } from './auth/admin.ts';
import { createApiRouter } from './api/router.ts';
import { seedTables } from './tables/seed.ts';
import { TableOwnership } from './cluster/ownership.ts';
import { TournamentOwnership } from './cluster/tournament-ownership.ts';
import { roomTables, type RoomTablesOptions, type TournamentTables } from './tournaments/actor/tournament-tables.ts';
import { TOURNAMENT_ROOM } from './tournaments/tournament-host.ts';
import { clusterBackend } from './cluster/presence.ts';
import { drainTables } from './cluster/drain.ts';
import { Heartbeat } from './cluster/liveness.ts';
import { Readiness } from './cluster/readiness.ts';
import { SpreadPingTransport } from './transport/spread-ping-transport.ts';
import { colyseusLogger } from './transport/colyseus-logger.ts';
import { LimitedLog } from './transport/limited-log.ts';
import { tableControl } from './tables/manage.ts';
import { publicListings } from './tables/live-table.ts';
import { feltJobs, liveTablesOf } from './jobs/felt-jobs.ts';
import { Scheduler } from './jobs/scheduler.ts';
import { InsightFeed } from './insights/feed.ts';
import { insightService, type InsightService } from './insights/service.ts';
import { webRoutes } from './web/serve.ts';
import type { RoomServices } from '../rooms/services.ts';
import { FRAME_LOG_LIMIT } from '../rooms/frame-guard.ts';
import { CoolOff } from '../rooms/cool-off.ts';
import { FeltLobbyRoom } from '../rooms/FeltLobbyRoom.ts';
import { TableRoom } from '../rooms/TableRoom.ts';
import { TournamentRoom, type TournamentRoomServices } from '../rooms/TournamentRoom.ts';

export type FeltServer = {
  port: number;
  db: Database;
  /** The insights job's runs (for the scheduler) and the live admin feed. */
  insights: InsightService;
  /** The background jobs; each slot runs once in the cluster, on whichever process claims it (`runDue` for tests). */
  jobs: Scheduler;
  /** Resolves true once `/api/ready` first answers ready (PM2's `wait_ready` waits for it), false if the server closes first. */
  whenReady(): Promise<boolean>;
  /**
   * Stops dealing, lets hands in play finish (for up to `FELT_DRAIN_MS`),
   * flushes snapshots, gives the tables' leases up for other processes to
   * claim, and closes the database.
   */
  close(): Promise<void>;
};

/**
 * What a client may ask the matchmaker: to join a room that exists, by name
 * (the lobby) or by id (a table), or to reconnect. Never to create one:
 * tables are opened by the server under a lease, and the lobby is one room
 * per process that the server opens at start-up. `create` and
 * `joinOrCreate` would run a room's `onCreate` (a table's database load)
 * for anyone, before any token is looked at.
 */
const CLIENT_MATCHMAKING = ['join', 'joinById', 'reconnect'];

/**
 * Starts Felt: the database (PGlite unless DATABASE_URL), the HTTP API, the
 * lobby and every table this process can claim, restored from its snapshot.
 */
export async function startServer(config: Config & {
  tableTimings?: RoomServices['timings'];
  /** Where the log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
  /** False: jobs run only when `jobs.runDue` is called (in-process tests, so no minute tick lands mid-test). */
  runJobsOnSchedule?: boolean;
  /** False: this process runs no tournament actors (tests of the API with a stand-in actor). */
  hostTournaments?: boolean;
  /** How tournament actors reach their tables instead of table rooms (tests play hands with a stand-in). */
  tournamentTables?: (options: RoomTablesOptions) => TournamentTables;
}): Promise<FeltServer> {
  const log = createLogger(config, config.logDestination);
  const deckKey = await resolveDeckKey(config);
  const deckKeyProblem = deckKeyWarning(deckKey, config.databaseUrl);
  if (deckKeyProblem) log.warn({ path: deckKey.path }, deckKeyProblem);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, deckKey: deckKey.key });
  const secret = await resolveJwtSecret(config);
  await ensureAdmin(db, config);
  await seedTables(db);
  const metrics = createServerMetrics(db);
  const stopCountingJobs = countJobRuns(metrics, config.processId);
  const ownership = new TableOwnership({ db, processId: config.processId, log, leaseMs: config.leaseMs });
  // Fenced: only the lease holder writes a table; a room whose writes are refused has lost its table and stops.
  const leaseLost = (tableId: string): void => void ownership.lost(tableId).catch((error: unknown) => log.error({ err: error, tableId }, 'could not stop a table whose lease was lost'));
  const snapshots = new SnapshotWriter(db.snapshots, config.snapshotMs, (error) => log.error({ err: error }, 'snapshot write failed'), snapshotWritesObserver(metrics), {
    owner: config.processId,
    onRefused: (tableIds) => tableIds.forEach(leaseLost),
  });
  const services: RoomServices = {
    db, secret, log, metrics, snapshots, processId: config.processId, leaseLost, now: Date.now, timings: config.tableTimings ?? {},
    messages: { rate: config.messageRate, burst: config.messageBurst },
    frameLog: new LimitedLog(log, FRAME_LOG_LIMIT),
    coolOff: new CoolOff(config.coolOffS * 1000),
  };

  const tables = tableControl({ db, log, openRoom: (tableId) => ownership.open(tableId) });
  const hostTournaments = config.hostTournaments !== false;
  const tournamentOwnership = new TournamentOwnership({ db, processId: config.processId, log, leaseMs: config.leaseMs });
  const tablesOfTournaments: RoomTablesOptions = { db, openRoom: (tableId) => ownership.open(tableId) };
  const tournamentHosting: TournamentRoomServices = {
    tables: (config.tournamentTables ?? roomTables)(tablesOfTournaments),
    leaseLost: (tournamentId) => void tournamentOwnership.lost(tournamentId).catch((error: unknown) => log.error({ err: error, tournamentId }, 'could not stop a tournament whose lease was lost')),
    done: (tournamentId) => void tournamentOwnership.done(tournamentId).catch((error: unknown) => log.error({ err: error, tournamentId }, 'could not give up the lease of a finished tournament')),
  };
  const cluster = clusterBackend(config);
  // The insights job runs on one process; every process's admins hear its findings through presence.
  const insightFeed = new InsightFeed({ log });
  await insightFeed.attach(cluster.presence);
  const insights = insightService({ db, feed: insightFeed, liveTables: publicListings, webhookUrl: config.insightsWebhookUrl, log });
  await quietPm2Io();
  const readiness = new Readiness({ ownership, ...(hostTournaments ? { tournaments: tournamentOwnership } : {}), database: () => db.ping(), presence: () => cluster.presence.exists('felt:ready-probe') });
  const server = new Server({
    transport: new SpreadPingTransport(),
    logger: colyseusLogger(log),
    greet: false,
    gracefullyShutdown: false,
    presence: cluster.presence,
    driver: cluster.driver,
    ...(cluster.publicAddress ? { publicAddress: cluster.publicAddress } : {}),
    // A table runs where its lease is held: rooms are created by the process that asks.
    selectProcessIdToCreateRoom: async () => matchMaker.processId,
    express: (app) => {
      app.use(requestContext(log));
      app.get('/metrics', metricsHandler(metrics.registry));
      app.use(createApiRouter({
        db, config, secret, listTables: publicListings, tables, insights,
        health: async () => ({ db: await db.ping(), presence: cluster.kind, snapshotBacklog: snapshots.backlog }),
        ready: () => readiness.check(),
        log,
        authRateLimit: { limit: config.authRateLimit, windowMs: 60_000, redis: cluster.redis },
        ...(hostTournaments ? { tournamentCreated: () => void tournamentOwnership.announce().catch((error: unknown) => log.warn({ err: error }, 'could not announce a new tournament')) } : {}),
      }));
      app.use(webRoutes({ db, secret, log }));
    },
  });
  server.define('lobby', FeltLobbyRoom, { services });
  server.define('table', TableRoom, { services }).enableRealtimeListing();
  if (hostTournaments) server.define(TOURNAMENT_ROOM, TournamentRoom, { services, tournaments: tournamentHosting }).enableRealtimeListing();
  matchMaker.controller.exposedMethods = CLIENT_MATCHMAKING;
  await server.listen(config.port);
  await matchMaker.createRoom('lobby', {});

  // Before any table is listed: a peer that saw listings but no heartbeat would sweep them.
  const heartbeat = new Heartbeat(cluster.presence, matchMaker.processId, 2 * config.leaseMs);
  await heartbeat.start((error) => log.error({ err: error }, 'heartbeat failed'));
  const opened = await ownership.claimOrphans();
  await ownership.start();
  if (hostTournaments) {
    await tournamentOwnership.claimOrphans();
    await tournamentOwnership.start();
  }
  // Every process runs the scheduler; the coordinator lets one of them take each slot.
  const jobs = new Scheduler({ db, processId: config.processId, log });
  for (const job of feltJobs({
    liveTables: liveTablesOf(tables),
    openTable: (templateId) => tables.open(templateId),
    closeTable: (tableId) => tables.close(tableId),
    handRetentionDays: config.handRetentionDays,
    snapshotRetentionDays: config.snapshotRetentionDays,
    analyticsRetentionDays: config.analyticsRetentionDays,
    insights: (now) => insights.run(now),
  })) jobs.register(job);
  if (config.runJobsOnSchedule !== false) jobs.start();
  log.info({ port: config.port, tables: opened.length, database: db.kind, presence: cluster.kind, publicAddress: cluster.publicAddress }, 'Felt is serving');

  let closed = false;
  return {
    port: config.port,
    db,
    insights,
    jobs,
    whenReady: () => readiness.whenReady(),
    async close() {
      if (closed) return;
      closed = true;
      readiness.stop();
      // First, so no job opens or closes a table while this process hands its tables over.
      await jobs.stop();
      stopCountingJobs();
      // The leases stay ours (and renewed) until the rooms are gone: a new owner's listing must not be removed by our dispose.
      await ownership.stopClaiming();
      if (hostTournaments) await tournamentOwnership.stopClaiming();
      await drainTables(ownership.tables, config.drainMs, log);
      // Open feed streams would keep the HTTP server from closing.
      insightFeed.close();
      await server.gracefullyShutdown(false);
      await snapshots.flush();
      await ownership.stop(true);
      if (hostTournaments) await tournamentOwnership.stop(true);
      await heartbeat.stop();
      cluster.close();
      await db.close();
    },
  };
}
