/**
 * The server's `/metrics` as the load test reads them, at the start and the
 * end of each window.
 *
 * Its own view of action-to-patch latency: the
 * `felt_action_to_patch_seconds` histogram on its `/metrics`, from receiving
 * an `act` to sending the patch that carries it. Beside the bots' figure it
 * tells what the server adds from what the bots' own process and the network
 * add. Histogram buckets are bounds, so a percentile is "at most this".
 */

const METRIC = 'felt_action_to_patch_seconds_bucket';

/** Cumulative counts by upper bound in seconds (`Infinity` for `+Inf`). */
export type Buckets = Map<number, number>;

/** The server-side latency of a window: how many actions, and the bucket bounds p50 and p99 fall under, ms. */
export type ServerLatency = { count: number; p50AtMostMs: number; p99AtMostMs: number };

/** The action-to-patch buckets in a Prometheus text exposition. */
export function parseBuckets(text: string): Buckets {
  const buckets: Buckets = new Map();
  for (const line of text.split('\n')) {
    if (!line.startsWith(METRIC)) continue;
    const match = /le="([^"]+)"\}\s+(\S+)/.exec(line);
    if (!match) continue;
    const bound = match[1] === '+Inf' ? Infinity : Number(match[1]);
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(match[2]));
  }
  return buckets;
}

/** The percentiles of the actions counted between two readings; null when none were. */
export function windowLatency(start: Buckets, end: Buckets): ServerLatency | null {
  const bounds = [...end.keys()].sort((a, b) => a - b);
  const counts = bounds.map((bound) => (end.get(bound) ?? 0) - (start.get(bound) ?? 0));
  const count = counts.at(-1) ?? 0;
  if (count <= 0) return null;
  const at = (share: number): number => {
    const index = counts.findIndex((cumulative) => cumulative >= share * count);
    return Math.round(bounds[index] * 1000 * 10) / 10;
  };
  return { count, p50AtMostMs: at(0.5), p99AtMostMs: at(0.99) };
}

/**
 * What stopped the server's event loop, from Node's own metrics on the same
 * page (prom-client's defaults): major garbage collections, counted and
 * summed from their histogram, and the longest event-loop delay, which
 * prom-client measures since its previous reading.
 */
export type PauseReading = { majorGcs: number; majorGcSeconds: number; majorGcsUpTo100ms: number; loopLagMaxSeconds: number | null };

/** The server's pauses over a window: major collections, their total, how many took over 100 ms, and the longest event-loop delay. */
export type ServerPauses = { majorGcs: number; majorGcMs: number; majorGcsOver100Ms: number; loopLagMaxMs: number | null };

const MAJOR = 'kind="major"';

function sample(text: string, prefix: string, labels: string[] = []): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(prefix) || !labels.every((label) => line.includes(label))) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) return value;
  }
  return null;
}

/** The pause figures in a Prometheus text exposition; null when it has no major-collection histogram. */
export function parsePauses(text: string): PauseReading | null {
  const majorGcs = sample(text, 'nodejs_gc_duration_seconds_count{', [MAJOR]);
  if (majorGcs === null) return null;
  return {
    majorGcs,
    majorGcSeconds: sample(text, 'nodejs_gc_duration_seconds_sum{', [MAJOR]) ?? 0,
    majorGcsUpTo100ms: sample(text, 'nodejs_gc_duration_seconds_bucket{', [MAJOR, 'le="0.1"']) ?? 0,
    loopLagMaxSeconds: sample(text, 'nodejs_eventloop_lag_max_seconds '),
  };
}

/** The pauses between two readings; the event-loop delay is the end reading's, which covers the time since the start one. */
export function windowPauses(start: PauseReading, end: PauseReading): ServerPauses {
  const majorGcs = end.majorGcs - start.majorGcs;
  return {
    majorGcs,
    majorGcMs: Math.round((end.majorGcSeconds - start.majorGcSeconds) * 1000),
    majorGcsOver100Ms: majorGcs - (end.majorGcsUpTo100ms - start.majorGcsUpTo100ms),
    loopLagMaxMs: end.loopLagMaxSeconds === null ? null : Math.round(end.loopLagMaxSeconds * 1000),
  };
}

/** `url`'s `/metrics` as text; null when the server does not answer. */
export async function readMetrics(url: string): Promise<string | null> {
  try {
    const response = await fetch(new URL('/metrics', url), { signal: AbortSignal.timeout(5_000) });
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}
