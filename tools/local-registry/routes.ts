// Registry API handlers (identical under /v0 and /v0.1). Each returns a Reply or throws a ProblemError.
import { authenticate, handleAuth, type AuthConfig } from './auth';
import { hasPermission, type Permission } from './jwt';
import { jsonReply, ProblemError, validationFailed, type Reply } from './problem';
import type { SchemaStore } from './schemas';
import type { RegistryStore, Status, StoredVersion } from './store';
import { checkRequestShape, hasErrors, publisherMetaTooLarge, toStoredServerJson, validateServerJson } from './validate';

export interface RouteContext {
  store: RegistryStore;
  schemas: SchemaStore;
  auth: AuthConfig;
  version: string;
}

export interface ApiRequest {
  method: string;
  /** Path below the /v0 or /v0.1 prefix, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; a missing body is an error unless `optional`. */
  body: (optional?: boolean) => Promise<unknown>;
}

export const OFFICIAL_META = 'io.modelcontextprotocol.registry/official';
const STATUSES: readonly Status[] = ['active', 'deprecated', 'deleted'];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function serverResponse(row: StoredVersion): Record<string, unknown> {
  const official: Record<string, unknown> = { status: row.status };
  if (row.statusMessage) official.statusMessage = row.statusMessage;
  official.statusChangedAt = row.statusChangedAt.toISOString();
  official.publishedAt = row.publishedAt.toISOString();
  official.updatedAt = row.updatedAt.toISOString();
  official.isLatest = row.isLatest;
  return { server: row.value, _meta: { [OFFICIAL_META]: official } };
}

function boolParam(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw validationFailed([{ message: 'expected boolean', location: `query.${name}`, value: raw }]);
}

async function listServers(ctx: RouteContext, query: URLSearchParams): Promise<Reply> {
  let limit = 30;
  const rawLimit = query.get('limit');
  if (rawLimit !== null) {
    if (!/^-?\d+$/.test(rawLimit)) throw validationFailed([{ message: 'invalid integer', location: 'query.limit', value: rawLimit }]);
    limit = Number(rawLimit);
    if (limit < 1) throw validationFailed([{ message: 'expected number >= 1', location: 'query.limit', value: limit }]);
    if (limit > 100) throw validationFailed([{ message: 'expected number <= 100', location: 'query.limit', value: limit }]);
  }
  let includeDeleted = boolParam(query, 'include_deleted');
  let updatedSince: Date | undefined;
  const rawSince = query.get('updated_since');
  if (rawSince !== null && rawSince !== '') {
    if (!RFC3339.test(rawSince) || Number.isNaN(Date.parse(rawSince))) {
      throw new ProblemError(400, 'Invalid updated_since format: expected RFC3339 timestamp (e.g., 2025-08-07T13:15:04.280Z)');
    }
    if (includeDeleted === false) throw new ProblemError(400, 'include_deleted=false cannot be combined with updated_since (updated_since always includes deleted servers)');
    updatedSince = new Date(rawSince);
    includeDeleted = true;
  }
  const rows = await ctx.store.list({
    cursor: query.get('cursor') ?? undefined,
    limit,
    search: query.get('search') ?? undefined,
    updatedSince,
    version: query.get('version') ?? undefined,
    includeDeleted: includeDeleted ?? false,
  });
  const metadata: Record<string, unknown> = { count: rows.length };
  if (rows.length === limit) {
    const last = rows[rows.length - 1];
    metadata.nextCursor = `${last.name}:${last.version}`;
  }
  return jsonReply({ servers: rows.map(serverResponse), metadata });
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ProblemError(400, 'Invalid URL encoding in path');
  }
}

function permissionPatterns(permissions: Permission[], action: string): string {
  return permissions.filter((p) => p.action === action).map((p) => p.resource).join(', ') || '(none)';
}

async function publish(ctx: RouteContext, req: ApiRequest): Promise<Reply> {
  const body = checkRequestShape(await req.body());
  const claims = authenticate(ctx.auth, headerOf(req, 'authorization'));
  if (!hasPermission(claims, 'publish', body.name)) {
    let detail = `You do not have permission to publish this server. You have permission to publish: ${permissionPatterns(claims.permissions, 'publish')}. Attempting to publish: ${body.name}`;
    if (body.name.startsWith('io.github.')) {
      detail += '. To publish under a GitHub organization namespace you must be an Owner of that organization and your token must be able to read org memberships (read:org)';
    }
    throw new ProblemError(403, detail);
  }
  const issues = await validateServerJson(body, ctx.schemas);
  if (hasErrors(issues.filter((i) => i.reference !== 'publisher-meta-too-large'))) {
    throw new ProblemError(422, 'Failed to publish server, invalid schema: call /validate for details');
  }
  if (publisherMetaTooLarge(body)) {
    throw new ProblemError(400, 'Failed to publish server', [{ message: '_meta.io.modelcontextprotocol.registry/publisher-provided extension exceeds 4KB limit' }]);
  }
  const row = await ctx.store.publish(toStoredServerJson(body));
  return jsonReply(serverResponse(row));
}

async function edit(ctx: RouteContext, req: ApiRequest, name: string, version: string): Promise<Reply> {
  const body = checkRequestShape(await req.body());
  const claims = authenticate(ctx.auth, headerOf(req, 'authorization'));
  if (!hasPermission(claims, 'edit', name)) throw new ProblemError(403, 'You do not have edit permissions for this server');
  if (body.name !== name) throw new ProblemError(400, 'Cannot rename server');
  if (body.version !== version) throw new ProblemError(400, 'Version in request body must match URL path parameter');
  const issues = await validateServerJson(body, ctx.schemas);
  if (hasErrors(issues)) throw new ProblemError(422, 'Failed to edit server, invalid schema: call /validate for details');
  return jsonReply(serverResponse(await ctx.store.edit(toStoredServerJson(body))));
}

async function changeStatus(ctx: RouteContext, req: ApiRequest, name: string, version: string | undefined): Promise<Reply> {
  const raw = await req.body();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw validationFailed([{ message: 'expected object', location: 'body', value: raw }]);
  const body = raw as { status?: unknown; statusMessage?: unknown };
  if (!STATUSES.includes(body.status as Status)) {
    throw validationFailed([{ message: 'expected value to be one of "active, deprecated, deleted"', location: 'body.status', value: body.status }]);
  }
  if (body.statusMessage !== undefined && (typeof body.statusMessage !== 'string' || [...body.statusMessage].length > 500)) {
    throw validationFailed([{ message: 'expected string of length <= 500', location: 'body.statusMessage', value: body.statusMessage }]);
  }
  const claims = authenticate(ctx.auth, headerOf(req, 'authorization'));
  const exists = version === undefined ? (await ctx.store.versions(name, true)).length > 0 : (await ctx.store.get(name, version, true)) !== undefined;
  if (!exists) throw new ProblemError(404, version === undefined ? 'Server not found' : 'Server version not found');
  if (!hasPermission(claims, 'publish', name) && !hasPermission(claims, 'edit', name)) {
    throw new ProblemError(403, 'You do not have publish or edit permissions for this server');
  }
  const status = body.status as Status;
  const message = typeof body.statusMessage === 'string' ? body.statusMessage : null;
  if (status === 'active' && message !== null) throw new ProblemError(400, 'status_message cannot be provided when setting status to active');
  const { updatedCount, rows } = await ctx.store.setStatus(name, version, status, message);
  if (version !== undefined) return jsonReply(serverResponse(rows[0]));
  return jsonReply({ updatedCount, servers: rows.map(serverResponse) });
}

function headerOf(req: ApiRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function methodNotAllowed(): never {
  throw new ProblemError(405, 'Method not allowed');
}

/** Dispatches a request below /v0 or /v0.1; undefined when no route matches the path. */
export async function handleApi(ctx: RouteContext, req: ApiRequest): Promise<Reply | undefined> {
  const segments = req.path.split('/').slice(1);
  const m = req.method;
  const [first, second, third, fourth, fifth] = segments;
  switch (segments.length) {
    case 1:
      if (first === 'servers') return m === 'GET' ? listServers(ctx, req.query) : methodNotAllowed();
      if (first === 'publish') return m === 'POST' ? publish(ctx, req) : methodNotAllowed();
      if (first === 'validate') {
        if (m !== 'POST') methodNotAllowed();
        const issues = await validateServerJson(await req.body(), ctx.schemas);
        return jsonReply({ valid: !hasErrors(issues), issues });
      }
      if (first === 'health') return m === 'GET' ? jsonReply({ status: 'ok', github_client_id: '' }) : methodNotAllowed();
      if (first === 'ping') return m === 'GET' ? jsonReply({ pong: true }) : methodNotAllowed();
      if (first === 'version') return m === 'GET' ? jsonReply({ version: ctx.version, git_commit: 'local', build_time: 'local' }) : methodNotAllowed();
      return undefined;
    case 2:
      if (first === 'auth' && ['none', 'http', 'dns', 'github-at', 'github-oidc'].includes(second)) {
        if (m !== 'POST') methodNotAllowed();
        return handleAuth(ctx.auth, second, await req.body(true));
      }
      return undefined;
    case 3:
      if (first === 'servers' && third === 'versions') {
        if (m !== 'GET') methodNotAllowed();
        const rows = await ctx.store.versions(decodeSegment(second), boolParam(req.query, 'include_deleted') ?? false);
        if (rows.length === 0) throw new ProblemError(404, 'Server not found');
        return jsonReply({ servers: rows.map(serverResponse), metadata: { count: rows.length } });
      }
      if (first === 'servers' && third === 'status') return m === 'PATCH' ? changeStatus(ctx, req, decodeSegment(second), undefined) : methodNotAllowed();
      return undefined;
    case 4:
      if (first === 'servers' && third === 'versions') {
        const name = decodeSegment(second);
        const version = decodeSegment(fourth);
        if (m === 'PUT') return edit(ctx, req, name, version);
        if (m !== 'GET') methodNotAllowed();
        const row = await ctx.store.get(name, version, boolParam(req.query, 'include_deleted') ?? false);
        if (!row) throw new ProblemError(404, 'Server not found');
        return jsonReply(serverResponse(row));
      }
      return undefined;
    case 5:
      if (first === 'servers' && third === 'versions' && fifth === 'status') {
        return m === 'PATCH' ? changeStatus(ctx, req, decodeSegment(second), decodeSegment(fourth)) : methodNotAllowed();
      }
      return undefined;
    default:
      return undefined;
  }
}
