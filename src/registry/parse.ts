// Turns registry JSON into typed models: tolerant of unknown fields and older generations,
// strict about what the extension relies on (server name/version, the official `_meta` block).

import * as l10n from '@vscode/l10n';
import { RegistryError } from './errors';
import { isObject, legacyServerExtras, normalizeServerJson } from './normalize';
import {
  OFFICIAL_META_KEY,
  type AllVersionsStatusResult,
  type HealthInfo,
  type OfficialMeta,
  type RegistryBuildInfo,
  type RegistryToken,
  type ServerJSON,
  type ServerList,
  type ServerResponse,
  type ServerStatus,
  type ValidationIssue,
  type ValidationResult,
} from './types';

/** Which request a body came from, for error messages. */
export interface ParseSource {
  method: string;
  url: string;
}

const NO_SOURCE: ParseSource = { method: 'PARSE', url: '' };
const STATUSES: readonly ServerStatus[] = ['active', 'deprecated', 'deleted'];

function fail(source: ParseSource, detail: string): never {
  throw new RegistryError({ kind: 'parse', method: source.method, url: source.url, detail });
}

/** Parses one server.json (any schema generation) and checks `name` and `version`. */
export function parseServerJson(raw: unknown, source: ParseSource = NO_SOURCE, where = 'server'): ServerJSON {
  if (!isObject(raw)) fail(source, l10n.t('{0} is not an object', where));
  const server = normalizeServerJson(raw);
  if (typeof server.name !== 'string' || server.name === '') fail(source, l10n.t('{0}.name is missing', where));
  if (typeof server.version !== 'string' || server.version === '') {
    fail(source, l10n.t('{0}.version is missing ({1})', where, server.name));
  }
  return server;
}

/**
 * Parses a `ServerResponse`. Also accepts the pre-2025-09-29 shape where list items were bare
 * server.json objects with the official block (and `status`) inside the server itself.
 */
export function parseServerResponse(raw: unknown, source: ParseSource = NO_SOURCE, where = 'response'): ServerResponse {
  if (!isObject(raw)) fail(source, l10n.t('{0} is not an object', where));
  const wrapped = isObject(raw.server);
  const rawServer = wrapped ? (raw.server as Record<string, unknown>) : raw;
  const legacy = legacyServerExtras(rawServer);
  const server = parseServerJson(rawServer, source, wrapped ? `${where}.server` : where);
  const responseMeta = wrapped && isObject(raw._meta) ? raw._meta : {};
  const rawOfficial = responseMeta[OFFICIAL_META_KEY] ?? legacy.official;
  const official = parseOfficialMeta(rawOfficial, legacy.status, source, `${where} ${server.name}@${server.version}`);
  return { server, _meta: { ...responseMeta, [OFFICIAL_META_KEY]: official } };
}

function parseOfficialMeta(raw: unknown, legacyStatus: unknown, source: ParseSource, where: string): OfficialMeta {
  if (!isObject(raw)) fail(source, l10n.t('{0}: registry metadata ({1}) is missing', where, OFFICIAL_META_KEY));
  const field = (camel: string, snake: string): unknown => raw[camel] ?? raw[snake];
  const status = field('status', 'status') ?? legacyStatus ?? 'active';
  if (typeof status !== 'string' || !STATUSES.includes(status as ServerStatus)) {
    fail(source, l10n.t('{0}: unknown status {1}', where, JSON.stringify(status)));
  }
  const isLatest = field('isLatest', 'is_latest');
  if (typeof isLatest !== 'boolean') fail(source, l10n.t('{0}: {1} is not a boolean', where, 'isLatest'));
  const publishedAt = field('publishedAt', 'published_at');
  if (typeof publishedAt !== 'string') fail(source, l10n.t('{0}: {1} is missing', where, 'publishedAt'));
  const updatedAt = field('updatedAt', 'updated_at') ?? publishedAt;
  if (typeof updatedAt !== 'string') fail(source, l10n.t('{0}: {1} is not a string', where, 'updatedAt'));
  const statusChangedAt = field('statusChangedAt', 'status_changed_at') ?? updatedAt;
  if (typeof statusChangedAt !== 'string') fail(source, l10n.t('{0}: {1} is not a string', where, 'statusChangedAt'));
  const meta: OfficialMeta = { status: status as ServerStatus, statusChangedAt, publishedAt, updatedAt, isLatest };
  const message = field('statusMessage', 'status_message');
  if (typeof message === 'string' && message !== '') meta.statusMessage = message;
  return meta;
}

export function parseServerList(raw: unknown, source: ParseSource = NO_SOURCE): ServerList {
  if (!isObject(raw) || !Array.isArray(raw.servers)) fail(source, l10n.t('the body has no {0} array', '"servers"'));
  const servers = raw.servers.map((item, i) => parseServerResponse(item, source, `servers[${i}]`));
  const metadata = isObject(raw.metadata) ? raw.metadata : {};
  const cursor = metadata.nextCursor ?? metadata.next_cursor;
  const count = typeof metadata.count === 'number' ? metadata.count : servers.length;
  return {
    servers,
    metadata: typeof cursor === 'string' && cursor !== '' ? { nextCursor: cursor, count } : { count },
  };
}

export function parseAllVersionsStatus(raw: unknown, source: ParseSource = NO_SOURCE): AllVersionsStatusResult {
  if (!isObject(raw) || !Array.isArray(raw.servers)) fail(source, l10n.t('the body has no {0} array', '"servers"'));
  const servers = raw.servers.map((item, i) => parseServerResponse(item, source, `servers[${i}]`));
  const updatedCount = typeof raw.updatedCount === 'number' ? raw.updatedCount : servers.length;
  return { updatedCount, servers };
}

export function parseValidationResult(raw: unknown, source: ParseSource = NO_SOURCE): ValidationResult {
  if (!isObject(raw) || typeof raw.valid !== 'boolean') fail(source, l10n.t('the body has no {0} flag', '"valid"'));
  const issues: ValidationIssue[] = [];
  for (const item of Array.isArray(raw.issues) ? raw.issues : []) {
    if (!isObject(item) || typeof item.message !== 'string') continue;
    const severity = item.severity === 'warning' || item.severity === 'info' ? item.severity : 'error';
    const issue: ValidationIssue = {
      type: typeof item.type === 'string' ? item.type : 'semantic',
      path: typeof item.path === 'string' ? item.path : '',
      message: item.message,
      severity,
    };
    if (typeof item.reference === 'string' && item.reference !== '') issue.reference = item.reference;
    issues.push(issue);
  }
  return { valid: raw.valid, issues };
}

/** `{registry_token, expires_at}` with `expires_at` in Unix seconds (or, tolerated, an RFC 3339 string). */
export function parseTokenResponse(raw: unknown, source: ParseSource = NO_SOURCE): RegistryToken {
  if (!isObject(raw)) fail(source, l10n.t('token response is not an object'));
  const token = raw.registry_token ?? raw.registryToken ?? raw.token;
  if (typeof token !== 'string' || token === '') fail(source, l10n.t('token response has no {0}', 'registry_token'));
  const expires = raw.expires_at ?? raw.expiresAt;
  let expiresAt: Date | undefined;
  if (typeof expires === 'number') expiresAt = new Date(expires * 1000);
  else if (typeof expires === 'string') expiresAt = new Date(/^\d+$/.test(expires) ? Number(expires) * 1000 : expires);
  if (!expiresAt || Number.isNaN(expiresAt.getTime())) fail(source, l10n.t('token response has no valid {0}', 'expires_at'));
  return { token, expiresAt };
}

export function parseHealth(raw: unknown, source: ParseSource = NO_SOURCE): HealthInfo {
  if (!isObject(raw) || typeof raw.status !== 'string') fail(source, l10n.t('{0} response has no {1}', 'health', 'status'));
  const info: HealthInfo = { status: raw.status };
  const clientId = raw.github_client_id ?? raw.githubClientId;
  if (typeof clientId === 'string' && clientId !== '') info.githubClientId = clientId;
  return info;
}

export function parsePing(raw: unknown, source: ParseSource = NO_SOURCE): boolean {
  if (!isObject(raw) || typeof raw.pong !== 'boolean') fail(source, l10n.t('{0} response has no {1}', 'ping', 'pong'));
  return raw.pong;
}

export function parseBuildInfo(raw: unknown, source: ParseSource = NO_SOURCE): RegistryBuildInfo {
  if (!isObject(raw) || typeof raw.version !== 'string') fail(source, l10n.t('{0} response has no {1}', 'version', 'version'));
  const info: RegistryBuildInfo = { version: raw.version };
  const commit = raw.git_commit ?? raw.gitCommit;
  const built = raw.build_time ?? raw.buildTime;
  if (typeof commit === 'string') info.gitCommit = commit;
  if (typeof built === 'string') info.buildTime = built;
  return info;
}
