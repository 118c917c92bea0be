import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { CodedError } from '../coded-error.ts';

/**
 * Every error the API answers is an RFC 9457 problem document
 * (`application/problem+json`) with `type`, `title`, `status`, `detail` and a
 * stable `code`. Bad input — malformed JSON or a body, path or query that
 * fails its schema — is 400 (`malformed_json`, `invalid_request`). A
 * well-formed request that breaks a rule (a minimum buy-in above the maximum,
 * blinds that do not fit the variant) is 422 `unprocessable`, its `errors`
 * listing `{field, message}` like a 400's. A request the current state refuses
 * is 409 with a specific code (`insufficient_funds`, `conflict` …).
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
  unprocessable: 'Breaks a rule',
  conflict: 'Conflicts with the current state',
  insufficient_funds: 'Insufficient funds',
  idempotency_key_reused: 'Idempotency key reused',
  template_retired: 'Template retired',
  table_closing: 'Table closing',
  table_closed: 'Table closed',
  table_unavailable: 'Table not running',
  tables_unavailable: 'Tables unavailable',
  cannot_ban_self: 'Cannot ban yourself',
  cannot_ban_admin: 'Cannot ban an admin',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  rate_limited: 'Too many requests',
  not_ready: 'Not ready',
  internal_error: 'Internal error',
};

export function problemType(code: string): string {
  return `urn:felt:problem:${code}`;
}

/** An error the API answers as a problem document with `status`. */
export class ApiProblem extends CodedError {
  readonly status: number;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, detail: string, options: { extensions?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
    super(code, detail);
    this.status = status;
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
