import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** A database pool as `felt_db_pool` reports it; `idle` and `waiting` only where the driver counts them. */
export type PoolStats = { max: number; open: number; idle?: number; waiting?: number };

/** Read at scrape time: live numbers that nothing needs to keep counting. */
export type MetricsSources = {
  /** Tables open on this process. */
  rooms?: () => number | Promise<number>;
  /** Clients connected to this process's rooms. */
  connections?: () => number;
  dbPool?: () => Promise<PoolStats | null>;
};

export type MetricsOptions = MetricsSources & {
  /** Node's process metrics (CPU, memory, event loop, GC); on unless turned off. */
  defaultMetrics?: boolean;
};

/** Felt's metrics, all on `registry`, which nothing else shares. */
export type FeltMetrics = {
  registry: Registry;
  rooms: Gauge;
  connections: Gauge;
  hands: Counter<'variant'>;
  actions: Counter<'action'>;
  actionToPatch: Histogram;
  snapshotLag: Histogram;
  snapshotWrites: Counter;
  dbPool: Gauge<'state'>;
  jobRuns: Counter<'job' | 'status'>;
};

/** From a millisecond to a second: an action's patch normally leaves well inside this range. */
export const ACTION_TO_PATCH_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1];
/** Snapshots are coalesced for 50 ms and must be durable within about 100 ms. */
export const SNAPSHOT_LAG_BUCKETS = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5];

/**
 * A registry of Felt's own (never prom-client's global one, so several
 * servers in one process do not collide) with every Felt metric on it.
 * Gauges of live numbers read `sources` when scraped.
 */
export function createMetrics(options: MetricsOptions = {}): FeltMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const { rooms, connections, dbPool } = options;

  return {
    registry,
    rooms: new Gauge({
      name: 'felt_rooms', help: 'Tables open on this process.', registers,
      async collect() {
        if (rooms) this.set(await rooms());
      },
    }),
    connections: new Gauge({
      name: 'felt_connections', help: 'Clients connected to this process.', registers,
      collect() {
        if (connections) this.set(connections());
      },
    }),
    hands: new Counter({ name: 'felt_hands_total', help: 'Hands completed, by variant.', labelNames: ['variant'] as const, registers }),
    actions: new Counter({ name: 'felt_actions_total', help: 'Player actions accepted, by action.', labelNames: ['action'] as const, registers }),
    actionToPatch: new Histogram({
      name: 'felt_action_to_patch_seconds',
      help: 'From receiving an act message to sending the state patch that carries its result.',
      buckets: ACTION_TO_PATCH_BUCKETS, registers,
    }),
    snapshotLag: new Histogram({
      name: 'felt_snapshot_lag_seconds',
      help: 'From a table change being marked to its snapshot being durable.',
      buckets: SNAPSHOT_LAG_BUCKETS, registers,
    }),
    snapshotWrites: new Counter({ name: 'felt_snapshot_writes_total', help: 'Table snapshots written by the snapshot writer.', registers }),
    dbPool: new Gauge({
      name: 'felt_db_pool',
      help: 'Database connections: max (pool size), open, idle, and waiting requests.',
      labelNames: ['state'] as const, registers,
      async collect() {
        const stats = dbPool ? await dbPool() : null;
        if (!stats) return;
        for (const [state, value] of Object.entries(stats)) if (value !== undefined) this.set({ state }, value);
      },
    }),
    jobRuns: new Counter({ name: 'felt_job_runs_total', help: 'Background job runs, by job and status.', labelNames: ['job', 'status'] as const, registers }),
  };
}
