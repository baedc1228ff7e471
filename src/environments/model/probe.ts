// Asks a running MCP server which version it is: the `initialize` handshake's serverInfo.version, over
// streamable HTTP, falling back to the legacy SSE transport when the endpoint answers 4xx to a POST.
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { displayUrl } from '../../util/displayUrl';

/** The MCP SDK (and the zod schemas it builds when loaded): a file of its own, loaded at the first probe. */
const loadSdk = () => import('./mcpSdk');
type Sdk = Awaited<ReturnType<typeof loadSdk>>;

export type TransportKind = 'streamable-http' | 'sse';

export interface ProbeSuccess {
  readonly ok: true;
  readonly version: string;
  readonly serverName: string;
  /** Duration of the initialize handshake. */
  readonly latencyMs: number;
  readonly transport: TransportKind;
}

export interface ProbeFailure {
  readonly ok: false;
  /** Short, single-line, with header values redacted. */
  readonly error: string;
  readonly latencyMs: number;
}

export type ProbeResult = ProbeSuccess | ProbeFailure;

export interface ProbeOptions {
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Skip detection: the transport that worked last time. */
  readonly transport?: TransportKind;
  readonly clientName?: string;
  readonly clientVersion?: string;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 10_000;
const MAX_ERROR_LENGTH = 200;

export async function probeEndpoint(endpoint: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, error: `not a URL: ${displayUrl(endpoint)}`, latencyMs: 0 };
  }
  const secrets = Object.values(options.headers ?? {}).filter((v) => v.length >= 4);
  const kinds: TransportKind[] = options.transport ? [options.transport] : /\/sse\/?$/.test(url.pathname) ? ['sse'] : ['streamable-http', 'sse'];
  let lastError: unknown;
  for (const kind of kinds) {
    try {
      const info = await handshake(url, kind, options);
      return { ok: true, version: info.version, serverName: info.serverName, latencyMs: Math.round(info.roundTripMs), transport: kind };
    } catch (error) {
      lastError = error;
      if (!(kind === 'streamable-http' && kinds.length > 1 && isLegacyHint(error, await loadSdk()))) break;
    }
  }
  return { ok: false, error: describe(lastError, secrets), latencyMs: elapsed() };
}

/** Resolves with the reported version and the round trip of the initialize request alone. */
async function handshake(url: URL, kind: TransportKind, options: ProbeOptions): Promise<{ version: string; serverName: string; roundTripMs: number }> {
  const { Client, SSEClientTransport, StreamableHTTPClientTransport } = await loadSdk();
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let roundTripMs: number | undefined;
  const boundFetch: typeof fetch = async (input, init) => {
    // The streamable-HTTP client opens a GET stream for server-initiated messages after initializing; a
    // probe never needs it, so answer as a server without that stream would (405) and save a request.
    if (kind === 'streamable-http' && (init?.method ?? 'GET') === 'GET') return new Response(null, { status: 405 });
    const sent = performance.now();
    const response = await fetchWithinOrigin(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
    if (init?.method === 'POST' && roundTripMs === undefined) roundTripMs = performance.now() - sent;
    return capped(response, MAX_PROBE_BODY_BYTES);
  };
  const requestInit: RequestInit = { headers: { ...(options.headers ?? {}) } };
  const transport: Transport =
    kind === 'sse'
      ? new SSEClientTransport(url, { requestInit, fetch: boundFetch })
      : new StreamableHTTPClientTransport(url, { requestInit, fetch: boundFetch, reconnectionOptions: NO_RECONNECT });
  const client = new Client({ name: options.clientName ?? 'mcp-versions', version: options.clientVersion ?? '0.0.0' }, { capabilities: {} });
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(signal.reason instanceof Error && signal.reason.name === 'TimeoutError' ? new Error(`no answer within ${timeoutMs} ms`) : new Error('cancelled'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    await Promise.race([client.connect(transport, { timeout: timeoutMs, signal }), aborted]);
    const info = client.getServerVersion();
    if (!info || typeof info.version !== 'string') throw new Error('the server did not report serverInfo.version');
    return { version: info.version, serverName: info.name, roundTripMs: roundTripMs ?? 0 };
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** An initialize answer is a few hundred bytes; an endpoint that sends more than this is cut off. */
export const MAX_PROBE_BODY_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;

/**
 * Follows redirects only within the endpoint's origin (the request may carry secret headers, which fetch
 * would send to another host too), never from https to http.
 */
async function fetchWithinOrigin(input: string | URL | Request, init: RequestInit): Promise<Response> {
  let target = new URL(input instanceof Request ? input.url : String(input));
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await fetch(target, { ...init, redirect: 'manual' });
    if (![301, 302, 303, 307, 308].includes(response.status)) return response;
    await response.body?.cancel().catch(() => undefined);
    const next = new URL(response.headers.get('location') ?? '', target);
    if (next.origin !== target.origin) throw new Error(`the endpoint redirected to ${next.origin}; a redirect to another origin is not followed`);
    target = next;
  }
  throw new Error(`more than ${MAX_REDIRECTS} redirects`);
}

/** The response with its body cut off, as an error, past `maxBytes`. */
function capped(response: Response, maxBytes: number): Response {
  if (!response.body || [101, 204, 205, 304].includes(response.status)) return response;
  let total = 0;
  const limited = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > maxBytes) controller.error(new Error(`the endpoint sent more than ${Math.round(maxBytes / 1024)} KB`));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(limited, { status: response.status, statusText: response.statusText, headers: response.headers });
}

const NO_RECONNECT = { maxReconnectionDelay: 1000, initialReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1, maxRetries: 0 };

/** A 4xx to the streamable-HTTP POST means "try the legacy SSE transport" (MCP backwards compatibility). */
function isLegacyHint(error: unknown, sdk: Sdk): boolean {
  return error instanceof sdk.StreamableHTTPError && error.code !== undefined && [400, 404, 405].includes(error.code);
}

function describe(error: unknown, secrets: readonly string[]): string {
  let text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'number' && code >= 100 && code <= 599) {
    const body = text.replace(/^(Streamable HTTP error|SSE error): (Error POSTing to endpoint|Non-200 status code)?:?\s*/i, '').replace(/^\(\d+\)$/, '');
    text = `HTTP ${code}${body ? `: ${body}` : ''}`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  text = text.replace(/^Streamable HTTP error: /, '');
  if (text === 'fetch failed' && cause) text = cause.code ? `unreachable (${cause.code})` : `unreachable (${cause.message ?? 'fetch failed'})`;
  for (const secret of secrets) text = text.split(secret).join('•••');
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text || 'unknown error';
}
