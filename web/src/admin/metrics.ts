// Reading Prometheus text (`GET /metrics`): the sum of each metric over its labels.

/** `name` → the sum of its samples (every label set). Histogram buckets, sums and counts keep their suffixed names. */
export function parseMetrics(text: string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const value = Number(match[3]);
    if (!Number.isFinite(value)) continue;
    totals.set(match[1], (totals.get(match[1]) ?? 0) + value);
  }
  return totals;
}
