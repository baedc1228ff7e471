// Shared helpers for the local registry tests (not a test file itself).
export const SCHEMA_URL = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';
export const ANON = 'io.modelcontextprotocol.anonymous';
export const OFFICIAL = 'io.modelcontextprotocol.registry/official';

export interface Official {
  status: string;
  statusMessage?: string;
  statusChangedAt: string;
  publishedAt: string;
  updatedAt: string;
  isLatest: boolean;
}
export interface Entry {
  server: Record<string, unknown> & { name: string; version: string };
  _meta: Record<string, Official>;
}
export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export function serverJson(name: string, version: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { $schema: SCHEMA_URL, name, description: 'A test server', version, ...extra };
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  opts: { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string>; redirect?: RequestRedirect } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...opts.headers };
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await fetch(baseUrl + path, { method, headers, body, redirect: opts.redirect ?? 'manual', signal: AbortSignal.timeout(15_000) });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export async function anonymousToken(baseUrl: string): Promise<string> {
  const res = await call(baseUrl, 'POST', '/v0.1/auth/none');
  return (res.json as { registry_token: string }).registry_token;
}

export function official(entry: unknown): Official {
  return (entry as Entry)._meta[OFFICIAL];
}

export function enc(s: string): string {
  return encodeURIComponent(s);
}
