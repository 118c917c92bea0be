import type { RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitOptions } from './types.ts';
import { ApiProblem } from './problem.ts';

export const DEFAULT_AUTH_RATE_LIMIT: RateLimitOptions = { limit: 20, windowMs: 60_000 };

/** Under the client's own key prefix (`FELT_REDIS_PREFIX`), so clusters sharing a Redis count apart. */
const REDIS_KEY_PREFIX = 'felt:rate:auth';

/**
 * A fixed-window limit per client address (rate-limiter-flexible). With
 * `redis` (the cluster's ioredis connection) every process counts in the same
 * Redis keys, so a cluster of N processes allows `limit`, not N times it;
 * while Redis does not answer, each process falls back to counting on its own
 * rather than refusing or waving through every sign-in. Without `redis`, in
 * memory. Over the limit: 429 `rate_limited` with `Retry-After` in seconds.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const { limit } = options;
  const limiter = createLimiter(options);

  return async (req, res, next) => {
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    let outcome: RateLimiterRes;
    let allowed = true;
    try {
      outcome = await limiter.consume(key);
    } catch (rejection) {
      // The library rejects with the counter's state when the limit is used up, and with an Error when it could not count.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      outcome = rejection;
      allowed = false;
    }
    const resetSeconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
    res.set({
      'RateLimit-Limit': String(limit),
      'RateLimit-Remaining': String(outcome.remainingPoints),
      'RateLimit-Reset': String(resetSeconds),
    });
    if (!allowed) {
      next(new ApiProblem(429, 'rate_limited', `Too many attempts from your address; try again in ${resetSeconds} seconds.`, {
        headers: { 'Retry-After': String(resetSeconds) },
      }));
      return;
    }
    next();
  };
}

function createLimiter({ limit, windowMs, redis }: RateLimitOptions): RateLimiterAbstract {
  // The library counts whole seconds.
  const duration = Math.max(1, Math.ceil(windowMs / 1000));
  const memory = new RateLimiterMemory({ points: limit, duration, keyPrefix: REDIS_KEY_PREFIX });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    points: limit,
    duration,
    keyPrefix: REDIS_KEY_PREFIX,
    // A Redis that is down or reconnecting is not waited on: the process counts alone until it is back.
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}
