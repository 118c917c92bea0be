import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client } from '@colyseus/sdk';
import { Bot } from './bot.ts';
import { Lobby, type TableListing } from './lobby.ts';
import { coreBusyPercent, cpuPercent, groupCpuPercent, sampleCores, sampleProcess, sampleProcessGroup, type ProcSample } from './proc.ts';
import { Scheduler } from './scheduler.ts';
import { parseBuckets, parsePauses, readMetrics, windowLatency, windowPauses, type ServerLatency, type ServerPauses } from './server-metrics.ts';
import { LoadStats, type Latency } from './stats.ts';

export type SessionOptions = {
  /** `http://host:port` of the server. */
  url: string;
  thinkMs: number;
  /** Bots sit only at these tables (ids); unset: any listed table. */
  tableIds?: readonly string[];
  /** Bots sit only at the first `tables` listed tables (by id). */
  tables?: number;
  /** Bots signing in and sitting down at the same time. */
  connectConcurrency?: number;
  random?: () => number;
};

/** What one measurement window saw, from the bots' side and the server's. */
export type WindowResult = {
  seconds: number;
  /** Open SDK connections: the bots' table rooms and the lobby. */
  connections: number;
  seated: number;
  tables: number;
  hands: number;
  handsPerSecond: number;
  actions: number;
  actionsPerSecond: number;
  /**
   * Action-to-patch latency, ms, as the bots saw it: every action applied in
   * the window, and those still waiting at its end at their wait so far.
   */
  latency: Latency;
  /** Actions still waiting for their patch when the window ended (counted in `latency` at their wait so far). */
  actionsUnfinished: number;
  /** The same as the server measured it (`/metrics`), without the bots' and the network's part; null when unread. */
  serverLatency: ServerLatency | null;
  /** What stopped the server's event loop (`/metrics`): the pauses every connection waits through; null when unread. */
  serverPauses: ServerPauses | null;
  errors: number;
  errorCodes: Record<string, number>;
  seatRetries: number;
  rebuys: number;
  /** The server process, when its pid is known. */
  server: { cpuPercent: number; rssMb: number; peakRssMb: number } | null;
  /** What the bots themselves cost: if their core is saturated, latencies include their own queueing. */
  bots: { cpuPercent: number; rssMb: number; eventLoopDelayP99Ms: number };
  /** How busy each CPU of the machine was, by every process: the noise other work adds. */
  coreBusyPercent: Record<string, number>;
  /**
   * Every PostgreSQL process on this machine (server and backends), null when
   * none runs here: with the database on the same machine, its share of the
   * cores is part of what each hand costs.
   */
  postgres: { cpuPercent: number } | null;
};

/**
 * Bots in this process against one server: one SDK client, one lobby
 * connection, one scheduler and one set of counters for all of them.
 * Add bots, then measure windows; the bots keep playing between windows.
 */
export class LoadSession {
  readonly stats = new LoadStats();
  readonly bots: Bot[] = [];
  private readonly options: SessionOptions;
  private readonly lobby: Lobby;
  private readonly scheduler = new Scheduler();
  private readonly client: Client;
  private seatedCount = 0;

  private constructor(options: SessionOptions, client: Client, lobby: Lobby) {
    this.options = options;
    this.client = client;
    this.lobby = lobby;
    if (options.tableIds) lobby.restrictTo(options.tableIds);
    if (options.tables !== undefined) lobby.useTables(options.tables);
  }

  static async open(options: SessionOptions): Promise<LoadSession> {
    const client = new Client(options.url);
    const lobby = await Lobby.open(client);
    return new LoadSession(options, client, lobby);
  }

  /** Tables the bots may use now. */
  tableCount(): number {
    return this.lobby.tableCount();
  }

  /** The tables the bots may use now, by id. */
  tableListings(): TableListing[] {
    return this.lobby.listings();
  }

  /** Lets the bots use the first `count` listed tables. */
  useTables(count: number): void {
    this.lobby.useTables(count);
  }

  get seated(): number {
    return this.seatedCount;
  }

  /** Signs in `count` more bots and seats them; resolves when each has sat down or given up. */
  async addBots(count: number): Promise<{ seated: number; unseated: number }> {
    const fresh: Bot[] = [];
    for (let i = 0; i < count; i++) {
      const bot = new Bot(`bot${this.bots.length + 1}`, {
        client: this.client, httpUrl: this.options.url, lobby: this.lobby, scheduler: this.scheduler,
        stats: this.stats, thinkMs: this.options.thinkMs, random: this.options.random ?? Math.random,
      });
      this.bots.push(bot);
      fresh.push(bot);
    }
    let seated = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < fresh.length) {
        const bot = fresh[next++];
        try {
          if (await bot.start()) seated++;
        } catch (error) {
          this.stats.error(`connect:${(error as Error).message.slice(0, 60)}`);
        }
      }
    };
    const workers = Math.max(1, Math.min(this.options.connectConcurrency ?? 64, fresh.length));
    await Promise.all(Array.from({ length: workers }, worker));
    this.seatedCount += seated;
    return { seated, unseated: count - seated };
  }

  /** Resolves once `test()` holds (checked every 50 ms); rejects after `ms`. */
  async until(test: () => boolean, ms: number): Promise<void> {
    const deadline = performance.now() + ms;
    while (!test()) {
      if (performance.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Counts from zero for `seconds` and reports; `serverPid` adds the server's CPU and memory. */
  async measure(seconds: number, serverPid?: number): Promise<WindowResult> {
    this.stats.reset();
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const serverStart = serverPid ? sampleProcess(serverPid) : null;
    const botsStart = sampleProcess(process.pid);
    const coresStart = sampleCores();
    const postgresStart = sampleProcessGroup('postgres');
    const metricsStart = await readMetrics(this.options.url);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const now = performance.now();
    for (const bot of this.bots) {
      const waited = bot.waitingMs(now);
      if (waited !== null) this.stats.stillWaiting(waited, bot.tableId ?? '');
    }
    const metricsEnd = await readMetrics(this.options.url);
    const serverEnd = serverPid ? sampleProcess(serverPid) : null;
    const botsEnd = sampleProcess(process.pid);
    const cores = coreBusyPercent(coresStart, sampleCores());
    const postgresCpu = groupCpuPercent(postgresStart, sampleProcessGroup('postgres'));
    loopDelay.disable();
    const serverLatency = metricsStart && metricsEnd ? windowLatency(parseBuckets(metricsStart), parseBuckets(metricsEnd)) : null;
    const pausesStart = metricsStart ? parsePauses(metricsStart) : null;
    const pausesEnd = metricsEnd ? parsePauses(metricsEnd) : null;
    return {
      ...this.result(seconds, serverStart, serverEnd, botsStart, botsEnd, loopDelay.percentile(99) / 1e6),
      serverLatency, serverPauses: pausesStart && pausesEnd ? windowPauses(pausesStart, pausesEnd) : null,
      coreBusyPercent: cores, postgres: postgresCpu === null ? null : { cpuPercent: postgresCpu },
    };
  }

  /** Every bot leaves its table, then the lobby closes. */
  async close(): Promise<void> {
    this.scheduler.stop();
    await Promise.all(this.bots.map((bot) => bot.stop()));
    await this.lobby.close();
  }

  private result(seconds: number, serverStart: ProcSample | null, serverEnd: ProcSample | null, botsStart: ProcSample | null, botsEnd: ProcSample | null, loopP99: number): Omit<WindowResult, 'coreBusyPercent' | 'serverLatency' | 'serverPauses' | 'postgres'> {
    const stats = this.stats;
    const hands = stats.handsPlayed();
    const round1 = (n: number): number => Math.round(n * 10) / 10;
    return {
      seconds,
      connections: this.bots.filter((bot) => bot.tableId).length + 1,
      seated: this.seatedCount,
      tables: stats.tablesSeen(),
      hands,
      handsPerSecond: round1(hands / seconds),
      actions: stats.actions,
      actionsPerSecond: round1(stats.actions / seconds),
      latency: stats.latency(),
      actionsUnfinished: stats.unfinished,
      errors: stats.errors,
      errorCodes: Object.fromEntries(stats.errorCodes),
      seatRetries: stats.seatRetries,
      rebuys: stats.rebuys,
      server: serverStart && serverEnd
        ? { cpuPercent: cpuPercent(serverStart, serverEnd), rssMb: Math.round(serverEnd.rssMb), peakRssMb: Math.round(serverEnd.peakRssMb) }
        : null,
      bots: {
        cpuPercent: botsStart && botsEnd ? cpuPercent(botsStart, botsEnd) : 0,
        rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
        eventLoopDelayP99Ms: round1(loopP99),
      },
    };
  }
}
