/**
 * The server's own view of action-to-patch latency: the
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

/** Reads the buckets from `url`'s `/metrics`; null when the server does not answer. */
export async function readBuckets(url: string): Promise<Buckets | null> {
  try {
    const response = await fetch(new URL('/metrics', url), { signal: AbortSignal.timeout(5_000) });
    return response.ok ? parseBuckets(await response.text()) : null;
  } catch {
    return null;
  }
}
