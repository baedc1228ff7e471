// HTTP for the registry client, on the global `fetch` (Node's undici) rather than axios:
// - VS Code's extension host patches global `fetch` with its proxy settings and system certificates,
//   so requests behave like the rest of the editor without any proxy configuration of our own;
// - `fetch` takes an AbortSignal natively, so cancelling reaches the socket;
// - it adds no dependency (axios had a supply-chain compromise on 2026-03-31).
// Every request gets a timeout; GETs are retried with backoff on 429, 5xx and network errors;
// writes (POST/PATCH/PUT) are never retried automatically.

import { RegistryError, parseErrorBody, parseRetryAfter, pathOf } from './errors';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** One attempt, for the log channel. Never carries tokens or headers. */
export interface RequestLogEntry {
  method: string;
  path: string;
  status?: number;
  ms: number;
  attempt: number;
  error?: string;
}

export interface HttpOptions {
  /** Defaults to `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Per attempt, including reading the body. Default 15 000. */
  timeoutMs?: number;
  /** Attempts for GETs (1 = no retry). Default 3. */
  maxAttempts?: number;
  /** First backoff delay; doubles per attempt, with jitter. Default 500. */
  retryBaseDelayMs?: number;
  /** Longest single wait before a retry; a longer Retry-After is not waited for. Default 30 000. */
  maxRetryWaitMs?: number;
  onRequest?: (entry: RequestLogEntry) => void;
  userAgent?: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  token?: string;
  signal?: AbortSignal;
}

export interface HttpResult {
  status: number;
  json: unknown;
}

const DEFAULTS = { timeoutMs: 15_000, maxAttempts: 3, retryBaseDelayMs: 500, maxRetryWaitMs: 30_000 };

export class HttpTransport {
  private readonly fetchFn: FetchLike;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly options: HttpOptions = {}) {
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULTS.maxAttempts);
    this.baseDelayMs = options.retryBaseDelayMs ?? DEFAULTS.retryBaseDelayMs;
    this.maxWaitMs = options.maxRetryWaitMs ?? DEFAULTS.maxRetryWaitMs;
  }

  /** Sends the request and returns the parsed JSON body of a 2xx answer; anything else throws RegistryError. */
  async request(req: HttpRequest): Promise<HttpResult> {
    const attempts = req.method === 'GET' ? this.maxAttempts : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(req, attempt);
      } catch (error) {
        const wait = attempt < attempts ? this.retryDelay(error, attempt) : undefined;
        if (wait === undefined) throw error;
        await sleep(wait, req.signal, req);
      }
    }
  }

  private async attempt(req: HttpRequest, attempt: number): Promise<HttpResult> {
    throwIfCancelled(req);
    const started = performance.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, controller.signal]) : controller.signal;
    let status: number | undefined;
    try {
      const init: RequestInit = { method: req.method, headers: this.headers(req), body: encodeBody(req), signal };
      const response = await this.fetchFn(req.url, init);
      status = response.status;
      const text = await response.text();
      if (!response.ok) throw httpError(req, response, text);
      const json = parseJson(req, text);
      this.log(req, attempt, started, status);
      return { status, json };
    } catch (error) {
      const failure = classify(error, req, timedOut, this.timeoutMs);
      this.log(req, attempt, started, status, failure.message);
      throw failure;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Milliseconds to wait before the next attempt, or undefined when the failure is not retryable. */
  private retryDelay(error: unknown, attempt: number): number | undefined {
    if (!(error instanceof RegistryError)) return undefined;
    // A timeout already cost the user the full timeout; it is reported, not retried.
    const retryable =
      error.kind === 'network' ||
      (error.kind === 'http' && (error.status === 429 || (error.status ?? 0) >= 500));
    if (!retryable) return undefined;
    if (error.retryAfterSeconds !== undefined) {
      const ms = error.retryAfterSeconds * 1000;
      return ms <= this.maxWaitMs ? ms : undefined;
    }
    const exponential = this.baseDelayMs * 2 ** (attempt - 1);
    return Math.min(this.maxWaitMs, exponential * (0.5 + Math.random() * 0.5));
  }

  private headers(req: HttpRequest): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json;q=0.9, */*;q=0.1' };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (req.token) headers.authorization = `Bearer ${req.token}`;
    if (this.options.userAgent) headers['user-agent'] = this.options.userAgent;
    return headers;
  }

  private log(req: HttpRequest, attempt: number, started: number, status?: number, error?: string): void {
    if (!this.options.onRequest) return;
    const entry: RequestLogEntry = { method: req.method, path: pathOf(req.url), ms: Math.round(performance.now() - started), attempt };
    if (status !== undefined) entry.status = status;
    if (error !== undefined) entry.error = error;
    try {
      this.options.onRequest(entry);
    } catch {
      // A failing log hook must not fail the request.
    }
  }
}

function encodeBody(req: HttpRequest): string | undefined {
  return req.body === undefined ? undefined : JSON.stringify(req.body);
}

function httpError(req: HttpRequest, response: Response, text: string): RegistryError {
  const body = parseErrorBody(response.headers.get('content-type'), text);
  return new RegistryError({
    kind: 'http',
    method: req.method,
    url: req.url,
    status: response.status,
    title: body.title ?? (response.statusText || undefined),
    detail: body.detail,
    errors: body.errors,
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
  });
}

function parseJson(req: HttpRequest, text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new RegistryError({ kind: 'parse', method: req.method, url: req.url, detail: 'the body is not valid JSON', cause });
  }
}

function classify(error: unknown, req: HttpRequest, timedOut: boolean, timeoutMs: number): RegistryError {
  if (req.signal?.aborted) return cancelled(req);
  if (error instanceof RegistryError) return error;
  if (timedOut) return new RegistryError({ kind: 'timeout', method: req.method, url: req.url, timeoutMs, cause: error });
  return new RegistryError({ kind: 'network', method: req.method, url: req.url, cause: error });
}

function cancelled(req: HttpRequest): RegistryError {
  return new RegistryError({ kind: 'cancelled', method: req.method, url: req.url, cause: req.signal?.reason });
}

function throwIfCancelled(req: HttpRequest): void {
  if (req.signal?.aborted) throw cancelled(req);
}

function sleep(ms: number, signal: AbortSignal | undefined, req: HttpRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled(req));
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled(req));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

