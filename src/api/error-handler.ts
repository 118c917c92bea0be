import type { ErrorRequestHandler } from 'express';
import { AuthError, type AuthErrorCode } from '../auth/errors.ts';
import type { Logger } from '../log.ts';
import { PersistenceError } from '../persistence/types.ts';
import { ApiProblem, sendProblem } from './problem.ts';

const AUTH_STATUS: Record<AuthErrorCode, number> = {
  missing_token: 401,
  bad_token: 401,
  bad_credentials: 401,
  unknown_player: 401,
  banned: 403,
  admin_only: 403,
};

// The persistence errors a client can act on; any other is a server fault (500).
const PERSISTENCE_STATUS: Record<string, number> = { username_taken: 409, insufficient_funds: 409 };

/** What body-parser attaches to the errors it raises. */
type BodyParserError = Error & { type?: string; status?: number; expose?: boolean };

/** Turns any error into the problem document a client can act on. */
export function toProblem(error: unknown): ApiProblem | null {
  if (error instanceof ApiProblem) return error;
  if (error instanceof AuthError) {
    const challenge = error.code === 'missing_token' ? 'Bearer' : error.code === 'bad_token' ? 'Bearer error="invalid_token"' : null;
    return new ApiProblem(AUTH_STATUS[error.code], error.code, error.message, challenge ? { headers: { 'WWW-Authenticate': challenge } } : {});
  }
  if (error instanceof PersistenceError && PERSISTENCE_STATUS[error.code]) {
    return new ApiProblem(PERSISTENCE_STATUS[error.code], error.code, error.message);
  }
  const parserError = error as BodyParserError;
  if (parserError instanceof Error && typeof parserError.type === 'string' && parserError.expose) {
    if (parserError.type === 'entity.parse.failed') {
      return new ApiProblem(400, 'malformed_json', `The request body is not valid JSON (${parserError.message.replace(/\.$/, '')}).`);
    }
    if (parserError.type === 'entity.too.large') {
      return new ApiProblem(413, 'payload_too_large', 'The request body is too large.');
    }
    if (parserError.type === 'encoding.unsupported' || parserError.type === 'charset.unsupported') {
      return new ApiProblem(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON.');
    }
    return new ApiProblem(parserError.status ?? 400, 'invalid_request', parserError.message);
  }
  return null;
}

/**
 * The API's one error middleware. Only `/api` requests are answered here, so
 * the handler can be mounted at the application level too — where it also
 * catches a JSON parser mounted before the router.
 */
export function apiErrorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent || !req.originalUrl.startsWith('/api')) {
      next(error);
      return;
    }
    // The path only: a query string is no business of an error document.
    const instance = req.originalUrl.split('?')[0];
    const problem = toProblem(error);
    if (problem) {
      sendProblem(res, withRequestId(problem, req.requestId), instance);
      return;
    }
    (req.log ?? log).error({ err: error, method: req.method, url: instance }, 'API request failed');
    sendProblem(res, withRequestId(new ApiProblem(500, 'internal_error', 'Something went wrong on the server; try again later.'), req.requestId), instance);
  };
}

/** A server fault names its request id, so an operator can find its log line. */
function withRequestId(problem: ApiProblem, requestId: string | undefined): ApiProblem {
  if (problem.status < 500 || !requestId) return problem;
  return new ApiProblem(problem.status, problem.code, problem.message, { extensions: { ...problem.extensions, requestId }, headers: problem.headers });
}
