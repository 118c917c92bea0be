// HTTP to Felt's API (PROTOCOL.md, "HTTP"): JSON in and out, problem details
// (RFC 9457) turned into an ApiError that keeps each field's message, so a
// form can show the server's own validation beside the field it concerns.

/**
 * Where Felt's HTTP paths are: the page's own origin (under the development
 * server, `npm run dev:web`, it proxies them to Felt).
 */
export const FELT_URL = '';

/**
 * The Colyseus endpoint, an absolute URL as the SDK wants one: the page's
 * origin, or Felt's own address under the development server (the SDK's
 * WebSocket paths start with a process id, which no proxy rule can name).
 */
export function sdkEndpoint(): string {
  return (import.meta.env.VITE_FELT_SDK_URL as string | undefined) || location.origin;
}

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Messages by field (`minBuyIn`, `amount` …) from the problem's `errors`. */
  readonly fields: FieldErrors;

  constructor(status: number, code: string, message: string, fields: FieldErrors = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

type Problem = { title?: string; detail?: string; code?: string; errors?: { field?: string; message?: string }[] };

export type RequestOptions = { method?: string; body?: unknown; token?: string | null; signal?: AbortSignal };

async function problemOf(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    problem = (await response.json()) as Problem;
  } catch {
    // Not a problem document (a proxy's page, say): the status says enough.
  }
  const fields: FieldErrors = {};
  for (const error of problem.errors ?? []) if (error.field && error.message && !fields[error.field]) fields[error.field] = error.message;
  const message = problem.detail ?? problem.title ?? `The server answered ${response.status}.`;
  return new ApiError(response.status, problem.code ?? `http_${response.status}`, message, fields);
}

export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(FELT_URL + path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Felt cannot be reached; check your connection and try again.');
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

/** A JSON request; resolves to the parsed answer or throws an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** `?a=1&b=2` from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export type Page<T> = { items: T[]; limit: number; offset: number; total: number };
