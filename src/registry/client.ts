// The typed client for one registry that speaks the MCP Registry API (/v0.1, falling back to /v0).

import * as l10n from '@vscode/l10n';
import { RegistryError } from './errors';
import { HttpTransport, type HttpOptions, type HttpRequest } from './http';
import {
  parseAllVersionsStatus,
  parseBuildInfo,
  parseHealth,
  parsePing,
  parseServerList,
  parseServerResponse,
  parseTokenResponse,
  parseValidationResult,
  type ParseSource,
} from './parse';
import type { TimestampSigner } from './signing';
import type {
  AllVersionsStatusResult,
  HealthInfo,
  RegistryBuildInfo,
  RegistryToken,
  ServerJSON,
  ServerList,
  ServerResponse,
  StatusChange,
  ValidationResult,
} from './types';

export type ApiVersion = 'v0.1' | 'v0';

export interface RegistryClientOptions extends HttpOptions {
  /** Skip the probe and use this API version. */
  apiVersion?: ApiVersion;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface IncludeDeletedOptions extends CallOptions {
  includeDeleted?: boolean;
}

export interface ListServersParams {
  /** Opaque, exactly as returned in `metadata.nextCursor`. */
  cursor?: string;
  /** 1–100 on the official registry (default 30). */
  limit?: number;
  /** Case-insensitive substring of the server name. */
  search?: string;
  updatedSince?: string | Date;
  /** `latest` for one row per server, or an exact version. */
  version?: string;
  includeDeleted?: boolean;
}

export class RegistryClient {
  /** Base URL without a trailing slash or API version segment. */
  readonly baseUrl: string;
  private readonly http: HttpTransport;
  private pinnedVersion?: ApiVersion;
  private probe?: Promise<ApiVersion>;

  constructor(baseUrl: string, options: RegistryClientOptions = {}) {
    const trimmed = baseUrl.trim().replace(/\/+$/, '');
    const versioned = /^(.*)\/(v0\.1|v0)$/.exec(trimmed);
    this.baseUrl = versioned ? versioned[1] : trimmed;
    this.pinnedVersion = options.apiVersion ?? (versioned?.[2] as ApiVersion | undefined);
    this.http = new HttpTransport(options);
  }

  /** The API version this registry serves: `GET /v0.1/servers?limit=1`, then `/v0` on 404. Cached once known. */
  async apiVersion(options: CallOptions = {}): Promise<ApiVersion> {
    if (this.pinnedVersion) return this.pinnedVersion;
    this.probe ??= this.detectApiVersion(options.signal).then(
      (version) => (this.pinnedVersion = version),
      (error: unknown) => {
        this.probe = undefined;
        throw error;
      },
    );
    return this.probe;
  }

  private async detectApiVersion(signal?: AbortSignal): Promise<ApiVersion> {
    for (const version of ['v0.1', 'v0'] as const) {
      try {
        await this.http.request({ method: 'GET', url: `${this.baseUrl}/${version}/servers?limit=1`, signal });
        return version;
      } catch (error) {
        if (!(error instanceof RegistryError && error.kind === 'http' && error.status === 404) || version === 'v0') throw error;
      }
    }
    throw new Error('unreachable');
  }

  async listServers(params: ListServersParams = {}, options: CallOptions = {}): Promise<ServerList> {
    const query = new URLSearchParams();
    if (params.cursor !== undefined) query.set('cursor', params.cursor);
    if (params.limit !== undefined) query.set('limit', String(params.limit));
    if (params.search) query.set('search', params.search);
    if (params.updatedSince !== undefined) {
      query.set('updated_since', params.updatedSince instanceof Date ? params.updatedSince.toISOString() : params.updatedSince);
    }
    if (params.version) query.set('version', params.version);
    if (params.includeDeleted !== undefined) query.set('include_deleted', String(params.includeDeleted));
    const { json, source } = await this.get('/servers', query, options.signal);
    return parseServerList(json, source);
  }

  /** Every page in order, following `nextCursor` until a page has none or is empty. */
  async *iterateServerPages(params: ListServersParams = {}, options: CallOptions = {}): AsyncGenerator<ServerList> {
    let cursor = params.cursor;
    const seen = new Set<string>();
    for (;;) {
      const page = await this.listServers({ ...params, cursor }, options);
      if (page.servers.length > 0) yield page;
      const next = page.metadata.nextCursor;
      if (!next || page.servers.length === 0) return;
      if (seen.has(next)) {
        throw new RegistryError({ kind: 'parse', method: 'GET', url: `${this.baseUrl}/servers`, detail: l10n.t('the cursor {0} repeats', next) });
      }
      seen.add(next);
      cursor = next;
    }
  }

  async *iterateServers(params: ListServersParams = {}, options: CallOptions = {}): AsyncGenerator<ServerResponse> {
    for await (const page of this.iterateServerPages(params, options)) yield* page.servers;
  }

  /** All versions of one server, newest publication first (as the registry orders them). */
  async getServerVersions(name: string, options: IncludeDeletedOptions = {}): Promise<ServerResponse[]> {
    const { json, source } = await this.get(`/servers/${segment(name)}/versions`, deletedQuery(options), options.signal);
    return parseServerList(json, source).servers;
  }

  async getServerVersion(name: string, version: string, options: IncludeDeletedOptions = {}): Promise<ServerResponse> {
    const path = `/servers/${segment(name)}/versions/${segment(version)}`;
    const { json, source } = await this.get(path, deletedQuery(options), options.signal);
    return parseServerResponse(json, source);
  }

  /** `POST /publish`. Never retried: a retry could race the first attempt into a duplicate-version error. */
  async publish(serverJson: ServerJSON | Record<string, unknown>, token: string, options: CallOptions = {}): Promise<ServerResponse> {
    const { json, source } = await this.send('POST', '/publish', serverJson, token, options.signal);
    return parseServerResponse(json, source);
  }

  async setVersionStatus(name: string, version: string, change: StatusChange, token: string, options: CallOptions = {}): Promise<ServerResponse> {
    const path = `/servers/${segment(name)}/versions/${segment(version)}/status`;
    const { json, source } = await this.send('PATCH', path, statusBody(change), token, options.signal);
    return parseServerResponse(json, source);
  }

  async setAllVersionsStatus(name: string, change: StatusChange, token: string, options: CallOptions = {}): Promise<AllVersionsStatusResult> {
    const path = `/servers/${segment(name)}/status`;
    const { json, source } = await this.send('PATCH', path, statusBody(change), token, options.signal);
    return parseAllVersionsStatus(json, source);
  }

  /**
   * `POST /validate`. The registry answers 422 (not a ValidationResult) when the body breaks its
   * field rules (name pattern, description length, missing `$schema`); those come back as issues too.
   */
  async validate(serverJson: ServerJSON | Record<string, unknown>, options: CallOptions = {}): Promise<ValidationResult> {
    try {
      const { json, source } = await this.send('POST', '/validate', serverJson, undefined, options.signal);
      return parseValidationResult(json, source);
    } catch (error) {
      if (!(error instanceof RegistryError && error.kind === 'http' && error.status === 422)) throw error;
      const items = error.errors.length ? error.errors : [{ message: error.detail ?? error.message }];
      return {
        valid: false,
        issues: items.map((item) => ({
          type: 'schema',
          path: item.location?.replace(/^body\.?/, '') ?? '',
          message: item.message,
          severity: 'error' as const,
        })),
      };
    }
  }

  async health(options: CallOptions = {}): Promise<HealthInfo> {
    const { json, source } = await this.get('/health', undefined, options.signal);
    return parseHealth(json, source);
  }

  async ping(options: CallOptions = {}): Promise<boolean> {
    const { json, source } = await this.get('/ping', undefined, options.signal);
    return parsePing(json, source);
  }

  async serverVersion(options: CallOptions = {}): Promise<RegistryBuildInfo> {
    const { json, source } = await this.get('/version', undefined, options.signal);
    return parseBuildInfo(json, source);
  }

  exchangeGithubAccessToken(githubToken: string, options: CallOptions = {}): Promise<RegistryToken> {
    return this.exchange('/auth/github-at', { github_token: githubToken }, options, true);
  }

  exchangeGithubOidc(oidcToken: string, options: CallOptions = {}): Promise<RegistryToken> {
    return this.exchange('/auth/github-oidc', { oidc_token: oidcToken }, options, true);
  }

  /** Key proof against the domain's DNS TXT record `v=MCPv1; k=…; p=…`. */
  async exchangeDns(domain: string, signer: TimestampSigner, options: CallOptions = {}): Promise<RegistryToken> {
    return this.exchange('/auth/dns', await keyProofBody(domain, signer), options, true);
  }

  /** Key proof against `https://<domain>/.well-known/mcp-registry-auth`. */
  async exchangeHttp(domain: string, signer: TimestampSigner, options: CallOptions = {}): Promise<RegistryToken> {
    return this.exchange('/auth/http', await keyProofBody(domain, signer), options, true);
  }

  /** Anonymous token (local/dev registries only): publish + edit on `io.modelcontextprotocol.anonymous/*`. */
  exchangeAnonymous(options: CallOptions = {}): Promise<RegistryToken> {
    return this.exchange('/auth/none', undefined, options);
  }

  /** `credentialBody`: the body is a credential (GitHub token, key proof), sent like a token is. */
  private async exchange(path: string, body: unknown, options: CallOptions, credentialBody = false): Promise<RegistryToken> {
    const url = `${await this.prefix(options.signal)}${path}`;
    const { json, source } = await this.call({ method: 'POST', url, body, credentialBody, signal: options.signal });
    return parseTokenResponse(json, source);
  }

  private async get(path: string, query: URLSearchParams | undefined, signal?: AbortSignal) {
    const search = query && query.size > 0 ? `?${query.toString()}` : '';
    return this.call({ method: 'GET', url: `${await this.prefix(signal)}${path}${search}`, signal });
  }

  private async send(method: 'POST' | 'PATCH', path: string, body: unknown, token: string | undefined, signal?: AbortSignal) {
    return this.call({ method, url: `${await this.prefix(signal)}${path}`, body, token, signal });
  }

  private async call(req: HttpRequest): Promise<{ json: unknown; source: ParseSource }> {
    const { json } = await this.http.request(req);
    return { json, source: { method: req.method, url: req.url } };
  }

  private async prefix(signal?: AbortSignal): Promise<string> {
    return `${this.baseUrl}/${await this.apiVersion({ signal })}`;
  }
}

/**
 * One URL path segment. `.` and `..` cannot be sent at all: URL parsing resolves them (even as
 * `%2E`) and the request would silently go to another resource.
 */
function segment(value: string): string {
  if (value === '.' || value === '..') throw new RangeError(l10n.t('"{0}" cannot be used as a server name or version in a registry URL', value));
  return encodeURIComponent(value);
}

function deletedQuery(options: IncludeDeletedOptions): URLSearchParams | undefined {
  return options.includeDeleted ? new URLSearchParams({ include_deleted: 'true' }) : undefined;
}

function statusBody(change: StatusChange): StatusChange {
  return change.statusMessage === undefined ? { status: change.status } : { status: change.status, statusMessage: change.statusMessage };
}

async function keyProofBody(domain: string, signer: TimestampSigner) {
  const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { domain, timestamp, signed_timestamp: await signer(timestamp) };
}
