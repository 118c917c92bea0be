import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';

/**
 * Every error the API answers is an RFC 9457 problem document
 * (`application/problem+json`) with `type`, `title`, `status`, `detail` and a
 * stable `code`. Bad input — malformed JSON or a body that fails validation —
 * is always 400 (`malformed_json`, `invalid_request`); Felt does not use 422.
 */
export type ProblemDocument = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [extension: string]: unknown;
};

/** Short, fixed summaries per code; `detail` says what happened this time. */
const TITLES: Record<string, string> = {
  malformed_json: 'Malformed JSON',
  invalid_request: 'Invalid request',
  unsupported_media_type: 'Unsupported media type',
  payload_too_large: 'Request body too large',
  missing_token: 'Sign-in required',
  bad_token: 'Invalid token',
  bad_credentials: 'Wrong username or password',
  unknown_player: 'Unknown player',
  banned: 'Account banned',
  admin_only: 'Admins only',
  username_taken: 'Username taken',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  rate_limited: 'Too many requests',
  internal_error: 'Internal error',
};

export function problemType(code: string): string {
  return `urn:felt:problem:${code}`;
}

/** An error the API answers as a problem document with `status`. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, detail: string, options: { extensions?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
    super(detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = code;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }
}

export function problemDocument(status: number, code: string, detail: string, extensions: Record<string, unknown> = {}, instance?: string): ProblemDocument {
  const standard: ProblemDocument = {
    type: problemType(code),
    title: TITLES[code] ?? STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(instance ? { instance } : {}),
  };
  // Extensions come after the standard members and can never replace them.
  const extra = Object.fromEntries(Object.entries(extensions).filter(([key]) => !(key in standard) && key !== 'instance'));
  return { ...standard, ...extra };
}

export function sendProblem(res: Response, problem: ApiProblem, instance?: string): void {
  res.status(problem.status)
    .set(problem.headers)
    .type('application/problem+json')
    .send(JSON.stringify(problemDocument(problem.status, problem.code, problem.message, problem.extensions, instance)));
}
