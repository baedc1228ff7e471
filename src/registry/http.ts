// HTTP for the registry client, on the global `fetch` (Node's undici) rather than axios:
// - VS Code's extension host patches global `fetch` with its proxy settings and system certificates,
//   so requests behave like the rest of the editor without any proxy configuration of our own;
// - `fetch` takes an AbortSignal natively, so cancelling reaches the socket;
// - it adds no dependency (axios had a supply-chain compromise on 2026-03-31).
// Every request gets a timeout; GETs are retried with backoff on 429, 5xx, network errors and answers cut off;
// writes (POST/PATCH/PUT) are never retried automatically.
// Trust boundaries: a request that carries a credential (a token, or a body that is one) goes only over
// https (or to loopback) and never follows a redirect; other requests follow at most 5 redirects, never
// from https to http. Bodies are read as a stream up to a byte cap, and JSON nesting is bounded.

import * as l10n from '@vscode/l10n';
import { RegistryError, parseErrorBody, parseRetryAfter, pathOf, redactUrl } from './errors';
import { endsMidJson, jsonDepthExceeds } from './limits';

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

/** `200`, or `failed (…)` with the reason for any attempt that did not end with a usable answer, even after a 200. */
export function attemptOutcome(entry: Pick<RequestLogEntry, 'status' | 'error'>): string {
  if (entry.error === undefined) return String(entry.status ?? 'failed');
  return `failed (${entry.error})`;
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
  /** Largest successful body read, in bytes. Default 10 MiB (a page of 100 servers is well under 1 MiB). */
  maxBodyBytes?: number;
  /** Largest error body read (only its first line is shown). Default 64 KiB. */
  maxErrorBodyBytes?: number;
  /** Deepest JSON nesting accepted. Default 64. */
  maxJsonDepth?: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  token?: string;
  /** The body is a credential (a GitHub token, a key proof): https or loopback only, no redirect. */
  credentialBody?: boolean;
  signal?: AbortSignal;
}

export interface HttpResult {
  status: number;
  json: unknown;
}

const DEFAULTS = {
  timeoutMs: 15_000,
  maxAttempts: 3,
  retryBaseDelayMs: 500,
  maxRetryWaitMs: 30_000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxErrorBodyBytes: 64 * 1024,
  maxJsonDepth: 64,
};
const MAX_REDIRECTS = 5;

export class HttpTransport {
  private readonly fetchFn: FetchLike;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxWaitMs: number;
  private readonly maxBodyBytes: number;
  private readonly maxErrorBodyBytes: number;
  private readonly maxJsonDepth: number;

  constructor(private readonly options: HttpOptions = {}) {
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULTS.maxAttempts);
    this.baseDelayMs = options.retryBaseDelayMs ?? DEFAULTS.retryBaseDelayMs;
    this.maxWaitMs = options.maxRetryWaitMs ?? DEFAULTS.maxRetryWaitMs;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
    this.maxErrorBodyBytes = options.maxErrorBodyBytes ?? DEFAULTS.maxErrorBodyBytes;
    this.maxJsonDepth = options.maxJsonDepth ?? DEFAULTS.maxJsonDepth;
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
      const response = await this.fetchFollowing(req, signal);
      status = response.status;
      if (!response.ok) {
        const text = await readBody(req, response, this.maxErrorBodyBytes, false, controller);
        throw httpError(req, response, text);
      }
      const text = await readBody(req, response, this.maxBodyBytes, true, controller);
      const json = parseJson(req, text, this.maxJsonDepth);
      this.log(req, attempt, started, status);
      return { status, json };
    } catch (error) {
      const failure = classify(error, req, timedOut, this.timeoutMs, status);
      this.log(req, attempt, started, status, failure.summary);
      throw failure;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Sends the request without letting fetch follow redirects. A request carrying a credential fails on
   * any redirect (fetch would resend a POST body to the other host); others follow a few, never to http.
   */
  private async fetchFollowing(req: HttpRequest, signal: AbortSignal): Promise<Response> {
    const credential = carriesCredential(req);
    if (credential) assertSecureForCredential(req, req.url);
    let url = req.url;
    for (let hop = 0; ; hop++) {
      const init: RequestInit = { method: req.method, headers: this.headers(req), body: encodeBody(req), signal, redirect: 'manual' };
      const response = await this.fetchFn(url, init);
      if (!isRedirect(response.status)) return response;
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      const target = location ? safeUrl(location, url) : undefined;
      const where = target ? redactUrl(`${target.origin}${target.pathname}`) : l10n.t('an unknown location');
      const refuse = (detail: string) =>
        new RegistryError({ kind: 'redirect', method: req.method, url: req.url, status: response.status, detail });
      if (credential) throw refuse(l10n.t('the registry redirected ({0}) to {1}; a request carrying credentials is never redirected', response.status, where));
      if (!target) throw refuse(l10n.t('the registry answered {0} without a usable Location', response.status));
      if (new URL(url).protocol === 'https:' && target.protocol !== 'https:') throw refuse(l10n.t('the registry redirected from https to {0}; an https request never continues over http', where));
      if (hop + 1 >= MAX_REDIRECTS) throw refuse(l10n.t('more than {0} redirects (last to {1})', MAX_REDIRECTS, where));
      if (req.method !== 'GET') throw refuse(l10n.t('the registry redirected a {0} to {1}', req.method, where));
      url = target.toString();
    }
  }

  /** Milliseconds to wait before the next attempt, or undefined when the failure is not retryable. */
  private retryDelay(error: unknown, attempt: number): number | undefined {
    if (!(error instanceof RegistryError)) return undefined;
    // A timeout already cost the user the full timeout; it is reported, not retried.
    const retryable =
      error.kind === 'network' ||
      error.kind === 'cut-off' ||
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

function parseJson(req: HttpRequest, text: string, maxDepth: number): unknown {
  if (text.trim() === '') return undefined;
  if (jsonDepthExceeds(text, maxDepth)) {
    throw new RegistryError({ kind: 'parse', method: req.method, url: req.url, detail: l10n.t('the body nests JSON deeper than {0} levels', maxDepth) });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    if (endsMidJson(text)) {
      throw new RegistryError({ kind: 'cut-off', method: req.method, url: req.url, detail: l10n.t('it stops after {0} bytes, before the JSON ends', Buffer.byteLength(text)), cause });
    }
    throw new RegistryError({ kind: 'parse', method: req.method, url: req.url, detail: l10n.t('the body is not valid JSON'), cause });
  }
}

function carriesCredential(req: HttpRequest): boolean {
  return !!req.token || req.credentialBody === true;
}

/** Credentials go over https, or over http only to this computer (127.0.0.0/8, ::1, localhost). */
function assertSecureForCredential(req: HttpRequest, url: string): void {
  const parsed = safeUrl(url);
  if (parsed && (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)))) return;
  throw new RegistryError({
    kind: 'insecure',
    method: req.method,
    url,
    detail: parsed
      ? l10n.t('credentials are sent only over https (or to this computer); {0} uses {1}', parsed.host, parsed.protocol.replace(':', ''))
      : l10n.t('credentials are sent only over https (or to this computer); {0} uses an unknown scheme', url),
  });
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function safeUrl(value: string, base?: string): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

/**
 * Reads the body as UTF-8 up to `maxBytes`. Past that, data is refused with a clear error (the request is
 * aborted) and an error body is cut short (only its first line is shown anyway). Data must be valid UTF-8;
 * an error body is decoded leniently.
 */
async function readBody(req: HttpRequest, response: Response, maxBytes: number, strict: boolean, controller: AbortController): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  const tooLarge = () => {
    controller.abort();
    return new RegistryError({
      kind: 'too-large',
      method: req.method,
      url: req.url,
      status: response.status,
      detail: strict
        ? l10n.t('the response body is larger than {0}; it was not read', formatBytes(maxBytes))
        : l10n.t('the error body is larger than {0}; it was not read', formatBytes(maxBytes)),
    });
  };
  if (strict && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  // Raw bytes are kept until the end (one copy while reading), then decoded once.
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = maxBytes - total;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        if (strict) {
          chunks.length = 0;
          throw tooLarge();
        }
        chunks.push(value.subarray(0, room));
        break;
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = Buffer.concat(chunks);
  chunks.length = 0;
  try {
    return new TextDecoder('utf-8', { fatal: strict }).decode(bytes);
  } catch (error) {
    throw new RegistryError({ kind: 'parse', method: req.method, url: req.url, detail: l10n.t('the body is not valid UTF-8'), cause: error });
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return l10n.t('{0} bytes', bytes);
}

/** `status`: the answer's status when its headers had arrived (a failure after that cut the answer off). */
function classify(error: unknown, req: HttpRequest, timedOut: boolean, timeoutMs: number, status: number | undefined): RegistryError {
  if (req.signal?.aborted) return cancelled(req);
  if (error instanceof RegistryError) return error;
  if (timedOut) return new RegistryError({ kind: 'timeout', method: req.method, url: req.url, timeoutMs, cause: error });
  if (status !== undefined) {
    return new RegistryError({ kind: 'cut-off', method: req.method, url: req.url, status, detail: l10n.t('the connection dropped while the answer (HTTP {0}) was being read', status), cause: error });
  }
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

