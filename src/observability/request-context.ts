import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import type { Logger } from '../log.ts';

declare global {
  namespace Express {
    interface Request {
      /** Set by `requestContext`: this request's id, also in the `X-Request-Id` response header. */
      requestId?: string;
      /** Set by `requestContext`: the process logger with `requestId` on every line. */
      log?: Logger;
    }
  }
}

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Ids a proxy or a client may pass in: short, and nothing that could break a header or a log line. */
const SANE_ID = /^[A-Za-z0-9._:=+/-]{1,128}$/;

/** The caller's `X-Request-Id` when it is sane, else a new UUID. */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && SANE_ID.test(header) ? header : randomUUID();
}

/**
 * Gives every HTTP request an id (the caller's `X-Request-Id` when sane,
 * else a fresh one), echoes it in the response header, puts a child logger
 * carrying it on `req.log`, and logs the request at info when it ends
 * (method, path, status, duration). Mounting it twice is harmless: the
 * first one wins, so the server can mount it for every route while the API
 * router mounts it for itself.
 */
export function requestContext(log: Logger): RequestHandler {
  return (req, res, next) => {
    if (req.requestId) {
      next();
      return;
    }
    const startedAt = performance.now();
    const requestId = requestIdFrom(req.get(REQUEST_ID_HEADER));
    req.requestId = requestId;
    req.log = log.child({ requestId });
    res.set(REQUEST_ID_HEADER, requestId);
    res.once('close', () => {
      req.log?.info({
        method: req.method,
        // The path only: query strings can carry things that do not belong in logs.
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        durationMs: Math.round((performance.now() - startedAt) * 1000) / 1000,
        ...(res.writableFinished ? {} : { aborted: true }),
      }, 'request');
    });
    next();
  };
}
