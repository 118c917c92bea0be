import type { RequestHandler } from 'express';
import type { RateLimitOptions } from './types.ts';
import { ApiProblem } from './problem.ts';

export const DEFAULT_AUTH_RATE_LIMIT: RateLimitOptions = { limit: 20, windowMs: 60_000 };

/**
 * A fixed-window limit per client address, in memory (each process counts
 * its own). Over the limit: 429 `rate_limited` with `Retry-After` in seconds.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const { limit, windowMs } = options;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  let nextSweep = 0;

  return (req, res, next) => {
    const time = now();
    // Forget finished windows now and then, so the map stays as small as the set of recent clients.
    if (time >= nextSweep) {
      for (const [key, window] of windows) if (time - window.start >= windowMs) windows.delete(key);
      nextSweep = time + windowMs;
    }
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    let window = windows.get(key);
    if (!window || time - window.start >= windowMs) {
      window = { start: time, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.start + windowMs - time) / 1000));
    res.set({
      'RateLimit-Limit': String(limit),
      'RateLimit-Remaining': String(Math.max(0, limit - window.count)),
      'RateLimit-Reset': String(resetSeconds),
    });
    if (window.count > limit) {
      next(new ApiProblem(429, 'rate_limited', `Too many attempts from your address; try again in ${resetSeconds} seconds.`, {
        headers: { 'Retry-After': String(resetSeconds) },
      }));
      return;
    }
    next();
  };
}
