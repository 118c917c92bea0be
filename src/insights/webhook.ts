import type { Logger } from '../log.ts';
import type { InsightView } from './view.ts';

export type WebhookOptions = {
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts after the first. */
  retries?: number;
  /** Wait before retry n (1-based) is `backoffMs * n`. */
  backoffMs?: number;
  log?: Logger;
};

export type WebhookResult = { delivered: boolean; attempts: number; status?: number };

const DEFAULTS = { timeoutMs: 5_000, retries: 2, backoffMs: 1_000 };

/**
 * POSTs an insight to the operator's webhook as `{type: "felt.insight",
 * insight}`, with `X-Felt-Insight-Id` so a receiver can drop a repeat. Network
 * errors, timeouts, 429 and 5xx are retried; other answers are final. Never
 * throws: a failure is logged (without the URL, which may hold a secret) and
 * reported in the result, so the insights job goes on.
 */
export async function postInsightWebhook(url: string, insight: InsightView, options: WebhookOptions = {}): Promise<WebhookResult> {
  const { timeoutMs, retries, backoffMs } = { ...DEFAULTS, ...options };
  const body = JSON.stringify({ type: 'felt.insight', insight });
  let attempts = 0;
  let status: number | undefined;
  let failure = '';
  while (attempts <= retries) {
    if (attempts > 0) await new Promise((resolve) => setTimeout(resolve, backoffMs * attempts));
    attempts++;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'felt-insights', 'x-felt-insight-id': insight.id },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      status = response.status;
      // Read (and drop) the answer so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { delivered: true, attempts, status };
      failure = `answered ${response.status}`;
      if (response.status !== 429 && response.status < 500) break;
    } catch (error) {
      status = undefined;
      failure = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `unreachable (${(error as Error).message})`;
    }
  }
  options.log?.warn({ insightId: insight.id, attempts, status }, `insight webhook failed: ${failure}`);
  return { delivered: false, attempts, ...(status !== undefined ? { status } : {}) };
}
