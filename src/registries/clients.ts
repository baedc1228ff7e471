// One RegistryClient per registry URL, logging every request (method, path, status, ms; never tokens)
// and remembering which API version (/v0.1 or /v0) each registry speaks, so opening the view costs no probe.
import * as vscode from 'vscode';
import { attemptOutcome, RegistryClient, RegistryError, type ApiVersion, type RequestLogEntry } from '../registry';
import { normalizeRegistryUrl } from './config';
import { displayUrl } from '../util/displayUrl';

const API_VERSIONS_KEY = 'mcpVersions.apiVersions';

export class RegistryClients {
  private readonly clients = new Map<string, RegistryClient>();
  private requests = 0;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly memento?: vscode.Memento,
    private readonly userAgent = `mcp-versions-vscode (${vscode.env.appName} ${vscode.version})`,
  ) {}

  /** The client for a registry; it assumes the API version seen last time (or /v0.1) until a request says otherwise. */
  get(url: string): RegistryClient {
    const key = normalizeRegistryUrl(url);
    let client = this.clients.get(key);
    if (!client) {
      client = this.create(key, this.knownVersions()[key] ?? 'v0.1');
      this.clients.set(key, client);
    }
    return client;
  }

  /** A client that probes the API version first (for "Add Registry…" and after a 404 on the assumed version). */
  probing(url: string): RegistryClient {
    return this.create(normalizeRegistryUrl(url));
  }

  /**
   * Runs `call` with the registry's client; when the assumed API version answers 404 on a list
   * request, probes /v0.1 then /v0 once, remembers the answer and runs `call` again.
   */
  async withClient<T>(url: string, call: (client: RegistryClient) => Promise<T>): Promise<T> {
    const key = normalizeRegistryUrl(url);
    const client = this.get(key);
    try {
      return await call(client);
    } catch (error) {
      if (!isListNotFound(error)) throw error;
      const used = await client.apiVersion();
      const probing = this.probing(key);
      const actual = await probing.apiVersion().catch(() => used);
      if (actual === used) throw error;
      await this.remember(key, actual);
      this.clients.set(key, probing);
      return call(probing);
    }
  }

  async remember(url: string, version: ApiVersion): Promise<void> {
    await this.memento?.update(API_VERSIONS_KEY, { ...this.knownVersions(), [normalizeRegistryUrl(url)]: version });
  }

  /** Requests (attempts) sent so far by every client, for benchmarks and tests. */
  get requestCount(): number {
    return this.requests;
  }

  forget(url: string): void {
    this.clients.delete(normalizeRegistryUrl(url));
  }

  private knownVersions(): Record<string, ApiVersion> {
    return this.memento?.get<Record<string, ApiVersion>>(API_VERSIONS_KEY) ?? {};
  }

  private create(url: string, apiVersion?: ApiVersion): RegistryClient {
    return new RegistryClient(url, {
      apiVersion,
      userAgent: this.userAgent,
      onRequest: (entry) => this.logRequest(url, entry),
    });
  }

  private logRequest(url: string, entry: RequestLogEntry): void {
    this.requests++;
    const retry = entry.attempt > 1 ? ` (attempt ${entry.attempt})` : '';
    // No user info, and of the query only the parameter names (a search term or cursor is not the log's business).
    const line = `${entry.method} ${displayUrl(`${safeOrigin(url)}${entry.path}`, { queryNames: true }).replace(/^[a-z]+:\/\//, '')} ${attemptOutcome(entry)} ${entry.ms} ms${retry}`;
    if (entry.error === undefined && entry.status !== undefined && entry.status < 400) this.log.info(line);
    else this.log.warn(line);
  }
}

function isListNotFound(error: unknown): boolean {
  if (!(error instanceof RegistryError && error.kind === 'http' && error.status === 404)) return false;
  try {
    return new URL(error.url).pathname.endsWith('/servers');
  } catch {
    return false;
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
